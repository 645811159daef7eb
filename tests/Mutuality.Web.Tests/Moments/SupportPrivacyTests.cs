using System.Net;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Moments;

/// <summary>
/// Every page and endpoint of moments, pebbles, requests and the feed: the partner never sees a private
/// moment, and an outsider (another couple, or nobody's partner) gets 404 for every id of another couple.
/// </summary>
public sealed class SupportPrivacyTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Every page that lists moments or requests (or counts them).</summary>
    public static readonly string[] ListingPages = ["/", "/Moments", "/Feed", "/Feed?handler=List", "/Requests"];

    private static string[] ItemPages(SupportIds ids) =>
    [
        $"/Moments/View/{ids.PrivateMoment}", $"/Moments/Edit/{ids.PrivateMoment}",
        $"/Moments/View/{ids.SharedMoment}", $"/Moments/Edit/{ids.SharedMoment}",
        $"/Moments/View/{ids.Pebble}", $"/Requests/View/{ids.Request}",
    ];

    private static (string Url, (string, string)[] Fields)[] ItemPosts(SupportIds ids) =>
    [
        ($"/Moments/View/{ids.PrivateMoment}?handler=Respond", [("Kind", "Helped"), ("Rating", "5")]),
        ($"/Moments/View/{ids.SharedMoment}?handler=Respond", [("Kind", "Helped"), ("Rating", "5")]),
        ($"/Moments/Edit/{ids.PrivateMoment}", [("Input.Direction", "Gave"), ("Input.Type", "Practical"), ("Input.Visibility", "Shared")]),
        ($"/Moments/Edit/{ids.SharedMoment}", [("Input.Direction", "Gave"), ("Input.Type", "Practical"), ("Input.Visibility", "Shared")]),
        ($"/Moments?handler=Delete&id={ids.PrivateMoment}", []),
        ($"/Moments?handler=Delete&id={ids.SharedMoment}", []),
        ($"/Moments/Pebble?handler=React&id={ids.Pebble}", [("reaction", "Heart")]),
        ($"/Requests/View/{ids.Request}?handler=TakeOn", []),
        ($"/Requests/View/{ids.Request}?handler=Propose", [("ProposedAt", "2026-03-02T20:00")]),
        ($"/Requests/View/{ids.Request}?handler=Decline", [("Alternative", "Tomorrow")]),
        ($"/Requests/View/{ids.Request}?handler=AcceptProposal", []),
        ($"/Requests/View/{ids.Request}?handler=DeclineProposal", []),
        ($"/Requests/View/{ids.Request}?handler=AcceptAlternative", []),
        ($"/Requests/View/{ids.Request}?handler=Done", [("GivenType", "Emotional")]),
        ($"/Requests/View/{ids.Request}?handler=Close", [("Outcome", "Met")]),
        ($"/Requests/View/{ids.Request}?handler=Withdraw", []),
    ];

    [Fact]
    public async Task Partner_NeverSeesAPrivateMoment_OnAnyPage()
    {
        var couple = await app.CreateCoupleAsync();
        var ids = await SupportData.SeedAsync(app, couple);
        using var sam = await app.SignedInAsync(couple.B);

        foreach (var url in ListingPages)
        {
            var body = await (await sam.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.DoesNotContain(ids.PrivateText, body, StringComparison.Ordinal);
        }

        // The feed shows what Robin shared, so the test can fail if the page showed nothing at all.
        var feed = (await sam.GetPageAsync("/Feed")).MainText();
        Assert.Contains(ids.SharedText, feed, StringComparison.Ordinal);
        Assert.Contains(ids.PebbleText, feed, StringComparison.Ordinal);
        Assert.Contains(ids.NeedText, feed, StringComparison.Ordinal);
        Assert.Contains(ids.SharedText, (await sam.GetPageAsync("/Moments")).MainText(), StringComparison.Ordinal);
        Assert.Contains(ids.PebbleText, (await sam.GetPageAsync("/")).MainText(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await sam.GetAsync($"/Moments/View/{ids.PrivateMoment}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.GetAsync($"/Moments/Edit/{ids.PrivateMoment}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.PostFormAsync($"/Moments/View/{ids.PrivateMoment}?handler=Respond", ("Kind", "Helped"), ("Rating", "5"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sam.GetAsync($"/Moments/View/{ids.SharedMoment}")).StatusCode);
    }

    [Fact]
    public async Task Author_SeesTheirOwnPrivateMoment()
    {
        var couple = await app.CreateCoupleAsync();
        var ids = await SupportData.SeedAsync(app, couple);
        using var robin = await app.SignedInAsync(couple.A);
        Assert.Contains(ids.PrivateText, (await robin.GetPageAsync("/Moments")).MainText(), StringComparison.Ordinal);
        Assert.Contains(ids.PrivateText, (await robin.GetPageAsync($"/Moments/View/{ids.PrivateMoment}")).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partner_CannotEditOrDeleteTheAuthorsMoments()
    {
        var couple = await app.CreateCoupleAsync();
        var ids = await SupportData.SeedAsync(app, couple);
        using var sam = await app.SignedInAsync(couple.B);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.GetAsync($"/Moments/Edit/{ids.SharedMoment}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.PostFormAsync($"/Moments?handler=Delete&id={ids.SharedMoment}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.PostFormAsync($"/Moments/Edit/{ids.SharedMoment}", ("Input.Direction", "Received"), ("Input.Type", "Esteem"), ("Input.Visibility", "Shared"))).StatusCode);
        Assert.True(await app.WithDbAsync(db => Task.FromResult(db.SupportMoments.Any(m => m.Id == ids.SharedMoment && m.Direction == Domain.Support.MomentDirection.Gave))));
    }

    [Fact]
    public async Task UnreadBadge_SaysNinetyNinePlus_PastNinetyNine_AndCountsExactlyBelow()
    {
        var couple = await app.CreateCoupleAsync();
        async Task AddSharedMomentsAsync(int count) => await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < count; i++)
            {
                db.SupportMoments.Add(new Mutuality.Web.Features.Moments.Data.SupportMoment
                {
                    Id = Guid.CreateVersion7(),
                    CoupleId = couple.Id,
                    AuthorId = couple.A.Id,
                    Kind = Domain.Support.MomentKind.Moment,
                    Direction = Domain.Support.MomentDirection.Gave,
                    Type = Domain.Support.SupportType.Practical,
                    Note = "Tea",
                    OccurredAtUtc = now,
                    CreatedAtUtc = now,
                    AuthorTimeZoneId = "Europe/London",
                    Visibility = Domain.Support.Visibility.Shared,
                });
            }

            await db.SaveChangesAsync();
        });

        using var sam = await app.SignedInAsync(couple.B);
        await AddSharedMomentsAsync(99);
        Assert.StartsWith("99", (await sam.GetPageAsync("/Help")).QuerySelector("#feed-unread")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("+", (await sam.GetPageAsync("/Help")).QuerySelector("#feed-unread")!.TextContent, StringComparison.Ordinal);
        await AddSharedMomentsAsync(31);
        Assert.StartsWith("99+", (await sam.GetPageAsync("/Help")).QuerySelector("#feed-unread")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartnersUnreadCount_LeavesOutPrivateMoments()
    {
        var couple = await app.CreateCoupleAsync();
        await SupportData.SeedAsync(app, couple);
        using var sam = await app.SignedInAsync(couple.B);
        var badge = (await sam.GetPageAsync("/Help")).QuerySelector("#feed-unread")!;
        // Shared moment + pebble + the request: 3. The private moment does not count.
        Assert.StartsWith("3", badge.TextContent.Trim(), StringComparison.Ordinal);

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // a bound so a broken stream fails, not a speed claim
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Feed?handler=Stream");
        using var response = await sam.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(cts.Token);
        using var reader = new StreamReader(stream);
        string? line;
        while ((line = await reader.ReadLineAsync(cts.Token)) is not null && !line.StartsWith("data:", StringComparison.Ordinal))
        {
        }

        Assert.Equal("data: 3", line);
    }

    [Fact]
    public async Task OtherCouple_Gets404_ForEveryIdOfAnotherCouple()
    {
        var couple = await app.CreateCoupleAsync();
        var ids = await SupportData.SeedAsync(app, couple);
        var others = await app.CreateCoupleAsync("Alex", "Kim");
        await SupportData.SeedAsync(app, others);
        foreach (var person in new[] { others.A, others.B })
        {
            using var client = await app.SignedInAsync(person);
            await AssertAll404Async(client, ids);
            foreach (var url in ListingPages)
            {
                var body = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
                Assert.DoesNotContain(ids.SharedText, body, StringComparison.Ordinal);
                Assert.DoesNotContain(ids.NeedText, body, StringComparison.Ordinal);
                Assert.DoesNotContain(ids.PebbleText, body, StringComparison.Ordinal);
            }
        }

        await AssertUnchangedAsync(ids);
    }

    [Fact]
    public async Task PersonWithoutACouple_Gets404ForIds_AndAFriendlyRedirectForPages()
    {
        var couple = await app.CreateCoupleAsync();
        var ids = await SupportData.SeedAsync(app, couple);
        var loner = await app.CreatePersonAsync("Loner");
        using var client = await app.SignedInAsync(loner);
        await AssertAll404Async(client, ids);
        foreach (var url in new[] { "/Moments", "/Moments/Pebble", "/Requests", "/Requests/New", "/Feed" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Couple", response.Headers.Location?.OriginalString);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Moments", ("Input.Direction", "Gave"), ("Input.Type", "Practical"), ("Input.Visibility", "Shared"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Requests/New", ("Input.Need", "x"), ("Input.Type", "Practical"), ("Input.Urgency", "Today"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Feed?handler=Stream")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Requests/Email")).StatusCode);
        await AssertUnchangedAsync(ids);
    }

    [Fact]
    public async Task UnknownIds_Get404_LikeAnotherCouplesIds()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var missing = Guid.CreateVersion7();
        await AssertAll404Async(robin, new SupportIds(missing, missing, missing, missing, "", "", "", ""));
    }

    private static async Task AssertAll404Async(TestClient client, SupportIds ids)
    {
        foreach (var url in ItemPages(ids))
        {
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, $"GET {url} should be 404");
        }

        foreach (var (url, fields) in ItemPosts(ids))
        {
            var response = await client.PostFormAsync(url, fields);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {url} should be 404 but was {(int)response.StatusCode}");
        }
    }

    private async Task AssertUnchangedAsync(SupportIds ids)
    {
        await app.WithDbAsync(async db =>
        {
            Assert.Equal(3, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.SupportMoments,
                m => (m.Id == ids.PrivateMoment || m.Id == ids.SharedMoment || m.Id == ids.Pebble) && m.ResponseKind == null && m.Reaction == null && m.UpdatedAtUtc == null));
            var request = await db.SupportRequests.FindAsync(ids.Request);
            Assert.Equal(Domain.Support.RequestState.Open, request!.State);
            Assert.Equal(0, request.Version);
        });
    }
}
