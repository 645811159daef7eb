using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Features.Account.Privacy;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Faults;

/// <summary>One row per intent (issue 20, item 3): the same form sent many times at once, or again later, makes one row.</summary>
public sealed class OneRowPerIntentTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>The form as the page rendered it: its hidden fields (antiforgery token, intent key) and the action.</summary>
    private static async Task<List<KeyValuePair<string, string>>> RenderedFormAsync(TestClient client, string page, string formSelector)
    {
        var document = await client.GetPageAsync(page);
        var form = document.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No {formSelector} on {page}");
        var hidden = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name") ?? "", i.GetAttribute("value") ?? ""))
            .Where(p => p.Key.Length > 0).ToList();
        Assert.Contains(hidden, p => p.Key == "__Intent" && Guid.TryParse(p.Value, out _));
        if (hidden.All(p => p.Key != "__RequestVerificationToken"))
        {
            hidden.Add(new("__RequestVerificationToken", await client.TokenAsync(page)));
        }

        return hidden;
    }

    /// <summary>Sends one form body <paramref name="times"/> times, all released at the same moment.</summary>
    private static async Task<HttpResponseMessage[]> SendAtOnceAsync(TestClient client, string url, IReadOnlyList<KeyValuePair<string, string>> body, int times)
    {
        using var start = new ManualResetEventSlim(false);
        var posts = Enumerable.Range(0, times).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            using var content = new FormUrlEncodedContent(body);
            return await client.Http.PostAsync(url, content);
        })).ToList();
        start.Set();
        return await Task.WhenAll(posts);
    }

    private static string Describe(IEnumerable<HttpResponseMessage> responses)
        => string.Join(", ", responses.GroupBy(r => $"{(int)r.StatusCode} {r.Headers.Location?.OriginalString.Split('?')[0]}").Select(g => $"{g.Count()} × {g.Key}"));

    [Fact]
    public async Task TwentyParallelPostsOfOneMomentForm_MakeOneMoment_AndTheRestAnswerAlreadySent()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var form = await RenderedFormAsync(robin, "/Moments", "form.moment-form");
        form.AddRange([new("Input.Direction", "Gave"), new("Input.Type", "Practical"), new("Input.Note", "Carried the shopping up"), new("Input.Visibility", "Shared")]);

        var responses = await SendAtOnceAsync(robin, "/Moments", form, 20);

        Assert.True(responses.All(r => r.StatusCode == HttpStatusCode.Redirect), Describe(responses));
        Assert.Equal(1, await app.WithDbAsync(db => db.SupportMoments.CountAsync(m => m.CoupleId == couple.Id)));
        Assert.Equal(19, responses.Count(r => r.Headers.Location!.OriginalString.StartsWith("/Errors/AlreadySent", StringComparison.Ordinal)));
        var page = await robin.GetPageAsync(responses.First(r => r.Headers.Location!.OriginalString.StartsWith("/Errors/AlreadySent", StringComparison.Ordinal)).Headers.Location!.OriginalString);
        Assert.Contains("That was already sent", page.Body!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>htmx sends the enclosing form's fields with a fragment's post (the gentle phrasing check inside the
    /// request form does): the key is the form's only on the path the form posts to, in whichever order they arrive.</summary>
    [Fact]
    public async Task AFragmentPostCarryingTheFormsKey_NeverTakesIt_BeforeOrAfterTheFormIsSent()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var form = await RenderedFormAsync(robin, "/Requests/New", "main form[method=post]");
        Assert.Contains(form, p => p.Key == "__IntentPath" && p.Value == "/Requests/New");
        form.AddRange([new("Input.Need", "Dinner together on Friday"), new("Input.Type", "Emotional"), new("Input.Urgency", "Today"), new("field", "Input.Need")]);
        var token = form.First(p => p.Key == "__RequestVerificationToken").Value;

        async Task<HttpResponseMessage> CheckPhrasingAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/Phrasing/Check") { Content = new FormUrlEncodedContent(form) };
            request.Headers.Add("HX-Request", "true");
            request.Headers.Add("RequestVerificationToken", token);
            return await robin.Http.SendAsync(request);
        }

        var before = await CheckPhrasingAsync();
        Assert.True(before.IsSuccessStatusCode, $"{(int)before.StatusCode}");
        Assert.False(before.Headers.Contains("HX-Redirect"));

        using var content = new FormUrlEncodedContent(form);
        var sent = await robin.Http.PostAsync("/Requests/New", content);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.StartsWith("/Requests/View/", sent.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var after = await CheckPhrasingAsync();
        Assert.True(after.IsSuccessStatusCode, $"{(int)after.StatusCode}");
        Assert.False(after.Headers.Contains("HX-Redirect"), "the phrasing check was answered 'already sent'");
        Assert.Equal(1, await app.WithDbAsync(db => db.SupportRequests.CountAsync(r => r.CoupleId == couple.Id)));
    }

    /// <summary>A form's key posted to another page (a copied form, a crafted post) does nothing there.</summary>
    [Fact]
    public async Task AFormsKeyPostedToAnotherPage_IsNotTheIntentThere()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var form = await RenderedFormAsync(robin, "/Moments", "form.moment-form");
        form.AddRange([new("Input.Direction", "Gave"), new("Input.Type", "Practical"), new("Input.Note", "Made tea"), new("Input.Visibility", "Shared")]);
        using (var first = new FormUrlEncodedContent(form))
        {
            Assert.Equal("/Moments", (await robin.Http.PostAsync("/Moments", first)).Headers.Location!.OriginalString);
        }

        var elsewhere = form.Where(p => p.Key != "__IntentPath").Append(new("__IntentPath", "/Requests/New")).ToList();
        using var second = new FormUrlEncodedContent(elsewhere);
        var response = await robin.Http.PostAsync("/Moments", second);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Moments", response.Headers.Location!.OriginalString);
        Assert.Equal(2, await app.WithDbAsync(db => db.SupportMoments.CountAsync(m => m.CoupleId == couple.Id)));
    }

    [Fact]
    public async Task TwentyParallelPostsOfOneRequestForm_MakeOneRequest_AndSendingItAgainLaterLeadsToTheFirst()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var form = await RenderedFormAsync(robin, "/Requests/New", "main form[method=post]");
        form.AddRange([new("Input.Need", "A hug after work"), new("Input.Type", "Emotional"), new("Input.Urgency", "Today")]);

        var responses = await SendAtOnceAsync(robin, "/Requests/New", form, 20);

        Assert.True(responses.All(r => r.StatusCode == HttpStatusCode.Redirect), Describe(responses));
        var requestId = await app.WithDbAsync(db => db.SupportRequests.Where(r => r.CoupleId == couple.Id).Select(r => r.Id).SingleAsync());

        // The Back button and "send" again, a minute later: the same form, the same key.
        using var again = new FormUrlEncodedContent(form);
        var repeat = await robin.Http.PostAsync("/Requests/New", again);
        Assert.Equal(HttpStatusCode.Redirect, repeat.StatusCode);
        var alreadySent = await robin.GetPageAsync(repeat.Headers.Location!.OriginalString);
        Assert.Contains("That was already sent", alreadySent.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(requestId.ToString(), alreadySent.QuerySelector("main a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.SupportRequests.CountAsync(r => r.CoupleId == couple.Id)));
    }

    [Fact]
    public async Task AFreshFormAfterTheFirstWasSent_MakesASecondRow()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        foreach (var note in new[] { "First", "Second" })
        {
            var form = await RenderedFormAsync(robin, "/Moments", "form.moment-form");
            form.AddRange([new("Input.Direction", "Gave"), new("Input.Type", "Practical"), new("Input.Note", note), new("Input.Visibility", "Shared")]);
            using var content = new FormUrlEncodedContent(form);
            var response = await robin.Http.PostAsync("/Moments", content);
            Assert.Equal("/Moments", response.Headers.Location?.OriginalString);
        }

        Assert.Equal(2, await app.WithDbAsync(db => db.SupportMoments.CountAsync(m => m.CoupleId == couple.Id)));
    }

    [Fact]
    public async Task ParallelClicksOnPrepareADownload_MakeOneExportJob()
    {
        var person = await app.CreatePersonAsync("Archivist");
        using var client = await app.SignedInAsync(person);
        var token = await client.TokenAsync("/Account/Manage/Export");

        // Two different clicks (no intent key in common): still one job while one is on its way.
        using var start = new ManualResetEventSlim(false);
        var clicks = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
            return await client.Http.PostAsync("/Account/Manage/Export", content);
        })).ToList();
        start.Set();
        var responses = await Task.WhenAll(clicks);

        Assert.True(responses.All(r => r.StatusCode == HttpStatusCode.Redirect), Describe(responses));
        var jobs = await app.WithDbAsync(db => db.ExportJobs.CountAsync(j => j.UserId == person.Id));
        Assert.Equal(1, jobs);
    }
}
