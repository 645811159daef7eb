using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Shared.PersonalData;
using Mutuality.Web.Infrastructure.Intents;

namespace Mutuality.Web.Features.Account.Privacy;

/// <summary>
/// The account's own records in a person's data: sessions, security history, notices and exports go; the user row
/// goes last with Identity's claims, logins, tokens and roles, and with it the forms they sent (submitted intents) by
/// cascade (<see cref="AccountDeletion"/>). Their name, e-mail and time zone head the export.
/// </summary>
public sealed class AccountPersonalData(AppDbContext db) : IPersonalData
{
    public IReadOnlyCollection<Type> Entities { get; } =
    [
        typeof(AppUser), typeof(IdentityUserClaim<Guid>), typeof(IdentityUserLogin<Guid>), typeof(IdentityUserToken<Guid>), typeof(IdentityUserRole<Guid>),
        typeof(UserSession), typeof(SecurityEvent), typeof(PersonNotice), typeof(ExportJob), typeof(ExportFileContent), typeof(SubmittedIntent),
    ];

    public async Task DeleteAsync(PersonLeaving person, CancellationToken ct)
    {
        var userId = person.UserId;
        await db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
        await db.SecurityEvents.Where(e => e.UserId == userId).ExecuteDeleteAsync(ct);
        await db.PersonNotices.Where(n => n.UserId == userId).ExecuteDeleteAsync(ct);
        await db.ExportJobs.Where(j => j.UserId == userId).ExecuteDeleteAsync(ct);
    }
}
