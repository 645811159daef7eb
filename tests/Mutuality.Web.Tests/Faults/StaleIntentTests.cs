using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Support;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Faults;

/// <summary>No stale intent (issue 20, item 4): an answer from a page that showed an older state is refused, not applied on top.</summary>
public sealed class StaleIntentTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static async Task<Guid> AskAsync(TestClient client)
    {
        var response = await client.PostFormAsync("/Requests/New", ("Input.Need", "Pick me up from the station"), ("Input.Type", "Practical"), ("Input.Urgency", "Today"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    /// <summary>The version the page shows in its answer forms.</summary>
    private static async Task<string> ShownVersionAsync(TestClient client, string url)
        => (await client.GetPageAsync(url)).QuerySelector("form input[name=ShownVersion]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The answer forms carry no version");

    [Fact]
    public async Task AnAnswerFromAPageThatShowedAnOlderState_IsRefusedWithThisChangedAMomentAgo()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var samPhone = await app.SignedInAsync(couple.B);
        using var samLaptop = await app.SignedInAsync(couple.B);
        var id = await AskAsync(robin);
        var url = $"/Requests/View/{id}";

        // Both of Sam's devices show the open request; the phone proposes a time first.
        var shownOnPhone = await ShownVersionAsync(samPhone, url);
        var shownOnLaptop = await ShownVersionAsync(samLaptop, url);
        Assert.Equal(HttpStatusCode.Redirect, (await samPhone.PostFormAsync($"{url}?handler=Propose", ("ProposedAt", "2026-03-02T19:30"), ("ShownVersion", shownOnPhone))).StatusCode);

        // The laptop still shows the open request and declines it: refused, and nothing changes.
        var stale = await samLaptop.PostFormAsync($"{url}?handler=Decline", ("Alternative", "Tomorrow at lunch?"), ("ShownVersion", shownOnLaptop));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("changed a moment ago", (await TestClient.ParseAsync(stale)).MainText(), StringComparison.Ordinal);
        Assert.Equal(RequestState.TimeProposed, await app.WithDbAsync(db => db.SupportRequests.Where(r => r.Id == id).Select(r => r.State).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.RequestEvents.CountAsync(e => e.RequestId == id && e.Kind == RequestEventKind.DeclinedWithAlternative)));

        // Once the laptop shows what is true now, its answer counts.
        var fresh = await ShownVersionAsync(samLaptop, url);
        Assert.NotEqual(shownOnLaptop, fresh);
    }
}
