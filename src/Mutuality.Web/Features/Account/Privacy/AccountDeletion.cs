using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
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
/// All in one transaction: either all of it happens or none of it.
/// </summary>
public sealed class AccountDeletion(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, IMailSender mail, ExportFiles files)
{
    public const string PartnerNoticeText =
        "Your partner has deleted their Mutuality account, so your shared space has closed. Everything you wrote yourself is still yours. "
        + "What they wrote has been deleted with their account.";

    /// <summary>Where a kept row had to name someone who no longer exists.</summary>
    public static readonly Guid FormerPartner = Guid.Empty;

    public const string FormerPartnerConflictTitle = "A conflict opened by a former partner";

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
            // Moments and pebbles: theirs go; their response or reaction on the partner's is removed.
            await db.SupportMoments.Where(m => m.AuthorId == userId).ExecuteDeleteAsync(ct);
            await db.SupportMoments.Where(m => couples.Contains(m.CoupleId) && (m.ResponseKind != null || m.Reaction != null))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.ResponseKind, (Domain.Support.MomentResponseKind?)null)
                    .SetProperty(m => m.ResponseRating, (int?)null)
                    .SetProperty(m => m.ResponseNote, (string?)null)
                    .SetProperty(m => m.RespondedAtUtc, (DateTime?)null)
                    .SetProperty(m => m.Reaction, (Domain.Support.PebbleReaction?)null)
                    .SetProperty(m => m.ReactedAtUtc, (DateTime?)null), ct);

            // Requests: theirs go (with their history); on the partner's, their lines and their alternative go.
            var theirRequests = db.SupportRequests.Where(r => r.RequesterId == userId).Select(r => r.Id);
            await db.RequestEvents.Where(e => theirRequests.Contains(e.RequestId) || e.ActorId == userId).ExecuteDeleteAsync(ct);
            await db.SupportRequests.Where(r => r.RequesterId == userId).ExecuteDeleteAsync(ct);
            await db.SupportRequests.Where(r => r.PartnerId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.PartnerId, FormerPartner).SetProperty(r => r.Alternative, (string?)null), ct);
            await db.RequestMailPreferences.Where(p => p.UserId == userId).ExecuteDeleteAsync(ct);

            // Check-ins: theirs go, with every reply to them; their replies to the partner's go.
            var theirCheckIns = db.CheckIns.Where(c => c.AuthorId == userId).Select(c => c.Id);
            await db.CheckInReplies.Where(r => r.AuthorId == userId || theirCheckIns.Contains(r.CheckInId)).ExecuteDeleteAsync(ct);
            await db.CheckIns.Where(c => c.AuthorId == userId).ExecuteDeleteAsync(ct);
            await db.CheckInPersonSettings.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
            await db.CheckInCoupleSettings.Where(s => s.ProposedByUserId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ProposedByUserId, (Guid?)null).SetProperty(x => x.ProposedCadence, (int?)null), ct);

            // Rituals and repair.
            await db.IntimacyEntries.Where(e => e.AuthorId == userId).ExecuteDeleteAsync(ct);
            await db.PulseAnswers.Where(a => a.AuthorId == userId).ExecuteDeleteAsync(ct);
            await db.MonthlyPreparations.Where(p => p.AuthorId == userId).ExecuteDeleteAsync(ct);
            await db.MonthlyRhythms.Where(r => r.ChosenById == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ChosenById, FormerPartner), ct);
            await db.MonthlyCheckIns.Where(c => c.StarterId == userId).ExecuteUpdateAsync(s => s.SetProperty(c => c.StarterId, (Guid?)null), ct);
            await db.RitualAgreements.Where(a => a.CreatedById == userId || a.OwnerId == userId).ExecuteDeleteAsync(ct);
            await db.RitualAgreements.Where(a => a.ReviewedById == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ReviewedById, (Guid?)null), ct);
            await db.ConflictSides.Where(x => x.AuthorId == userId).ExecuteDeleteAsync(ct);
            await db.RepairAttempts.Where(x => x.AuthorId == userId).ExecuteDeleteAsync(ct);
            await db.ConflictRecords.Where(c => c.OpenedById == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.OpenedById, FormerPartner).SetProperty(c => c.Title, FormerPartnerConflictTitle), ct);
            await db.ConflictRecords.Where(c => c.ResolvedById == userId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ResolvedById, (Guid?)null), ct);
            await db.GuideReflections.Where(r => r.AuthorId == userId).ExecuteDeleteAsync(ct);

            // Questions for two (issue 17): their answers, notes, reactions and favourites go; a day they asked for or
            // brought to the monthly check-in stays for the partner without their id.
            await db.QuestionAnswers.Where(a => a.AuthorId == userId).ExecuteDeleteAsync(ct);
            await db.QuestionReactions.Where(r => r.AuthorId == userId).ExecuteDeleteAsync(ct);
            await db.QuestionFavourites.Where(f => f.UserId == userId).ExecuteDeleteAsync(ct);
            await db.DailyQuestions.Where(q => q.AskedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(q => q.AskedByUserId, (Guid?)null), ct);
            await db.DailyQuestions.Where(q => q.BroughtToMonthlyByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(q => q.BroughtToMonthlyByUserId, FormerPartner), ct);

            // The couple space ends; their membership rows and any invitation they made or used go.
            await db.Invitations.Where(i => i.InvitedByUserId == userId || i.UsedByUserId == userId || (activeCouple != null && i.CoupleId == activeCouple))
                .ExecuteDeleteAsync(ct);
            if (activeCouple is { } coupleId)
            {
                await db.CoupleMembers.Where(m => m.CoupleId == coupleId && m.LeftAtUtc == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.LeftAtUtc, now), ct);
                await db.Couples.Where(c => c.Id == coupleId && c.EndedAtUtc == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.EndedAtUtc, now), ct);
            }

            await db.CoupleMembers.Where(m => m.UserId == userId).ExecuteDeleteAsync(ct);

            // Their own account records.
            await db.FeedCursors.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
            await db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
            await db.SecurityEvents.Where(e => e.UserId == userId).ExecuteDeleteAsync(ct);
            await db.PersonNotices.Where(n => n.UserId == userId).ExecuteDeleteAsync(ct);
            await db.ExportJobs.Where(j => j.UserId == userId).ExecuteDeleteAsync(ct);
            await db.MailPreferences.Where(p => p.UserId == userId).ExecuteDeleteAsync(ct);
            await db.ScheduledMailSent.Where(m => m.PersonId == userId).ExecuteDeleteAsync(ct);
            await db.InsightDismissals.Where(d => d.UserId == userId).ExecuteDeleteAsync(ct);
            // Issue 15: their devices, pending notices and notification choices.
            await db.NotificationOutbox.Where(o => o.UserId == userId).ExecuteDeleteAsync(ct);
            await db.PushDevices.Where(d => d.UserId == userId).ExecuteDeleteAsync(ct);
            await db.NotificationPreferences.Where(p => p.UserId == userId).ExecuteDeleteAsync(ct);
            await db.YourTurnConsents.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);

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
