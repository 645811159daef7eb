using Mutuality.Domain.Common;

namespace Mutuality.Domain.Rituals;

/// <summary>
/// "Pause — let's take a break": at least 20 minutes, long enough for a racing heart to settle, then come back.
/// </summary>
public static class Breaks
{
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(20);

    public static readonly DomainError AlreadyOnBreak = new("break.running", "A break is already running. Use the time to do something soothing; you can come back when it ends.");

    public static bool IsRunning(DateTime? endsAtUtc, DateTime nowUtc) => endsAtUtc is { } end && end > nowUtc;

    /// <summary>Starts a break now; it ends 20 minutes later. Not while one is already running.</summary>
    public static Result<DateTime> Start(DateTime? currentEndsAtUtc, DateTime nowUtc)
        => IsRunning(currentEndsAtUtc, nowUtc) ? AlreadyOnBreak : Result<DateTime>.Ok(nowUtc + Length);
}
