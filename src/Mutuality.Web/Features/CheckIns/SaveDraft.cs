using Mutuality.Domain.CheckIns;
using Mutuality.Domain.Common;
using Mutuality.Domain.People;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.CheckIns;

/// <summary>Saving a draft of one's check-in as one types (issue 19 item 2: one use case, one file).</summary>
public sealed class SaveDraft(AppDbContext db, CheckInQueries checkIns)
{
    /// <summary>Failed checks store nothing; a sent check-in cannot be changed.</summary>
    public async Task<Result<OwnCheckIn>> HandleAsync(Caller caller, CheckInPeriod period, CheckInInput input, CancellationToken ct = default)
    {
        var now = checkIns.Now;
        if (Periods.CanCheckIn(period, now, TimeZones.FindOrUtc(caller.TimeZoneId)) is { } periodError)
        {
            return periodError;
        }

        var content = CheckInRules.Validate(input, submitting: false, out _);
        if (!content.IsSuccess)
        {
            return content.Error!;
        }

        if (!await CheckInRows.WriteUnsentAsync(db, caller, period, CheckInJson.Write(content.Value), now, sentAt: null, ct))
        {
            return CheckInRules.AlreadySubmitted;
        }

        return Result<OwnCheckIn>.Ok((await checkIns.OwnAsync(caller, period, ct))!);
    }
}
