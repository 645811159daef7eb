using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Support;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Requests;

public sealed class RequestTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static async Task<Guid> AskAsync(TestClient client, string need = "Could you call me tonight and just listen?", string urgency = "Today", string type = "Emotional")
    {
        var response = await client.SubmitFormAsync("/Requests/New", "main form[method=post]", ("Input.Feeling", "Wobbly after the call."), ("Input.Need", need), ("Input.Type", type), ("Input.Urgency", urgency));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private Task<Domain.Support.RequestState> StateAsync(Guid id) => app.WithDbAsync(db => db.SupportRequests.Where(r => r.Id == id).Select(r => r.State).SingleAsync());

    [Fact]
    public async Task Journey_AskProposeAcceptDoneClose_BothSeeTheWholeHistory()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        var id = await AskAsync(robin);
        var url = $"/Requests/View/{id}";

        Assert.Equal(HttpStatusCode.Redirect, (await sam.SubmitFormAsync(url, "form[action*='handler=Propose']", ("ProposedAt", "2026-03-02T19:30"))).StatusCode);
        Assert.Equal(RequestState.TimeProposed, await StateAsync(id));
        // Sam is in New York: 19:30 there is 00:30 UTC the next day.
        Assert.Equal(new DateTime(2026, 3, 3, 0, 30, 0, DateTimeKind.Utc), await app.WithDbAsync(db => db.SupportRequests.Where(r => r.Id == id).Select(r => r.ProposedAtUtc).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await robin.SubmitFormAsync(url, "form[action*='handler=AcceptProposal']")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await sam.SubmitFormAsync(url, "form[action*='handler=Done']", ("GivenType", "Emotional"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await robin.SubmitFormAsync(url, "form[action*='handler=Close']", ("Outcome", "Met"), ("ThankYou", "Thank you, that was exactly it."))).StatusCode);

        var stored = await app.WithDbAsync(db => db.SupportRequests.SingleAsync(r => r.Id == id));
        Assert.Equal(RequestState.Closed, stored.State);
        Assert.Equal(RequestOutcome.Met, stored.Outcome);
        Assert.Equal(SupportType.Emotional, stored.GivenType);
        Assert.NotNull(stored.FirstAnsweredAtUtc);
        Assert.Equal(4, stored.Version);

        foreach (var client in new[] { robin, sam })
        {
            var text = (await client.GetPageAsync(url)).MainText();
            Assert.Contains("asked.", text, StringComparison.Ordinal);
            Assert.Contains("can we do it at", text, StringComparison.Ordinal);
            Assert.Contains("accepted the proposed time", text, StringComparison.Ordinal);
            Assert.Contains("marked it done", text, StringComparison.Ordinal);
            Assert.Contains("closed it as met. Thank you, that was exactly it.", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("A", "TakeOn", "Only your partner can say you're on it")]
    [InlineData("A", "Done", "Only your partner can mark it done")]
    [InlineData("B", "Withdraw", "Only the person who asked can withdraw it")]
    [InlineData("B", "Close", "Only the person who asked can close it")]
    [InlineData("A", "AcceptProposal", "This request is waiting for an answer, so you can't accept the proposed time now")]
    public async Task IllegalTransition_ShowsAFormMessage_AndChangesNothing(string who, string handler, string message)
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var client = await app.SignedInAsync(who == "A" ? couple.A : couple.B);
        var id = await AskAsync(robin);
        var response = await client.PostFormAsync($"/Requests/View/{id}?handler={handler}", ("GivenType", "Emotional"), ("Outcome", "Met"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("[role=alert]")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal(RequestState.Open, await StateAsync(id));
        Assert.Equal(1, await app.WithDbAsync(db => db.RequestEvents.CountAsync(e => e.RequestId == id)));
    }

    [Fact]
    public async Task AnUnansweredRequest_BecomesMissed_WhenItsWindowPasses_AndCanNoLongerBeAnswered()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        var id = await AskAsync(robin, urgency: "Now");
        app.Clock.Advance(SupportRequests.NowWindow);

        Assert.Contains("Missed", (await sam.GetPageAsync("/Requests")).MainText(), StringComparison.Ordinal);
        var response = await sam.PostFormAsync($"/Requests/View/{id}?handler=TakeOn");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("passed without an answer", (await TestClient.ParseAsync(response)).MainText(), StringComparison.Ordinal);
        Assert.Equal(RequestState.Open, await StateAsync(id));
    }

    [Fact]
    public async Task DeclineWithAlternative_ThenTheRequesterAcceptsIt()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        var id = await AskAsync(robin);
        var empty = await sam.PostFormAsync($"/Requests/View/{id}?handler=Decline", ("Alternative", "  "));
        Assert.Contains("What you can do instead: this can't be empty.", (await TestClient.ParseAsync(empty)).FieldErrors());
        Assert.Equal(RequestState.Open, await StateAsync(id));

        await sam.PostFormAsync($"/Requests/View/{id}?handler=Decline", ("Alternative", "I can't tonight, but I can call at lunch tomorrow."));
        Assert.Contains("call at lunch tomorrow", (await robin.GetPageAsync($"/Requests/View/{id}")).MainText(), StringComparison.Ordinal);
        await robin.PostFormAsync($"/Requests/View/{id}?handler=AcceptAlternative");
        Assert.Equal(RequestState.Accepted, await StateAsync(id));
    }

    [Fact]
    public async Task TheRequesterCanWithdrawAnOpenRequest()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var id = await AskAsync(robin);
        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync($"/Requests/View/{id}?handler=Withdraw")).StatusCode);
        Assert.Equal(RequestState.Withdrawn, await StateAsync(id));
    }

    [Fact]
    public async Task ConcurrentAnswers_LeaveOneConsistentOutcome()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var samPhone = await app.SignedInAsync(couple.B);
        using var samLaptop = await app.SignedInAsync(couple.B);
        for (var round = 0; round < 4; round++)
        {
            var id = await AskAsync(robin);
            var url = $"/Requests/View/{id}";
            var tokens = await Task.WhenAll(samPhone.TokenAsync(), samLaptop.TokenAsync(), robin.TokenAsync());
            var responses = await Task.WhenAll(
                Post(samPhone, $"{url}?handler=TakeOn", tokens[0]),
                Post(samLaptop, $"{url}?handler=Decline", tokens[1], ("Alternative", "Tomorrow at lunch?")),
                Post(robin, $"{url}?handler=Withdraw", tokens[2]));
            Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"Got {(int)r.StatusCode}"));
            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));

            var stored = await app.WithDbAsync(db => db.SupportRequests.SingleAsync(r => r.Id == id));
            var events = await app.WithDbAsync(db => db.RequestEvents.Where(e => e.RequestId == id).Select(e => e.Kind).ToListAsync());
            Assert.Equal(1, stored.Version);
            Assert.Equal(2, events.Count);
            var expected = events.Single(k => k != RequestEventKind.Asked) switch
            {
                RequestEventKind.TookOn => RequestState.Accepted,
                RequestEventKind.DeclinedWithAlternative => RequestState.DeclinedWithAlternative,
                RequestEventKind.Withdrew => RequestState.Withdrawn,
                var other => throw new InvalidOperationException($"Unexpected {other}"),
            };
            Assert.Equal(expected, stored.State);
        }

        static async Task<HttpResponseMessage> Post(TestClient client, string url, string token, params (string Key, string Value)[] fields)
        {
            using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", token)));
            return await client.Http.PostAsync(url, content);
        }
    }

    [Theory]
    [InlineData("", "What I need: this can't be empty.")]
    [InlineData("501", "What I need: use at most 500 characters (you have 501).")]
    public async Task NewRequest_TextLimits_HaveClearMessages_AndStoreNothing(string need, string message)
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var response = await robin.PostFormAsync("/Requests/New", ("Input.Need", need == "501" ? new string('n', 501) : need), ("Input.Type", "Emotional"), ("Input.Urgency", "Today"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await TestClient.ParseAsync(response)).FieldErrors());
        Assert.Equal(0, await app.WithDbAsync(db => db.SupportRequests.CountAsync(r => r.CoupleId == couple.Id)));
    }

    [Fact]
    public async Task NewRequest_WithBadChoices_SaysWhatToFix()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var response = await robin.PostFormAsync("/Requests/New", ("Input.Need", "A hug"), ("Input.Type", "42"), ("Input.Urgency", "At"), ("Input.At", "yesterday"));
        var errors = (await TestClient.ParseAsync(response)).FieldErrors();
        Assert.Contains("Kind of support: choose the kind you're asking for.", errors);
        Assert.Contains(errors, e => e.StartsWith("By when:", StringComparison.Ordinal));
        Assert.Equal(0, await app.WithDbAsync(db => db.SupportRequests.CountAsync(r => r.CoupleId == couple.Id)));
    }

    [Fact]
    public async Task ScriptInARequest_IsShownAsText()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        var id = await AskAsync(robin, need: "<script>alert('need')</script><img src=x onerror=alert(1)>");
        foreach (var url in new[] { $"/Requests/View/{id}", "/Requests", "/Feed" })
        {
            var html = await (await sam.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
        }
    }
}
