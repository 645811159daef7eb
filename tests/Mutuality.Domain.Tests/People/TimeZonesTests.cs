using Mutuality.Domain.People;

namespace Mutuality.Domain.Tests.People;

public sealed class TimeZonesTests
{
    [Theory]
    [InlineData("Europe/London", true)]
    [InlineData("America/New_York", true)]
    [InlineData("Asia/Kolkata", true)]
    [InlineData("UTC", true)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("Europe/London'; DROP TABLE users; --", false)]
    public void Find_KnowsIanaZones(string? id, bool known) => Assert.Equal(known, TimeZones.Find(id) is not null);

    [Fact]
    public void LocalDay_DiffersAcrossTheWorldForTheSameInstant()
    {
        var instant = new DateTime(2026, 6, 1, 23, 30, 0, DateTimeKind.Utc);
        Assert.Equal(new DateOnly(2026, 6, 2), TimeZones.LocalDay(instant, TimeZones.Find("Europe/Berlin")!));
        Assert.Equal(new DateOnly(2026, 6, 1), TimeZones.LocalDay(instant, TimeZones.Find("America/Los_Angeles")!));
    }

    [Fact]
    public void ToUtc_SkippedSpringForwardTime_MovesPastTheGap()
    {
        // In London, 2026-03-29 01:30 does not exist: clocks jump from 01:00 to 02:00 (BST).
        var utc = TimeZones.ToUtc(new DateOnly(2026, 3, 29), new TimeOnly(1, 30), TimeZones.Find("Europe/London")!);
        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), utc);
    }

    [Fact]
    public void ToUtc_RepeatedFallBackTime_TakesTheFirstOccurrence()
    {
        // In New York, 2026-11-01 01:30 happens twice; the first is EDT (UTC-4).
        var utc = TimeZones.ToUtc(new DateOnly(2026, 11, 1), new TimeOnly(1, 30), TimeZones.Find("America/New_York")!);
        Assert.Equal(new DateTime(2026, 11, 1, 5, 30, 0, DateTimeKind.Utc), utc);
    }

    [Fact]
    public void ToUtc_OrdinaryTime_UsesTheSeasonsOffset()
    {
        var zone = TimeZones.Find("Europe/London")!;
        Assert.Equal(new DateTime(2026, 1, 10, 20, 0, 0, DateTimeKind.Utc), TimeZones.ToUtc(new DateOnly(2026, 1, 10), new TimeOnly(20, 0), zone));
        Assert.Equal(new DateTime(2026, 7, 10, 19, 0, 0, DateTimeKind.Utc), TimeZones.ToUtc(new DateOnly(2026, 7, 10), new TimeOnly(20, 0), zone));
    }
}
