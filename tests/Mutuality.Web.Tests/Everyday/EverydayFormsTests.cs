using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Mutuality.Web.Tests.Infrastructure;
using IntimacyRules = Mutuality.Domain.Rituals.Intimacy;
using PulseRules = Mutuality.Domain.Rituals.Pulse;

namespace Mutuality.Web.Tests.Everyday;

/// <summary>Issue 16: refused forms answer at the top, mark every wrong field and speak plainly; the check-in is quick.</summary>
public sealed class EverydayFormsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Today = "2026-03-02";

    /// <summary>The summary is the first thing in the form, focusable, and every link leads to an element of the page.</summary>
    private static IElement AssertSummaryLinksResolve(IHtmlDocument page, int expectedLinks)
    {
        var summary = page.QuerySelector("[data-error-summary]");
        Assert.NotNull(summary);
        Assert.Equal("-1", summary.GetAttribute("tabindex"));
        Assert.Equal("alert", summary.GetAttribute("role"));
        var links = summary.QuerySelectorAll("a[href^='#']").ToList();
        Assert.Equal(expectedLinks, links.Count);
        foreach (var link in links)
        {
            var id = link.GetAttribute("href")![1..];
            Assert.True(page.GetElementById(id) is not null, $"the summary links to #{id}, which is not on the page");
        }

        Assert.Single(page.QuerySelectorAll("[data-error-summary]"));
        return summary;
    }

    [Fact]
    public async Task ARefusedMoment_HasOneSummaryAtTheTop_LinkingToEachWrongField_AndMarksThem()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var response = await robin.PostFormAsync("/Moments", ("Input.Direction", "Sideways"), ("Input.Type", "Nonsense"), ("Input.Note", "x"), ("Input.OccurredAt", "not a date"), ("Input.Visibility", "Shared"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        var summary = AssertSummaryLinksResolve(page, page.QuerySelectorAll("[data-error-summary] li").Length);
        Assert.True(page.QuerySelectorAll("[data-error-summary] a").Length >= 2, summary.TextContent);
        // The summary comes before every field of the form.
        var form = page.QuerySelector("form.moment-form")!;
        Assert.Same(summary, form.QuerySelectorAll("[data-error-summary], input:not([type=hidden]), textarea")[0]);
        Assert.NotEmpty(page.QuerySelectorAll("input[name='Input.Type'][aria-invalid='true']"));
        Assert.NotNull(page.QuerySelector("input[name='Input.OccurredAt'][aria-invalid='true']"));
        Assert.Null(page.QuerySelector("textarea[name='Input.Note'][aria-invalid]"));
    }

    [Fact]
    public async Task ARefusedRequest_HasTheSameSummary_AndMarksTheEmptyNeed()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var page = await TestClient.ParseAsync(await robin.PostFormAsync("/Requests/New", ("Input.Need", ""), ("Input.Type", "Practical"), ("Input.Urgency", "Today")));
        AssertSummaryLinksResolve(page, 1);
        Assert.NotNull(page.QuerySelector("textarea[name='Input.Need'][aria-invalid='true']"));
    }

    [Fact]
    public async Task APulseWithThreeStatementsMissing_NamesAndMarksAllThree_InTheWordsOnTheForm()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var answered = PulseRules.Items.Take(2).Select(i => ($"Answers[{i.Id}]", "3")).ToArray();
        var page = await TestClient.ParseAsync(await robin.PostFormAsync("/Pulse", answered));
        var summary = AssertSummaryLinksResolve(page, 3);
        foreach (var item in PulseRules.Items.Skip(2))
        {
            Assert.Contains(item.Statement, summary.TextContent, StringComparison.Ordinal);
            Assert.Equal(5, page.QuerySelectorAll($"input[name='Answers[{item.Id}]'][aria-invalid='true']").Length);
            Assert.DoesNotContain($"{item.Label}:", summary.TextContent, StringComparison.Ordinal);
        }

        Assert.Empty(page.QuerySelectorAll($"input[name='Answers[{PulseRules.Items[0].Id}]'][aria-invalid]"));
    }

    [Fact]
    public async Task AnIntimacyMapWithFourBadNumbers_MarksAllFour()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var bad = new HashSet<string> { "physical.fulfilment", "physical.importance", $"{IntimacyRules.Kinds[3].Id}.fulfilment", $"{IntimacyRules.Kinds[6].Id}.importance" };
        var fields = IntimacyRules.Kinds.SelectMany(k => new[] { $"{k.Id}.fulfilment", $"{k.Id}.importance" })
            .Select(f => ($"Ratings[{f}]", bad.Contains(f) ? "11" : "5")).ToArray();
        var page = await TestClient.ParseAsync(await robin.PostFormAsync("/Intimacy", fields));
        AssertSummaryLinksResolve(page, 4);
        Assert.Equal(bad.Order(), page.QuerySelectorAll("input[aria-invalid='true']").Select(i => i.GetAttribute("name")![8..^1]).Order());
    }

    [Fact]
    public async Task TheCheckInForm_OffersFeelingsAsChipsGroupedByFamily_AndScalesOfSeven_WithNoDropdowns()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var page = await robin.GetPageAsync("/CheckIns/Form");
        var form = page.QuerySelector("form.checkin-form")!;
        Assert.Empty(form.QuerySelectorAll("select"));
        var chips = form.QuerySelectorAll("fieldset.feelings .feeling-family[role=group] li.chip input[type=checkbox].chip-toggle");
        Assert.Equal(2 * Mutuality.Domain.CheckIns.FeelingVocabulary.All.Count, chips.Length);
        Assert.All(chips, c => Assert.NotNull(c.ParentElement!.QuerySelector($"label[for='{c.Id}']")));
        Assert.All(form.QuerySelectorAll("li.chip"), chip => Assert.Equal(3, chip.QuerySelectorAll(".chip-intensity input[type=radio]").Length));
        Assert.All(form.QuerySelectorAll(".rating-scale"), s => Assert.Equal(7, s.QuerySelectorAll("input[type=radio]").Length));
    }

    [Fact]
    public async Task AStrengthChosenOnAChip_IsWhatIsStored_AndTheChipComesBackChosen()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var draft = await robin.PostFormAsync($"/CheckIns/Form/{Today}?handler=Draft",
            ("Input.MeFeelings[tired]", "2"), ("Input.MeFeelingsIntensity[tired]", "3"), ("Input.MeFeelingsIntensity[calm]", "1"));
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        var form = await robin.GetPageAsync("/CheckIns/Form");
        Assert.Equal("3", form.QuerySelector("#Input-MeFeelings-tired[checked]")?.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("#Input-MeFeelings-tired-3[checked]"));
        // A strength alone, without its chip, chooses nothing.
        Assert.Null(form.QuerySelector("#Input-MeFeelings-calm[checked]"));
    }

    [Fact]
    public async Task ARefusedCheckIn_LinksEachProblemToItsField()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var page = await TestClient.ParseAsync(await robin.PostFormAsync($"/CheckIns/Form/{Today}?handler=Submit", ("Input.MeSupported", "2")));
        var summary = AssertSummaryLinksResolve(page, page.QuerySelectorAll("[data-error-summary] a").Length);
        Assert.True(summary.QuerySelectorAll("a").Length >= 3, summary.TextContent);
        Assert.NotEmpty(page.QuerySelectorAll("input[name='Input.MeStress'][aria-invalid='true']"));
    }

    [Fact]
    public async Task ThePeriods_AreNamedAsACoupleWould_OnTheFormTheListTheHomePanelAndTheReveal()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        Assert.Contains("Check in · today, Mon 2 Mar", (await robin.GetPageAsync("/CheckIns/Form")).MainText(), StringComparison.Ordinal);
        Assert.Contains("Reveal · today, Mon 2 Mar", (await robin.GetPageAsync($"/CheckIns/Reveal/{Today}")).MainText(), StringComparison.Ordinal);
        var fields = new[]
        {
            ("Input.MeFeelings[tired]", "2"), ("Input.MeSupported", "2"), ("Input.MeAbleToGive", "3"), ("Input.MeStress", "4"),
            ("Input.GuessFeelings[calm]", "2"), ("Input.GuessSupported", "5"), ("Input.GuessAbleToGive", "5"), ("Input.GuessStress", "2"),
        };
        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync($"/CheckIns/Form/{Today}?handler=Submit", fields)).StatusCode);
        var list = await robin.GetPageAsync("/CheckIns");
        Assert.Equal("today, Mon 2 Mar", list.QuerySelector($"a[href='/CheckIns/Reveal/{Today}']:not(.button)")!.TextContent.Trim());
        var home = (await robin.GetPageAsync("/")).MainText();
        Assert.Contains("checking in for today, Mon 2 Mar", home, StringComparison.Ordinal);
        Assert.DoesNotContain(Today, home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReveal_BeforeTheViewerChecksIn_SaysToCheckIn_WithALinkToTheForm()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var page = await robin.GetPageAsync($"/CheckIns/Reveal/{Today}");
        Assert.Contains("Check in for today to see the reveal", page.MainText(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"main a[href='/CheckIns/Form/{Today}']"));
        Assert.DoesNotContain("couldn't find", page.MainText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Requests/New")]
    [InlineData("/CheckIns/Form")]
    public async Task TheGentlePhrasingHint_IsSaidOncePerForm(string url)
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var page = await robin.GetPageAsync(url);
        Assert.True(page.QuerySelectorAll(".gentle-helper").Length >= 2);
        Assert.Single(page.QuerySelectorAll(".gentle-helper .hint"));
        Assert.Single(page.QuerySelectorAll("script[src*='phrasing.js']"));
    }

    [Fact]
    public async Task TheRequestForm_AsksByWhenOnlyForADate()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var page = await robin.GetPageAsync("/Requests/New");
        Assert.Equal("Input.Urgency=At", page.GetElementById("at")!.Closest(".field")!.GetAttribute("data-shown-when"));
    }
}
