using Mutuality.Domain.CheckIns;
using Mutuality.Domain.Common;
using Mutuality.Domain.People;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.CheckIns;

/// <summary>Sending one's check-in for a period, once (issue 19 item 2: one use case, one file).</summary>
public sealed class SendCheckIn(AppDbContext db, CheckInQueries checkIns, Notifications.Notices notices)
{
    /// <summary>Validates once, returning every problem; failed checks store nothing.</summary>
    public async Task<Result<OwnCheckIn>> HandleAsync(Caller caller, CheckInPeriod period, CheckInInput input, CancellationToken ct = default)
    {
        var now = checkIns.Now;
        if (Periods.CanCheckIn(period, now, TimeZones.FindOrUtc(caller.TimeZoneId)) is { } periodError)
        {
            return periodError;
        }

        var content = CheckInRules.Validate(input, submitting: true, out var errors);
        if (!content.IsSuccess)
        {
            return Result<OwnCheckIn>.Fail(errors);
        }

        if (!await CheckInRows.WriteUnsentAsync(db, caller, period, CheckInJson.Write(content.Value), now, sentAt: now, ct))
        {
            return CheckInRules.AlreadySubmitted;
        }

        // A sealed check-in tells the partner nothing. Only when both have checked in does the first to send
        // hear that the reveal is ready (issue 15) — unless both partners agreed to "tell me when my partner has
        // checked in", which tells the other that one fact (that a check-in exists) and nothing else.
        if (caller.PartnerId is { } partner)
        {
            if (await checkIns.PartnerSentAsync(caller, period, ct))
            {
                await notices.NotifyAsync(partner, Domain.Notifications.NoticeKind.RevealReady, caller.UserId, $"/CheckIns/Reveal/{period.Label}", ct: ct);
            }
            else if (await Notifications.YourTurn.BothOnAsync(db, caller.CoupleId, caller.UserId, partner, ct))
            {
                await notices.NotifyAsync(partner, Domain.Notifications.NoticeKind.PartnerCheckedIn, caller.UserId, $"/CheckIns/Form?period={period.Label}", ct: ct);
            }
        }

        return Result<OwnCheckIn>.Ok((await checkIns.OwnAsync(caller, period, ct))!);
    }
}
