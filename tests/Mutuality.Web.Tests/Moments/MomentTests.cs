using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Support;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Moments;

public sealed class MomentTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Task<HttpResponseMessage> RecordAsync(TestClient client, string note, string direction = "Gave", string type = "Practical", string visibility = "Shared", string when = "")
        => client.SubmitFormAsync("/Moments", "form.moment-form", ("Input.Direction", direction), ("Input.Type", type), ("Input.Note", note), ("Input.OccurredAt", when), ("Input.Visibility", visibility));

    [Fact]
    public async Task Record_DefaultsToNow_AndIsShared_AndAppearsInThePartnersFeed()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        var note = "Did the shopping " + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.Redirect, (await RecordAsync(robin, note)).StatusCode);

        // Notes are encrypted at rest (never equal in SQL): find the author's moments, then compare in memory.
        var stored = (await app.WithDbAsync(db => db.SupportMoments.Where(m => m.AuthorId == couple.A.Id).ToListAsync())).Single(m => m.Note == note);
        Assert.Equal(couple.Id, stored.CoupleId);
        Assert.Equal(couple.A.Id, stored.AuthorId);
        Assert.Equal(Visibility.Shared, stored.Visibility);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, stored.OccurredAtUtc);
        Assert.Equal("Europe/London", stored.AuthorTimeZoneId);
        var feed = (await sam.GetPageAsync("/Feed")).MainText();
        Assert.Contains("Robin gave you practical support", feed, StringComparison.Ordinal);
        Assert.Contains(note, feed, StringComparison.Ordinal);
        Assert.Contains("Quiet support", feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_WhenIsReadInTheAuthorsZone()
    {
        var couple = await app.CreateCoupleAsync();
        using var sam = await app.SignedInAsync(couple.B);
        var note = "Breakfast call " + Guid.NewGuid().ToString("N")[..6];
        await RecordAsync(sam, note, when: "2026-03-01T20:15");
        // Sam is in New York (UTC-5 in early March).
        Assert.Equal(new DateTime(2026, 3, 2, 1, 15, 0, DateTimeKind.Utc), (await app.WithDbAsync(db => db.SupportMoments.Select(m => new { m.Note, m.OccurredAtUtc }).ToListAsync())).Single(m => m.Note == note).OccurredAtUtc);
    }

    [Theory]
    [InlineData("1001", "Note: use at most 1000 characters (you have 1001).")]
    [InlineData("future", "When: choose a time that has already happened.")]
    [InlineData("badtype", "Kind of support: choose one of the five kinds.")]
    [InlineData("nodirection", "Gave or received: choose whether you gave this support or received it.")]
    public async Task Record_BadInput_ShowsClearMessages_AndStoresNothing(string kind, string message)
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var response = kind switch
        {
            "1001" => await RecordAsync(robin, new string('a', 1001)),
            "future" => await RecordAsync(robin, "x", when: "2030-01-01T10:00"),
            "badtype" => await RecordAsync(robin, "x", type: "Telepathic"),
            _ => await RecordAsync(robin, "x", direction: ""),
        };
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await TestClient.ParseAsync(response)).FieldErrors());
        Assert.Equal(0, await app.WithDbAsync(db => db.SupportMoments.CountAsync(m => m.CoupleId == couple.Id)));
    }

    [Fact]
    public async Task ScriptInANote_IsShownAsText_ToBoth()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        await RecordAsync(robin, "<script>alert('moment')</script>");
        var id = await app.WithDbAsync(db => db.SupportMoments.Where(m => m.CoupleId == couple.Id).Select(m => m.Id).SingleAsync());
        foreach (var (client, url) in new[] { (robin, "/Moments"), (sam, "/Moments"), (sam, "/Feed"), (sam, $"/Moments/View/{id}"), (sam, "/Feed?handler=List") })
        {
            var html = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EditAndDelete_OwnMoment()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        await RecordAsync(robin, "first words", visibility: "Private");
        var id = await app.WithDbAsync(db => db.SupportMoments.Where(m => m.CoupleId == couple.Id).Select(m => m.Id).SingleAsync());
        var form = await robin.GetPageAsync($"/Moments/Edit/{id}");
        Assert.Equal("first words", form.QuerySelector("#moment-note")!.TextContent);

        var saved = await robin.PostFormAsync($"/Moments/Edit/{id}", ("Input.Direction", "Received"), ("Input.Type", "Esteem"), ("Input.Note", "better words"), ("Input.OccurredAt", "2026-03-01T10:00"), ("Input.Visibility", "Shared"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var m = await app.WithDbAsync(db => db.SupportMoments.SingleAsync(x => x.Id == id));
        Assert.Equal(("better words", MomentDirection.Received, SupportType.Esteem, Visibility.Shared), (m.Note, m.Direction, m.Type, m.Visibility));

        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync($"/Moments?handler=Delete&id={id}")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.SupportMoments.AnyAsync(x => x.Id == id)));
    }

    [Fact]
    public async Task Respond_ThisHelped_ThenChangeIt_AndTheAuthorSeesIt()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        await RecordAsync(robin, "Took the car in");
        var id = await app.WithDbAsync(db => db.SupportMoments.Where(m => m.CoupleId == couple.Id).Select(m => m.Id).SingleAsync());
        var url = $"/Moments/View/{id}";

        Assert.Equal(HttpStatusCode.Redirect, (await sam.PostFormAsync($"{url}?handler=Respond", ("Kind", "Helped"), ("Rating", "4"))).StatusCode);
        Assert.Contains("This helped (4 of 5)", (await robin.GetPageAsync(url)).MainText(), StringComparison.Ordinal);

        var missing = await sam.PostFormAsync($"{url}?handler=Respond", ("Kind", "NotQuite"));
        Assert.Contains("What would help: say what would have helped, so next time it can.", (await TestClient.ParseAsync(missing)).FieldErrors());
        await sam.PostFormAsync($"{url}?handler=Respond", ("Kind", "NotQuite"), ("WhatWouldHelp", "A hug first, then the errands."));
        var stored = await app.WithDbAsync(db => db.SupportMoments.SingleAsync(m => m.Id == id));
        Assert.Equal((MomentResponseKind.NotQuite, "A hug first, then the errands."), (stored.ResponseKind!.Value, stored.ResponseNote));
        Assert.Contains("Sam responded to your practical support: Not quite what I needed", (await robin.GetPageAsync("/Feed")).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Respond_ToOwnMomentOrToAReceivedMoment_IsRefusedWithAMessage()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        await RecordAsync(robin, "I received a hug", direction: "Received");
        var id = await app.WithDbAsync(db => db.SupportMoments.Where(m => m.CoupleId == couple.Id).Select(m => m.Id).SingleAsync());
        var own = await robin.PostFormAsync($"/Moments/View/{id}?handler=Respond", ("Kind", "Helped"), ("Rating", "5"));
        Assert.Contains("your own moment", (await TestClient.ParseAsync(own)).MainText(), StringComparison.Ordinal);
        var received = await sam.PostFormAsync($"/Moments/View/{id}?handler=Respond", ("Kind", "Helped"), ("Rating", "5"));
        Assert.Contains("nothing to rate here", (await TestClient.ParseAsync(received)).MainText(), StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.SupportMoments.Where(m => m.Id == id).Select(m => m.ResponseKind).SingleAsync()));
    }

    [Fact]
    public async Task Pebble_OneTap_LandsInThePartnersFeed_CountsAsCompanionship_AndCanBeReactedTo()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        var page = await robin.GetPageAsync("/Moments/Pebble");
        var firstTap = page.QuerySelector("form input[name=Text]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/Moments/Pebble", ("Text", firstTap))).StatusCode);

        var pebble = await app.WithDbAsync(db => db.SupportMoments.SingleAsync(m => m.CoupleId == couple.Id));
        Assert.Equal((MomentKind.Pebble, SupportType.Companionship, MomentDirection.Gave, Visibility.Shared), (pebble.Kind, pebble.Type, pebble.Direction, pebble.Visibility));
        var feed = await sam.GetPageAsync("/Feed");
        Assert.Contains("Robin sent you a pebble", feed.MainText(), StringComparison.Ordinal);
        Assert.Contains(firstTap, feed.MainText(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await sam.PostFormAsync($"/Moments/Pebble?handler=React&id={pebble.Id}", ("reaction", "Heart"))).StatusCode);
        Assert.Equal(PebbleReaction.Heart, await app.WithDbAsync(db => db.SupportMoments.Where(m => m.Id == pebble.Id).Select(m => m.Reaction).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await robin.PostFormAsync($"/Moments/Pebble?handler=React&id={pebble.Id}", ("reaction", "Heart"))).StatusCode);
        Assert.Equal("1", (await robin.GetPageAsync("/")).QuerySelector(".week-given-me")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("", "", "Your pebble: pick one of ours, or write a few words or a link.")]
    [InlineData("hi", "javascript:alert(1)", "Link: use a web address starting with https://.")]
    [InlineData("281", "", "Your pebble: use at most 280 characters (you have 281).")]
    public async Task Pebble_BadInput_HasClearMessages(string text, string link, string message)
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var response = await robin.PostFormAsync("/Moments/Pebble", ("Text", text == "281" ? new string('p', 281) : text), ("Link", link));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await TestClient.ParseAsync(response)).FieldErrors());
        Assert.Equal(0, await app.WithDbAsync(db => db.SupportMoments.CountAsync(m => m.CoupleId == couple.Id)));
    }

    [Fact]
    public async Task WeekPanel_ShowsOneFriendlyLineWhenEmpty_AndQuietSupportNeutrally()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        var empty = await sam.GetPageAsync("/");
        Assert.StartsWith("Nothing noted this week yet", empty.QuerySelector(".week-panel .week-empty")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(empty.QuerySelector(".week-panel dl"));
        Assert.DoesNotContain("not enough data yet", empty.MainText(), StringComparison.Ordinal);

        await RecordAsync(robin, "Cooked dinner");
        await RecordAsync(robin, "Walked the dog", type: "Practical");
        var after = await sam.GetPageAsync("/");
        Assert.Equal("2", after.QuerySelector(".week-given-partner")!.TextContent.Trim());
        Assert.StartsWith("2 from Robin you haven't responded to", after.QuerySelector(".week-quiet")!.TextContent.Trim(), StringComparison.Ordinal);
    }
}
