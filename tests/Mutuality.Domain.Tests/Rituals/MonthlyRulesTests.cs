using Mutuality.Domain.Rituals;

namespace Mutuality.Domain.Tests.Rituals;

public sealed class MonthlyRulesTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Auckland = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland");

    [Theory]
    [InlineData(null, false)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(15, true)]
    [InlineData(28, true)]
    [InlineData(29, false)]
    [InlineData(31, false)]
    [InlineData(-3, false)]
    public void ValidateDay_AcceptsOnlyDaysEveryMonthHas(int? day, bool ok)
    {
        var result = MonthlyRhythm.ValidateDay(day);
        Assert.Equal(ok, result.IsSuccess);
        if (!ok)
        {
            Assert.Equal("DayOfMonth", result.Error!.Field);
            Assert.StartsWith("Day of the month:", result.Error.Message, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, int, DateTime, string, DateOnly> NextCases => new()
    {
        { "later this month", 15, new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc), "Europe/London", new DateOnly(2026, 3, 15) },
        { "today counts", 2, new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc), "Europe/London", new DateOnly(2026, 3, 2) },
        { "already past: next month", 1, new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc), "Europe/London", new DateOnly(2026, 4, 1) },
        { "December rolls into January", 5, new DateTime(2026, 12, 20, 12, 0, 0, DateTimeKind.Utc), "Europe/London", new DateOnly(2027, 1, 5) },
        { "New York is still on the 14th", 15, new DateTime(2026, 3, 15, 2, 0, 0, DateTimeKind.Utc), "America/New_York", new DateOnly(2026, 3, 15) },
        { "London already on the 15th", 14, new DateTime(2026, 3, 15, 2, 0, 0, DateTimeKind.Utc), "Europe/London", new DateOnly(2026, 4, 14) },
        { "New York still on the 14th keeps the 14th", 14, new DateTime(2026, 3, 15, 2, 0, 0, DateTimeKind.Utc), "America/New_York", new DateOnly(2026, 3, 14) },
        { "Auckland is a day ahead", 28, new DateTime(2026, 2, 28, 12, 0, 0, DateTimeKind.Utc), "Pacific/Auckland", new DateOnly(2026, 3, 28) },
    };

    [Theory]
    [MemberData(nameof(NextCases))]
    public void NextOccurrence_IsComputedInEachPartnersZone(string because, int day, DateTime now, string zone, DateOnly expected)
        => Assert.True(expected == MonthlyRhythm.NextOccurrence(day, now, TimeZoneInfo.FindSystemTimeZoneById(zone)), because);

    [Fact]
    public void MonthOf_FollowsTheLocalDay()
    {
        var instant = new DateTime(2026, 3, 31, 23, 30, 0, DateTimeKind.Utc);
        Assert.Equal(new DateOnly(2026, 4, 1), MonthlyRhythm.MonthOf(instant, London));
        Assert.Equal(new DateOnly(2026, 3, 1), MonthlyRhythm.MonthOf(instant, NewYork));
        Assert.Equal(new DateOnly(2026, 4, 1), MonthlyRhythm.MonthOf(instant, Auckland));
    }

    /// <summary>Issue 13 item 6: one monthly conversation is never filed under two months because the partners live
    /// hours apart; for every hour around a month's turn both partners get the same month, and it moves forward once.</summary>
    [Fact]
    public void CoupleMonthOf_IsTheSameForBothPartners_AtEveryHourAroundTheTurnOfTheMonth()
    {
        var zones = new[] { London, NewYork, Auckland };
        foreach (var a in zones)
        {
            foreach (var b in zones)
            {
                var previous = DateOnly.MinValue;
                for (var at = new DateTime(2026, 3, 30, 0, 0, 0, DateTimeKind.Utc); at < new DateTime(2026, 4, 3, 0, 0, 0, DateTimeKind.Utc); at = at.AddMinutes(30))
                {
                    var month = MonthlyRhythm.CoupleMonthOf(at, a, b);
                    Assert.Equal(month, MonthlyRhythm.CoupleMonthOf(at, b, a));
                    Assert.True(month >= previous, $"{a.Id}/{b.Id} at {at:O}: the month went back");
                    Assert.True(month == MonthlyRhythm.MonthOf(at, a) || month == MonthlyRhythm.MonthOf(at, b));
                    previous = month;
                }

                Assert.Equal(new DateOnly(2026, 4, 1), previous);
            }
        }
    }

    public static TheoryData<string, string?, string?, string?, string?, string?> PreparationCases => new()
    {
        { "all empty is fine while drafting", null, null, null, null, null },
        { "some parts", "You made me tea every morning.", "", "  ", "More walks", null },
        { "appreciations too long", new string('a', Preparation.MaxLength + 1), null, null, null, "Appreciations" },
        { "hard thing too long", null, null, new string('h', Preparation.MaxLength + 1), null, "HardThing" },
        { "need too long after trimming only", null, null, null, " " + new string('n', Preparation.MaxLength) + " ", null },
    };

    [Theory]
    [MemberData(nameof(PreparationCases))]
    public void Preparation_Validate_ChecksEachPartsLength(string because, string? a, string? w, string? h, string? n, string? badField)
    {
        var (text, errors) = Preparation.Validate(a, w, h, n);
        Assert.True(badField == (errors.Count > 0 ? errors[0] : null)?.Field, because);
        Assert.Equal(badField is null, text is not null);
    }

    [Theory]
    [InlineData("", "", "", "", "monthly.preparation_empty")]
    [InlineData("Thanks", "", "", "", null)]
    [InlineData("", "", "", "Time alone on Sundays", null)]
    public void Preparation_CanShare_OnlyWithSomethingWritten(string a, string w, string h, string n, string? expected)
        => Assert.Equal(expected, Preparation.CanShare(new PreparationText(a, w, h, n))?.Code);

    [Fact]
    public void TalkMode_WalksEveryTopicWithBothPartnersInTurn_ThenFinishes()
    {
        var position = TalkPosition.Start;
        var seen = new List<(TalkTopic, TalkSpeaker)>();
        while (!position.Finished)
        {
            seen.Add((TalkMode.Current(position).Topic, position.Speaker));
            position = TalkMode.Next(position, onBreak: false).Value;
        }

        var expected = TalkMode.Topics.SelectMany(t => new[] { (t.Topic, TalkSpeaker.Starter), (t.Topic, TalkSpeaker.Other) }).ToList();
        Assert.Equal(expected, seen);
        Assert.Equal("talk.finished", TalkMode.Next(position, onBreak: false).Error!.Code);
    }

    public static TheoryData<string, TalkPosition, bool, TalkPosition?, string?> NextStepCases => new()
    {
        { "starter hands over", new TalkPosition(0, TalkSpeaker.Starter), false, new TalkPosition(0, TalkSpeaker.Other), null },
        { "other finishes the topic", new TalkPosition(2, TalkSpeaker.Other), false, new TalkPosition(3, TalkSpeaker.Starter), null },
        { "last turn finishes", new TalkPosition(5, TalkSpeaker.Other), false, new TalkPosition(5, TalkSpeaker.Other, true), null },
        { "no moving on during a break", new TalkPosition(1, TalkSpeaker.Starter), true, null, "talk.on_break" },
        { "finished stays finished", new TalkPosition(5, TalkSpeaker.Other, true), false, null, "talk.finished" },
    };

    [Theory]
    [MemberData(nameof(NextStepCases))]
    public void TalkMode_Next_FollowsTheTurnRules(string because, TalkPosition from, bool onBreak, TalkPosition? expected, string? error)
    {
        var result = TalkMode.Next(from, onBreak);
        Assert.True(error == result.Error?.Code, because);
        if (expected is not null)
        {
            Assert.Equal(expected, result.Value);
        }
    }

    public static TheoryData<string, TalkPosition, TalkPosition?, string?> BackCases => new()
    {
        { "other back to starter", new TalkPosition(1, TalkSpeaker.Other), new TalkPosition(1, TalkSpeaker.Starter), null },
        { "starter back to previous topic", new TalkPosition(1, TalkSpeaker.Starter), new TalkPosition(0, TalkSpeaker.Other), null },
        { "reopen a finished talk", new TalkPosition(5, TalkSpeaker.Other, true), new TalkPosition(5, TalkSpeaker.Other), null },
        { "nothing before the start", TalkPosition.Start, null, "talk.at_start" },
    };

    [Theory]
    [MemberData(nameof(BackCases))]
    public void TalkMode_Back_StepsOneTurnBack(string because, TalkPosition from, TalkPosition? expected, string? error)
    {
        var result = TalkMode.Back(from);
        Assert.True(error == result.Error?.Code, because);
        if (expected is not null)
        {
            Assert.Equal(expected, result.Value);
        }
    }

    [Fact]
    public void TalkMode_SpeakerId_AlternatesBetweenPartners()
    {
        var a = Guid.CreateVersion7();
        var b = Guid.CreateVersion7();
        Assert.Equal(a, TalkMode.SpeakerId(new TalkPosition(3, TalkSpeaker.Starter), a, b));
        Assert.Equal(b, TalkMode.SpeakerId(new TalkPosition(3, TalkSpeaker.Other), a, b));
    }

    public static TheoryData<string, DateTime?, DateTime, DateTime?, string?> BreakCases => new()
    {
        { "no break yet", null, new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 2, 9, 20, 0, DateTimeKind.Utc), null },
        { "earlier break ended", new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 2, 9, 20, 0, DateTimeKind.Utc), null },
        { "break ends exactly now", new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 2, 9, 20, 0, DateTimeKind.Utc), null },
        { "break still running", new DateTime(2026, 3, 2, 9, 10, 0, DateTimeKind.Utc), new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc), null, "break.running" },
    };

    [Theory]
    [MemberData(nameof(BreakCases))]
    public void Breaks_Start_LastTwentyMinutes_AndDoNotStack(string because, DateTime? current, DateTime now, DateTime? expected, string? error)
    {
        var result = Breaks.Start(current, now);
        Assert.True(error == result.Error?.Code, because);
        if (expected is not null)
        {
            Assert.Equal(expected, result.Value);
        }
    }
}
