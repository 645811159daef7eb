using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.CheckIns;
using Mutuality.Web.Features.CheckIns;
using Mutuality.Web.Features.CheckIns.Data;
using Mutuality.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Mutuality.Web.Tests.CheckIns;

/// <summary>
/// Issue 12, item 1 — the seal as a property: for random histories (daily and weekly rhythms, catch-up periods,
/// periods older than everything the viewer sent), every page and fragment the viewer can reach is byte-identical
/// (antiforgery tokens aside) whether the partner did nothing, drafted or sent a check-in for a period the viewer
/// has not revealed. Any range, count, chart point, nudge, date or size that moved would show here.
/// Issue 15, item 7: the same with the two-sided "tell me when my partner has checked in" consent on — then one fact,
/// and only that one, differs once the partner has sent: the "has checked in" line for the current period.
/// </summary>
public sealed partial class SealedPagesPropertyTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    private const int Histories = 8;

    [GeneratedRegex("CfDJ8[A-Za-z0-9_\\-]+")]
    private static partial Regex AntiforgeryToken();

    /// <summary>The one line the "your turn" consent opens (a whole line of the page, as the home panel renders it).</summary>
    [GeneratedRegex("[ \\t]*<p class=\"notice\" data-partner-checked-in>[^<]*</p>\\r?\\n?")]
    private static partial Regex PartnerCheckedInLine();

    private static CheckInContent Content(Random random, string words) => CheckInContent.Empty with
    {
        Me = CheckInContent.Empty.Me with
        {
            Feelings = [new FeelingChoice(random.Next(2) == 0 ? "calm" : "tired", random.Next(1, 4))],
            Desires = new SharedText(words, Visibility.Partner),
            Ratings = new Ratings(random.Next(1, 8), random.Next(1, 8), random.Next(1, 8)),
        },
        Guess = CheckInContent.Empty.Guess with { Feelings = [new FeelingChoice("hopeful", random.Next(1, 4))], Ratings = new Ratings(random.Next(1, 8), random.Next(1, 8), random.Next(1, 8)) },
    };

    private static CheckInEntry Entry(Guid coupleId, Guid authorId, CheckInPeriod period, CheckInContent content, DateTime now, bool sent) => new()
    {
        Id = Guid.CreateVersion7(),
        CoupleId = coupleId,
        AuthorId = authorId,
        Cadence = (int)period.Cadence,
        PeriodStart = period.Start,
        PeriodLabel = period.Label,
        ContentJson = CheckInJson.Write(content),
        CreatedAtUtc = now,
        UpdatedAtUtc = now,
        SubmittedAtUtc = sent ? now : null,
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EveryPageTheViewerCanReach_IsTheSame_WhetherThePartnerDidNothingDraftedOrSent_ForAPeriodTheViewerHasNotRevealed_ExceptTheOneFactBothAgreedToOpen(bool yourTurnConsent)
    {
        var factsShown = 0;
        var random = new Random(2026_12_01);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var pagesCompared = 0;
        for (var h = 0; h < Histories; h++)
        {
            var cadence = h % 2 == 0 ? Cadence.Daily : Cadence.Weekly;
            var couple = await app.CreateCoupleAsync();
            var current = Periods.Current(cadence, now, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
            var past = new List<CheckInPeriod>();
            for (var p = current.Previous; past.Count < 16; p = p.Previous)
            {
                past.Add(p);
            }

            // The period the partner acts on: the current one, the catch-up (previous) one, one in the middle, or one
            // older than everything the viewer sent (which is what moved "All time").
            var target = (h / 2 % 4) switch
            {
                0 => current,
                1 => current.Previous,
                2 => past[random.Next(2, past.Count - 1)],
                _ => past[^1],
            };
            var history = new List<CheckInEntry>();
            foreach (var period in past.Where(p => p != target))
            {
                var viewerSent = random.Next(3) > 0;
                if (viewerSent)
                {
                    history.Add(Entry(couple.Id, couple.A.Id, period, Content(random, $"viewer {period.Label}"), now, sent: true));
                }

                switch (random.Next(3))
                {
                    case 0:
                        history.Add(Entry(couple.Id, couple.B.Id, period, Content(random, $"partner {period.Label}"), now, sent: true));
                        break;
                    case 1 when !viewerSent:
                        history.Add(Entry(couple.Id, couple.B.Id, period, Content(random, $"partner draft {period.Label}"), now, sent: false));
                        break;
                }
            }

            await app.WithDbAsync(async db =>
            {
                if (cadence == Cadence.Weekly)
                {
                    db.CheckInCoupleSettings.Add(new CheckInCoupleSettings { CoupleId = couple.Id, Cadence = 2, UpdatedAtUtc = now });
                }

                db.CheckIns.AddRange(history);
                if (yourTurnConsent)
                {
                    db.YourTurnConsents.Add(new Web.Features.Notifications.Data.YourTurnConsent { CoupleId = couple.Id, UserId = couple.A.Id, AgreedAtUtc = now });
                    db.YourTurnConsents.Add(new Web.Features.Notifications.Data.YourTurnConsent { CoupleId = couple.Id, UserId = couple.B.Id, AgreedAtUtc = now });
                }

                await db.SaveChangesAsync();
            });

            var revealed = history.Where(e => e.AuthorId == couple.A.Id && history.Any(o => o.AuthorId == couple.B.Id && o.PeriodStart == e.PeriodStart && o.SubmittedAtUtc != null))
                .Select(e => e.PeriodLabel).Take(2);
            string[] pages =
            [
                "/", "/CheckIns", "/CheckIns/Form", $"/CheckIns/Form?period={current.Previous.Label}", $"/CheckIns/Reveal/{target.Label}",
                .. revealed.Select(l => $"/CheckIns/Reveal/{l}"), "/CheckIns/Understanding", "/CheckIns/Settings",
                "/Insights", "/Insights?period=4w", "/Insights?period=3m", "/Insights?period=1y", "/Insights?period=all",
                "/Insights/Report", "/Insights/Report?period=all", "/Feed", "/Feed?handler=List",
            ];

            using var viewer = await app.SignedInAsync(couple.A);
            async Task<Dictionary<string, string>> SnapshotAsync()
            {
                var seen = new Dictionary<string, string>();
                foreach (var url in pages)
                {
                    var response = await viewer.GetAsync(url);
                    var body = await response.Content.ReadAsStringAsync();
                    seen[url] = $"{(int)response.StatusCode} {response.Headers.Location}\n{AntiforgeryToken().Replace(body, "TOKEN")}";
                }

                return seen;
            }

            var nothing = await SnapshotAsync();
            var draft = Entry(couple.Id, couple.B.Id, target, Content(random, "the partner's draft"), now, sent: false);
            await app.WithDbAsync(async db =>
            {
                db.CheckIns.Add(draft);
                await db.SaveChangesAsync();
            });
            var drafted = await SnapshotAsync();
            await app.WithDbAsync(db => db.CheckIns.Where(c => c.Id == draft.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.SubmittedAtUtc, now)));
            var sent = await SnapshotAsync();

            foreach (var url in pages)
            {
                Same(nothing[url], drafted[url], $"history {h} ({cadence}, target {target.Label}): {url} changed when the partner drafted");
                var afterSent = sent[url];
                if (yourTurnConsent && PartnerCheckedInLine().IsMatch(afterSent))
                {
                    // Opened only for the period the viewer is to check in for now, and only on the check-in panel.
                    Assert.Equal(current, target);
                    Assert.Contains(url, new[] { "/", "/CheckIns" });
                    afterSent = PartnerCheckedInLine().Replace(afterSent, "");
                    factsShown++;
                }

                Assert.DoesNotMatch(PartnerCheckedInLine(), nothing[url]);
                Same(nothing[url], afterSent, $"history {h} ({cadence}, target {target.Label}, consent {(yourTurnConsent ? "on" : "off")}): {url} changed when the partner sent");
                Assert.DoesNotContain("the partner's draft", sent[url], StringComparison.Ordinal);
                pagesCompared += 2;
            }
        }

        // With the consent on, the fact shows on both check-in panels (home and /CheckIns) of each history whose
        // partner sent for the current period; with it off, never.
        var currentTargets = Enumerable.Range(0, Histories).Count(h => h / 2 % 4 == 0);
        Assert.Equal(yourTurnConsent ? 2 * currentTargets : 0, factsShown);
        TestReport.Write(output, $"Sealed pages property (your-turn consent {(yourTurnConsent ? "on" : "off")}, the fact shown {factsShown} times): {Histories} random histories (daily and weekly; current, catch-up, middle and oldest periods), {pagesCompared} page comparisons, all byte-identical.");
    }

    private static void Same(string expected, string actual, string what)
    {
        if (expected == actual)
        {
            return;
        }

        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
        {
            at++;
        }

        var from = Math.Max(0, at - 200);
        Assert.Fail($"{what}\nbefore: …{expected[from..Math.Min(expected.Length, at + 200)]}\nafter:  …{actual[from..Math.Min(actual.Length, at + 200)]}");
    }
}
