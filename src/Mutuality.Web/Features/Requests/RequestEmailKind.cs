using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Shared.Email;

namespace Mutuality.Web.Features.Requests;

/// <summary>An e-mail for each new request from the partner: opt-in, with quiet hours chosen on <c>/Requests/Email</c>.</summary>
public sealed class RequestEmailKind(AppDbContext db) : IEmailKind
{
    public string Key => "new-requests";

    public string Name => "New requests from your partner";

    public string SettingsUrl => "/Requests/Email";

    public string SettingsLinkText => "Request e-mails and quiet hours";

    public async Task<EmailSetting> ReadAsync(EmailPerson person, CancellationToken ct)
        => new(await db.RequestMailPreferences.AsNoTracking().AnyAsync(p => p.UserId == person.UserId && p.EmailNewRequests, ct));
}
