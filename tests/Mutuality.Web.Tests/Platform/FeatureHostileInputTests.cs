using System.Net;
using System.Text.Json;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Mutuality.Web.Tests.Platform;

/// <summary>
/// The hostile-input generator of <see cref="HostileInputTests"/> over the feature forms of a couple: moments,
/// pebbles, responses, requests and their answers, request e-mail, check-ins and their settings, the monthly
/// day, preparation and agreements, conflicts, sides, attempts and resolutions, intimacy and pulse. Never a
/// 5xx; a rejected post (a page with field messages, or 409) leaves the form's table exactly as it was; the
/// payloads never come back as markup.
/// </summary>
public sealed class FeatureHostileInputTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    /// <summary>A form; accepted means a redirect after saving, except the check-in draft (an htmx autosave: 200 "Draft saved").</summary>
    private sealed record Form(string Url, string[] Fields, int Weight, Func<AppDbContext, Guid, Task<string>> Fingerprint)
    {
        public bool Accepted(int status, string body) => Url.EndsWith("handler=Draft", StringComparison.Ordinal)
            ? status == 200 && body.StartsWith("Draft saved", StringComparison.Ordinal)
            : status is 302 or 303;

        public override string ToString() => Url;
    }

    private static async Task<string> Rows<T>(IQueryable<T> rows) => JsonSerializer.Serialize(await rows.ToListAsync());

    [Fact]
    public async Task GeneratedHostileInput_AcrossTheFeatureForms_NeverErrors_AndRejectionsStoreNothing()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("MUTUALITY_FUZZ_FEATURE_ITER"), out var n) ? n : 3_000;
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);

        // Something of Sam's to answer, and a conflict to write in.
        var samMoment = Guid.CreateVersion7();
        var samRequest = Guid.CreateVersion7();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(async db =>
        {
            db.SupportMoments.Add(new Web.Features.Moments.Data.SupportMoment { Id = samMoment, CoupleId = couple.Id, AuthorId = couple.B.Id, Note = "Sam's moment", Visibility = Domain.Support.Visibility.Shared, Direction = Domain.Support.MomentDirection.Gave, Type = Domain.Support.SupportType.Practical, OccurredAtUtc = now, CreatedAtUtc = now, AuthorTimeZoneId = "Europe/London" });
            db.SupportRequests.Add(new Web.Features.Requests.Data.SupportRequest { Id = samRequest, CoupleId = couple.Id, RequesterId = couple.B.Id, PartnerId = couple.A.Id, Need = "A call tonight", AskedType = Domain.Support.SupportType.Emotional, Urgency = Domain.Support.Urgency.Today, WindowEndsUtc = now.AddHours(10), RequesterTimeZoneId = "Europe/London", State = Domain.Support.RequestState.Open, CreatedAtUtc = now, UpdatedAtUtc = now });
            await db.SaveChangesAsync();
        });
        var opened = await robin.PostFormAsync("/Repair", [new("Input.Title", "The dishes")]);
        var conflict = Guid.Parse(opened.Headers.Location!.OriginalString.Split('/')[^1].Split('#')[0]);
        var intimacyFields = (await robin.GetPageAsync("/Intimacy")).QuerySelectorAll("main form input[name^='Ratings[']").Select(e => e.GetAttribute("name")!).Distinct().ToArray();
        var pulseFields = (await robin.GetPageAsync("/Pulse")).QuerySelectorAll("main form input[name^='Answers[']").Select(e => e.GetAttribute("name")!).Distinct().ToArray();
        Assert.NotEmpty(intimacyFields);
        Assert.NotEmpty(pulseFields);

        Form[] forms =
        [
            new("/Moments", ["Input.Direction", "Input.Type", "Input.Note", "Input.OccurredAt", "Input.Visibility"], 6, (db, c) => Rows(db.SupportMoments.Where(m => m.CoupleId == c).OrderBy(m => m.Id))),
            new("/Moments/Pebble", ["Text", "Link"], 4, (db, c) => Rows(db.SupportMoments.Where(m => m.CoupleId == c).OrderBy(m => m.Id))),
            new($"/Moments/View/{samMoment}?handler=Respond", ["Kind", "Rating", "WhatWouldHelp"], 3, (db, c) => Rows(db.SupportMoments.Where(m => m.Id == samMoment))),
            new("/Requests/New", ["Input.Feeling", "Input.Need", "Input.Type", "Input.Urgency", "Input.At"], 6, (db, c) => Rows(db.SupportRequests.Where(r => r.CoupleId == c).OrderBy(r => r.Id))),
            new($"/Requests/View/{samRequest}?handler=Decline", ["Alternative"], 2, (db, c) => Rows(db.RequestEvents.Where(e => e.RequestId == samRequest).OrderBy(e => e.Id))),
            new($"/Requests/View/{samRequest}?handler=Propose", ["ProposedAt"], 2, (db, c) => Rows(db.RequestEvents.Where(e => e.RequestId == samRequest).OrderBy(e => e.Id))),
            new("/Requests/Email", ["EmailNewRequests", "QuietFromHour", "QuietToHour"], 2, (db, c) => Rows(db.RequestMailPreferences.Where(p => p.UserId == couple.A.Id))),
            new("/CheckIns/Form/2026-03-02?handler=Draft", ["Input.MeFeelings[calm]", "Input.MeSupported", "Input.MeStress", "Input.MeDesires", "Input.ShareMeDesires", "Input.YourImpactWhat", "Input.YourImpactTone"], 5, (db, c) => Rows(db.CheckIns.Where(x => x.CoupleId == c).OrderBy(x => x.Id))),
            new("/CheckIns/Settings?handler=Reminder", ["ReminderTime", "EmailReminders"], 2, (db, c) => Rows(db.CheckInPersonSettings.Where(s => s.UserId == couple.A.Id))),
            new("/CheckIns/Settings?handler=Propose", ["cadence"], 1, (db, c) => Rows(db.CheckInCoupleSettings.Where(s => s.CoupleId == c))),
            new("/Monthly?handler=Day", ["Input.DayOfMonth"], 2, (db, c) => Rows(db.MonthlyRhythms.Where(r => r.CoupleId == c))),
            new("/Monthly/Prepare?handler=Save", ["Input.Appreciations", "Input.WentWell", "Input.HardThing", "Input.NeedNextMonth"], 4, (db, c) => Rows(db.MonthlyPreparations.Where(p => p.CoupleId == c).OrderBy(p => p.Id))),
            new("/Monthly/Talk?handler=Agreement", ["Agreement.Who", "Agreement.What", "Agreement.DueOn"], 3, (db, c) => Rows(db.RitualAgreements.Where(a => a.CoupleId == c).OrderBy(a => a.Id))),
            new("/Repair", ["Input.Title"], 3, (db, c) => Rows(db.ConflictRecords.Where(x => x.CoupleId == c).OrderBy(x => x.Id))),
            new($"/Repair/Conflict/{conflict}?handler=SaveSide", ["Side.FeelingsAndNeeds", "Side.HowYouSawIt", "Side.MyImpactOnYou", "Side.YourImpactOnMe"], 4, (db, c) => Rows(db.ConflictSides.Where(s => s.ConflictId == conflict))),
            new($"/Repair/Conflict/{conflict}?handler=Attempt", ["Attempt.Kind", "Attempt.Text"], 3, (db, c) => Rows(db.RepairAttempts.Where(a => a.ConflictId == conflict).OrderBy(a => a.Id))),
            new($"/Repair/Conflict/{conflict}?handler=Resolve", ["Resolve.Who", "Resolve.What", "Resolve.DueOn"], 2, (db, c) => Rows(db.ConflictRecords.Where(x => x.Id == conflict))),
            new("/Intimacy", intimacyFields, 3, (db, c) => Rows(db.IntimacyEntries.Where(e => e.CoupleId == c).OrderBy(e => e.Id))),
            new("/Pulse", pulseFields, 3, (db, c) => Rows(db.PulseAnswers.Where(a => a.CoupleId == c).OrderBy(a => a.Id))),
        ];

        var token = await robin.TokenAsync();
        var caseGen = Gen.Frequency(forms.Select(f => (f.Weight, f)).ToArray())
            .SelectMany(form => HostileInputTests.Hostile.Array[form.Fields.Length].Select(values => (form, values)));
        var tried = 0;
        var values = 0;
        var byStatus = new Dictionary<int, int>();
        var accepted = 0;
        var perForm = forms.ToDictionary(f => f.Url, _ => 0);

        await caseGen.SampleAsync(async c =>
        {
            var (form, fieldValues) = c;
            var before = await app.WithDbAsync(db => form.Fingerprint(db, couple.Id));
            var fields = form.Fields.Zip(fieldValues, (k, v) => new KeyValuePair<string, string>(k, v)).Append(new("__RequestVerificationToken", token));
            using var content = new FormUrlEncodedContent(fields);
            using var response = await robin.Http.PostAsync(form.Url, content);
            var status = (int)response.StatusCode;
            tried++;
            values += fieldValues.Length;
            byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
            perForm[form.Url]++;
            var shown = string.Join(" | ", fieldValues.Select(v => v.Length > 80 ? v[..80] + "…" : v));
            Assert.True(status < 500, $"{form.Url} answered {status} for [{shown}]");
            var body = await response.Content.ReadAsStringAsync();
            accepted += form.Accepted(status, body) ? 1 : 0;
            Assert.DoesNotContain("<script>alert(1)</script>", body, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x onerror", body, StringComparison.Ordinal);
            if (!form.Accepted(status, body))
            {
                var after = await app.WithDbAsync(db => form.Fingerprint(db, couple.Id));
                Assert.True(before == after, $"{form.Url} refused [{shown}] ({status}) but its table changed");
            }
        }, iter: iterations, threads: 1);

        // What was accepted is shown back as text on the pages that show it.
        foreach (var url in new[] { "/Moments", "/Feed", "/Requests", $"/Requests/View/{samRequest}", "/Repair", $"/Repair/Conflict/{conflict}", "/Monthly/Prepare", "/Monthly/Talk", "/CheckIns/Form/2026-03-02" })
        {
            var html = await (await robin.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x onerror", html, StringComparison.Ordinal);
        }

        var statuses = string.Join(", ", byStatus.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}×{kv.Value}"));
        var summary = $"hostile inputs tried on feature forms: {values} values in {tried} posts across {forms.Length} forms ({accepted} accepted); statuses {statuses}";
        TestReport.Write(output, summary);
        output.WriteLine("posts per form: " + string.Join(", ", perForm.Select(kv => $"{kv.Key}×{kv.Value}")));
        Assert.Equal(iterations, tried);
        Assert.True(perForm.Values.All(v => v > 0), "every form must be tried");
    }
}
