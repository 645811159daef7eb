using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutuality.Domain.Support;
using Mutuality.Web.Features.Shared;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Feed;

/// <summary>
/// Issue 12, item 4: the live feed (SSE) signals a person only when a change touches what they may see. Each action
/// goes through the real forms; the test listens on the app's own notifier, as the SSE stream does, and reads
/// what arrived once the response is back (the signal is sent before the response).
/// </summary>
public sealed class FeedSignalTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed class Listening(FeedNotifier notifier, Guid userId) : IDisposable
    {
        private readonly FeedNotifier.Subscription _subscription = notifier.Subscribe(userId);

        /// <summary>Whether a signal arrived since the last look (several signals count as one, as on the page).</summary>
        public bool Signalled() => _subscription.TryTake();

        public void Dispose() => _subscription.Dispose();
    }

    private Listening Listen(Guid userId) => new(app.Services.GetRequiredService<FeedNotifier>(), userId);

    private async Task<Guid> RecordAsync(TestClient client, Guid authorId, string visibility, string note)
    {
        // Notes are encrypted at rest, so the new moment is found as the one id that was not there before.
        var before = await app.WithDbAsync(db => db.SupportMoments.Where(m => m.AuthorId == authorId).Select(m => m.Id).ToListAsync());
        var response = await client.PostFormAsync("/Moments", ("Input.Direction", "Gave"), ("Input.Type", "Practical"), ("Input.Visibility", visibility), ("Input.Note", note));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await app.WithDbAsync(db => db.SupportMoments.Where(m => m.AuthorId == authorId).Select(m => m.Id).ToListAsync());
        return Assert.Single(after.Except(before));
    }

    private static async Task EditAsync(TestClient client, Guid id, string visibility, string note)
        => Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Moments/Edit/{id}", ("Input.Direction", "Gave"), ("Input.Type", "Practical"), ("Input.Visibility", visibility), ("Input.Note", note))).StatusCode);

    private static async Task DeleteAsync(TestClient client, Guid id)
        => Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Moments?handler=Delete&id={id}")).StatusCode);

    [Fact]
    public async Task APrivateMoment_SendsNoSignalToThePartner_WhenCreatedEditedOrDeleted()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = Listen(couple.B.Id);

        var id = await RecordAsync(robin, couple.A.Id, "Private", "a private note");
        Assert.False(sam.Signalled(), "creating a private moment signalled the partner");
        await EditAsync(robin, id, "Private", "a private note, edited");
        Assert.False(sam.Signalled(), "editing a private moment signalled the partner");
        await DeleteAsync(robin, id);
        Assert.False(sam.Signalled(), "deleting a private moment signalled the partner");
    }

    [Fact]
    public async Task ASharedMoment_SignalsThePartner_WhenCreatedEditedOrDeleted()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = Listen(couple.B.Id);

        var id = await RecordAsync(robin, couple.A.Id, "Shared", "a shared note");
        Assert.True(sam.Signalled(), "creating a shared moment did not signal the partner");
        await EditAsync(robin, id, "Shared", "a shared note, edited");
        Assert.True(sam.Signalled(), "editing a shared moment did not signal the partner");
        await DeleteAsync(robin, id);
        Assert.True(sam.Signalled(), "deleting a shared moment did not signal the partner");
    }

    [Fact]
    public async Task AVisibilityChange_SignalsThePartner_InBothDirections()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var id = await RecordAsync(robin, couple.A.Id, "Private", "changing its mind");
        using var sam = Listen(couple.B.Id);

        await EditAsync(robin, id, "Shared", "changing its mind");
        Assert.True(sam.Signalled(), "private → shared (a new item for the partner) did not signal");
        await EditAsync(robin, id, "Private", "changing its mind");
        Assert.True(sam.Signalled(), "shared → private (it leaves the partner's view) did not signal");
        await EditAsync(robin, id, "Private", "changing its mind again");
        Assert.False(sam.Signalled(), "an edit that stays private signalled the partner");
    }

    [Fact]
    public async Task ResponsesReactionsPebblesAndRequests_SignalTheOtherPartner_AndOnlyThem()
    {
        var couple = await app.CreateCoupleAsync();
        using var robinClient = await app.SignedInAsync(couple.A);
        using var samClient = await app.SignedInAsync(couple.B);
        using var robin = Listen(couple.A.Id);
        using var sam = Listen(couple.B.Id);

        var shared = await RecordAsync(robinClient, couple.A.Id, "Shared", "walked the dog for you");
        Assert.True(sam.Signalled());
        Assert.False(robin.Signalled(), "the author was signalled about their own new moment");

        Assert.Equal(HttpStatusCode.Redirect, (await samClient.PostFormAsync($"/Moments/View/{shared}?handler=Respond", ("Kind", "Helped"), ("Rating", "5"))).StatusCode);
        Assert.True(robin.Signalled(), "a response did not signal the moment's author");

        Assert.Equal(HttpStatusCode.Redirect, (await robinClient.PostFormAsync("/Moments/Pebble", ("Text", "Thinking of you."))).StatusCode);
        Assert.True(sam.Signalled(), "a pebble did not signal the partner");
        var pebble = await app.WithDbAsync(db => db.SupportMoments.Where(m => m.AuthorId == couple.A.Id && m.Kind == MomentKind.Pebble).Select(m => m.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await samClient.PostFormAsync($"/Moments/Pebble?handler=React&id={pebble}", ("reaction", "Heart"))).StatusCode);
        Assert.True(robin.Signalled(), "a reaction did not signal the pebble's author");

        Assert.Equal(HttpStatusCode.Redirect, (await robinClient.PostFormAsync("/Requests/New", ("Input.Need", "a call tonight"), ("Input.Type", "Emotional"), ("Input.Urgency", "Today"))).StatusCode);
        Assert.True(sam.Signalled(), "a new request did not signal the partner");
        var request = await app.WithDbAsync(db => db.SupportRequests.Where(r => r.RequesterId == couple.A.Id).Select(r => r.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await samClient.PostFormAsync($"/Requests/View/{request}?handler=TakeOn")).StatusCode);
        Assert.True(robin.Signalled(), "answering a request did not signal the requester");
    }
}
