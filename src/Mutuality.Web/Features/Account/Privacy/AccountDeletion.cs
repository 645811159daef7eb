using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Shared.PersonalData;
using Mutuality.Web.Infrastructure.Mail;

namespace Mutuality.Web.Features.Account.Privacy;

/// <summary>
/// Deletes a person's account and what they wrote, by the policy in docs/privacy.md ("Deleting your account"):
/// <list type="bullet">
/// <item>everything they wrote is deleted — moments, pebbles, requests they made, check-ins, replies,
/// preparations, conflict sides, repair attempts, reflections, pulse and intimacy answers, agreements they wrote,
/// settings, sessions, security history, notices and exports;</item>
/// <item>their words on the partner's things are removed (responses and reactions to the partner's moments, their
/// answers on the partner's requests and their history lines, replies to the partner's check-ins);</item>
/// <item>the partner keeps what the partner wrote; where a kept row named the deleted person it now names nobody
/// ("a former partner");</item>
/// <item>the couple space ends and the partner is told in plain words (a notice on their home page and an e-mail).</item>
/// </list>
/// Each feature says what this means for its rows (its <see cref="IPersonalData"/>); all of them run in one
/// transaction: either all of it happens or none of it.
/// </summary>
public sealed class AccountDeletion(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, IMailSender mail, ExportFiles files, IEnumerable<IPersonalData> parts)
{
    public const string PartnerNoticeText =
        "Your partner has deleted their Mutuality account, so your shared space has closed. Everything you wrote yourself is still yours. "
        + "What they wrote has been deleted with their account.";

    /// <summary>Where a kept row had to name someone who no longer exists.</summary>
    public static readonly Guid FormerPartner = ImportRules.FormerPartner;

    /// <summary>The title a conflict the person opened keeps for the partner.</summary>
    public const string FormerPartnerConflictTitle = Repair.RepairPersonalData.FormerPartnerConflictTitle;

    public async Task DeleteAsync(Guid userId, CancellationToken ct = default)
    {
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var couples = await db.CoupleMembers.Where(m => m.UserId == userId).Select(m => m.CoupleId).Distinct().ToListAsync(ct);
        var activeCouple = await db.CoupleMembers.Where(m => m.UserId == userId && m.LeftAtUtc == null).Select(m => (Guid?)m.CoupleId).SingleOrDefaultAsync(ct);
        var partner = activeCouple is null
            ? null
            : await db.CoupleMembers.Where(m => m.CoupleId == activeCouple && m.UserId != userId && m.LeftAtUtc == null)
                .Select(m => new { m.UserId, m.User!.Email, m.User.DisplayName })
                .SingleOrDefaultAsync(ct);
        var exportFiles = await db.ExportJobs.Where(j => j.UserId == userId && j.FileName != null).Select(j => j.FileName!).ToListAsync(ct);

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // Each feature deletes its part (its rows, and what leaving means for the partner's shared rows).
            var leaving = new PersonLeaving(userId, couples, activeCouple, now);
            foreach (var part in parts)
            {
                await part.DeleteAsync(leaving, ct);
            }

            if (partner is not null)
            {
                db.PersonNotices.Add(new PersonNotice { Id = Guid.CreateVersion7(), UserId = partner.UserId, Text = PartnerNoticeText, CreatedAtUtc = now });
                await db.SaveChangesAsync(ct);
            }

            // Identity removes the user with their claims, logins, tokens and roles.
            var deleted = await users.DeleteAsync(user);
            if (!deleted.Succeeded)
            {
                throw new InvalidOperationException("The account could not be deleted: " + string.Join("; ", deleted.Errors.Select(e => e.Code)));
            }

            await tx.CommitAsync(ct);
        }

        foreach (var file in exportFiles)
        {
            files.Delete(file);
        }

        if (partner?.Email is not null)
        {
            await mail.SendAsync(new OutgoingMail(partner.Email, partner.DisplayName, "Your shared space in Mutuality has closed",
                PartnerNoticeText, $"<p>{System.Net.WebUtility.HtmlEncode(PartnerNoticeText)}</p>"), ct);
        }
    }
}
