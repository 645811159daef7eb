using Mutuality.Domain.Questions;

namespace Mutuality.Domain.Tests.Questions;

/// <summary>The daily picker (issue 17): no repeats until the library is used, never deeper two days running, mixing, asking.</summary>
public sealed class DailyQuestionsTests
{
    private static readonly Guid Couple = Guid.Parse("0193a9f4-7c1e-7000-8000-000000000001");
    private static readonly DateOnly Start = new(2026, 1, 1);

    /// <summary>Runs the picker day by day, as the app does, with optional asked-for days.</summary>
    private static List<QuestionDay> Run(Guid couple, int days, IReadOnlyDictionary<int, string>? asked = null)
    {
        var history = new List<QuestionDay>();
        for (var i = 0; i < days; i++)
        {
            var day = Start.AddDays(i);
            var id = asked is not null && asked.TryGetValue(i, out var a) ? a : DailyQuestions.Pick(couple, history, day).Id;
            history.Add(new QuestionDay(day, id));
        }

        return history;
    }

    private static Question Q(QuestionDay d) => QuestionLibrary.Find(d.QuestionId)!;

    [Fact]
    public void NoQuestionRepeats_UntilTheWholeLibraryHasBeenUsed()
    {
        var n = QuestionLibrary.All.Count;
        var days = Run(Couple, n + 5);
        Assert.Equal(n, days.Take(n).Select(d => d.QuestionId).Distinct().Count());

        // The next round starts afresh (and again without repeats within it).
        Assert.Equal(5, days.Skip(n).Select(d => d.QuestionId).Distinct().Count());
    }

    [Fact]
    public void ADeeperQuestion_NeverComesTwoDaysRunning_OverThreeRounds()
    {
        var days = Run(Couple, QuestionLibrary.All.Count * 3);
        for (var i = 1; i < days.Count; i++)
        {
            Assert.False(Q(days[i - 1]).Depth == QuestionDepth.Deeper && Q(days[i]).Depth == QuestionDepth.Deeper, $"Days {i - 1} and {i} are both deeper.");
        }
    }

    [Fact]
    public void DepthsAndCategories_AreMixed()
    {
        var days = Run(Couple, 60).Select(Q).ToList();
        Assert.InRange(days.Count(q => q.Depth == QuestionDepth.Deeper), 10, 30);
        Assert.True(days.Select(q => q.Category).Distinct().Count() >= 15);
        for (var i = 1; i < days.Count; i++)
        {
            Assert.NotEqual(days[i - 1].Category, days[i].Category);
        }
    }

    [Fact]
    public void ThePick_IsTheSameEveryTime_ButDiffersBetweenCouples()
    {
        Assert.Equal(Run(Couple, 30), Run(Couple, 30));
        var other = Run(Guid.Parse("0193a9f4-7c1e-7000-8000-000000000002"), 30);
        Assert.NotEqual(Run(Couple, 30).Select(d => d.QuestionId), other.Select(d => d.QuestionId));
    }

    [Fact]
    public void AnAskedQuestion_CountsAsUsed_AndADeeperOneIsFollowedByALightOne()
    {
        var deeper = QuestionLibrary.All.First(q => q.Depth == QuestionDepth.Deeper);
        var days = Run(Couple, 40, new Dictionary<int, string> { [3] = deeper.Id });
        Assert.Equal(deeper.Id, days[3].QuestionId);
        Assert.Equal(QuestionDepth.Light, Q(days[4]).Depth);
        Assert.Single(days, d => d.QuestionId == deeper.Id);
    }

    [Fact]
    public void LaterDays_InTheHistory_DoNotChangeThePickForADay()
    {
        // Tomorrow asked for in advance must not change today's pick.
        var history = Run(Couple, 10);
        var today = Start.AddDays(10);
        var plain = DailyQuestions.Pick(Couple, history, today);
        var withTomorrow = DailyQuestions.Pick(Couple, [.. history, new QuestionDay(today.AddDays(1), "lp01")], today);
        Assert.Equal(plain, withTomorrow);
    }

    [Fact]
    public void AskingForTomorrow_IsRefused_WhenTomorrowIsAlreadyChosen()
    {
        var light = QuestionLibrary.All.First(q => q.Depth == QuestionDepth.Light);
        var result = DailyQuestions.CheckAsk(light.Id, light, tomorrowAlreadySet: true);
        Assert.Equal(DailyQuestions.TomorrowAlreadyChosen, result.Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("zz99")]
    [InlineData("<script>")]
    public void AskingForAQuestionNotInTheLibrary_IsRefused(string? id)
        => Assert.Equal(DailyQuestions.UnknownQuestion, DailyQuestions.CheckAsk(id, QuestionLibrary.All[0], false).Error);

    [Fact]
    public void AskingForADeeperQuestion_AfterADeeperDay_IsRefused_ButALightOneIsFine()
    {
        var deeper = QuestionLibrary.All.Where(q => q.Depth == QuestionDepth.Deeper).ToList();
        var light = QuestionLibrary.All.First(q => q.Depth == QuestionDepth.Light);
        Assert.Equal(DailyQuestions.TwoDeeperDays, DailyQuestions.CheckAsk(deeper[1].Id, deeper[0], false).Error);
        Assert.Equal(light, DailyQuestions.CheckAsk(light.Id, deeper[0], false).Value);
        Assert.Equal(deeper[1], DailyQuestions.CheckAsk(deeper[1].Id, light, false).Value);
    }

    [Fact]
    public void TheCouplesZone_IsThatOfThePartnerWhoJoinedFirst()
    {
        var first = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var zone = DailyQuestions.CoupleZone([(first.AddDays(3), Guid.NewGuid(), "Pacific/Auckland"), (first, Guid.NewGuid(), "America/Los_Angeles")]);
        Assert.Equal("America/Los_Angeles", zone);
        Assert.Equal("UTC", DailyQuestions.CoupleZone([]));
    }

    [Theory]
    [InlineData("Europe/London", "2026-03-02T23:30:00Z", "2026-03-02")]
    [InlineData("Pacific/Auckland", "2026-03-02T23:30:00Z", "2026-03-03")]
    [InlineData("America/Los_Angeles", "2026-03-03T07:30:00Z", "2026-03-02")]
    [InlineData("Not/AZone", "2026-03-02T23:30:00Z", "2026-03-02")]
    public void TheCouplesDay_IsTheCalendarDayInTheCouplesZone(string zone, string utc, string expected)
        => Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DailyQuestions.DayOf(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), zone));
}
