using Mutuality.Domain.CheckIns;
using Mutuality.Domain.People;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.CheckIns;

/// <summary>Where the caller stands for their current period, for the home panel and the check-ins page.</summary>
public sealed record CheckInStatusView(CheckInPeriod Period, RevealStage Stage, bool HasDraft, bool ReminderDue, CheckInPeriod? PreviousReady);

public sealed class CheckInStatusQuery(CheckInService checkIns, CheckInSettingsService settings)
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

        return new CheckInStatusView(period, view.Stage, own is { Submitted: false }, reminderDue, previousReady);
    }
}
