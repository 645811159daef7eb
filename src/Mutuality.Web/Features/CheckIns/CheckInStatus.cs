using Mutuality.Domain.CheckIns;
using Mutuality.Domain.People;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.CheckIns;

/// <summary>Where the caller stands for their current period, for the home panel and the check-ins page.</summary>
/// <param name="PartnerCheckedIn">The partner has sent this period's check-in: shown only while both partners have
/// agreed to "tell me when my partner has checked in" (issue 15), and then it is the only thing that differs.</param>
public sealed record CheckInStatusView(CheckInPeriod Period, RevealStage Stage, bool HasDraft, bool ReminderDue, CheckInPeriod? PreviousReady, bool PartnerCheckedIn = false);

public sealed class CheckInStatusQuery(CheckInQueries checkIns, CheckInSettingsService settings, Mutuality.Web.Data.AppDbContext db)
{
    public async Task<CheckInStatusView?> GetAsync(Caller caller, CancellationToken ct = default)
    {
        if (!caller.HasPartner)
        {
            return null;
        }

        var period = await checkIns.CurrentPeriodAsync(caller, ct);
        var own = await checkIns.OwnAsync(caller, period, ct);
        var (view, _) = await checkIns.PartnerViewAsync(caller, period, ct);

        // Yesterday's (or last week's) reveal, when the caller sent theirs and it has opened since.
        CheckInPeriod? previousReady = null;
        var previousOwn = await checkIns.OwnAsync(caller, period.Previous, ct);
        if (previousOwn?.Submitted == true && (await checkIns.PartnerViewAsync(caller, period.Previous, ct)).View.IsRevealed)
        {
            previousReady = period.Previous;
        }

        var reminderDue = false;
        if (own?.Submitted != true && await settings.ReminderAsync(caller, ct) is { } reminder)
        {
            var zone = TimeZones.FindOrUtc(caller.TimeZoneId);
            var today = TimeZones.LocalDay(checkIns.Now, zone);
            reminderDue = checkIns.Now >= TimeZones.ToUtc(today, reminder, zone);
        }

        var partnerCheckedIn = false;
        if (view.Stage == RevealStage.SealedUntilYouCheckIn && own?.Submitted != true && caller.PartnerId is { } partner
            && await Notifications.YourTurn.BothOnAsync(db, caller.CoupleId, caller.UserId, partner, ct))
        {
            partnerCheckedIn = await checkIns.PartnerSentAsync(caller, period, ct);
        }

        return new CheckInStatusView(period, view.Stage, own is { Submitted: false }, reminderDue, previousReady, partnerCheckedIn);
    }
}
