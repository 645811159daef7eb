using Mutuality.Domain.Common;

namespace Mutuality.Domain.Tests.People;

public sealed class HistoryDatesTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("2026-03-02T09:04:00", true)] // within the clock-drift tolerance
    [InlineData("2026-03-02T09:06:00", false)] // in the future
    [InlineData("2024-01-01T00:00:00", true)] // older than the live-entry year: history keeps its dates
    [InlineData("2000-01-01T00:00:00", true)]
    [InlineData("1999-12-31T23:59:00", false)] // absurdly old
    public void AnImportedInstant_IsAccepted_UnlessInTheFutureOrAbsurdlyOld(string at, bool accepted)
        => Assert.Equal(accepted, HistoryDates.CheckInstant(DateTime.Parse(at, System.Globalization.CultureInfo.InvariantCulture), Now, "When") is null);

    [Theory]
    [InlineData("2026-03-02", true)]
    [InlineData("2026-03-03", false)] // tomorrow even in UTC+14 at 09:00 UTC is 2026-03-02 23:00
    [InlineData("1999-12-31", false)]
    public void AnImportedDay_IsAccepted_UnlessInTheFutureAnywhereOrAbsurdlyOld(string day, bool accepted)
        => Assert.Equal(accepted, HistoryDates.CheckDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), Now, "Period") is null);
}
