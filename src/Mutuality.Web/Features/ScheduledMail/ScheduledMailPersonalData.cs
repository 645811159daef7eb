using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Features.ScheduledMail.Data;
using Mutuality.Web.Features.Shared.PersonalData;

namespace Mutuality.Web.Features.ScheduledMail;

/// <summary>Scheduled e-mail in a person's data: their choices and the record of what was sent to them go with their account.</summary>
public sealed class ScheduledMailPersonalData(AppDbContext db) : IPersonalData
{
    public IReadOnlyCollection<Type> Entities { get; } = [typeof(MailPreference), typeof(ScheduledMailSent)];

    public async Task DeleteAsync(PersonLeaving person, CancellationToken ct)
    {
        await db.MailPreferences.Where(p => p.UserId == person.UserId).ExecuteDeleteAsync(ct);
        await db.ScheduledMailSent.Where(m => m.PersonId == person.UserId).ExecuteDeleteAsync(ct);
    }
}
