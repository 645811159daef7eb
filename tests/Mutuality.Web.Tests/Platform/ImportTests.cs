using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.CheckIns;
using Mutuality.Web.Data;
using Mutuality.Web.Features.CheckIns;
using Mutuality.Web.Features.CheckIns.Data;
using Mutuality.Web.Features.Pulse.Data;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Platform;

/// <summary>
/// Issue 12, items 2, 5 and 6: the importer is a front door like any other. Each imported item passes the form's
/// rules (except the live-entry windows), a refused file leaves nothing behind, and an imported check-in is the
/// person's own history: it never opens the partner's sealed check-in and is never shown to the partner.
/// </summary>
public sealed class ImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateOnly Yesterday = new(2026, 3, 1);

    private static CheckInContent Content(string desire) => CheckInContent.Empty with
    {
        Me = CheckInContent.Empty.Me with { Feelings = [new FeelingChoice("calm", 2)], Desires = new SharedText(desire, Visibility.Partner), Ratings = new Ratings(5, 4, 3) },
        Guess = CheckInContent.Empty.Guess with { Feelings = [new FeelingChoice("happy", 1)], Ratings = new Ratings(4, 4, 4) },
    };

    private static JsonObject CheckIn(string desire, DateOnly? day = null, bool sent = true) => new()
    {
        ["id"] = Guid.CreateVersion7().ToString(),
        ["author"] = "me",
        ["cadence"] = 1,
        ["period"] = Periods.Containing(Cadence.Daily, day ?? Yesterday).Label,
        ["periodStart"] = (day ?? Yesterday).ToString("yyyy-MM-dd"),
        ["createdAtUtc"] = "2026-03-01T20:00:00Z",
        ["updatedAtUtc"] = "2026-03-01T20:05:00Z",
        ["submittedAtUtc"] = sent ? "2026-03-01T20:05:00Z" : null,
        ["content"] = JsonNode.Parse(CheckInJson.Write(Content(desire))),
    };

    private static JsonObject Moment(string note) => new()
    {
        ["id"] = Guid.CreateVersion7().ToString(),
        ["author"] = "me",
        ["kind"] = "Moment",
        ["direction"] = "Gave",
        ["type"] = "Practical",
        ["note"] = note,
        ["link"] = null,
        ["occurredAtUtc"] = "2025-01-10T18:00:00Z",
        ["timeZoneId"] = "Europe/London",
        ["visibility"] = "Private",
        ["createdAtUtc"] = "2025-01-10T18:00:00Z",
        ["updatedAtUtc"] = null,
    };

    /// <summary>A small export that imports cleanly: an old moment, a sent check-in for yesterday, a pulse answer.</summary>
    private static JsonObject Export(string desire) => new()
    {
        ["schemaVersion"] = 1,
        ["moments"] = new JsonArray(Moment("An old moment, kept with its date")),
        ["requests"] = new JsonArray(),
        ["checkIns"] = new JsonArray(CheckIn(desire)),
        ["checkInReplies"] = new JsonArray(),
        ["monthlyPreparations"] = new JsonArray(),
        ["agreements"] = new JsonArray(),
        ["conflicts"] = new JsonArray(),
        ["guideReflections"] = new JsonArray(),
        ["pulseAnswers"] = new JsonArray(new JsonObject
        {
            ["id"] = Guid.CreateVersion7().ToString(),
            ["month"] = "2026-02-01",
            ["itemId"] = "close",
            ["value"] = 4,
            ["createdAtUtc"] = "2026-02-10T10:00:00Z",
        }),
        ["intimacyEntries"] = new JsonArray(),
    };

    private static byte[] Zip(JsonObject export)
    {
        var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("export.json").Open());
            writer.Write(export.ToJsonString());
        }

        return memory.ToArray();
    }

    private Task<bool> HasAnythingAsync(Guid userId) => app.WithDbAsync(async db =>
        await db.CoupleMembers.AnyAsync(m => m.UserId == userId) || await db.SupportMoments.AnyAsync(m => m.AuthorId == userId)
        || await db.CheckIns.AnyAsync(c => c.AuthorId == userId) || await db.PulseAnswers.AnyAsync(a => a.AuthorId == userId));

    private static async Task<string> RefusalAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await TestClient.ParseAsync(response)).FieldErrors();
        Assert.Contains(errors, e => e.StartsWith("File:", StringComparison.Ordinal));
        return errors.First(e => e.StartsWith("File:", StringComparison.Ordinal));
    }

    private Task SendCheckInAsync(Guid coupleId, Guid authorId, string desire) => app.WithDbAsync(async db =>
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        db.CheckIns.Add(new CheckInEntry
        {
            Id = Guid.CreateVersion7(),
            CoupleId = coupleId,
            AuthorId = authorId,
            Cadence = 1,
            PeriodStart = Yesterday,
            PeriodLabel = Periods.Containing(Cadence.Daily, Yesterday).Label,
            ContentJson = CheckInJson.Write(Content(desire)),
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            SubmittedAtUtc = now,
        });
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task AValidExport_IsBroughtIn_WithItsOldDates_AndItsCheckInsMarkedAsImported()
    {
        var person = await app.CreatePersonAsync("Jo");
        using var client = await app.SignedInAsync(person);
        var response = await ExportTests.ImportAsync(client, Zip(Export("my own old words")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var checkIn = await app.WithDbAsync(db => db.CheckIns.AsNoTracking().SingleAsync(c => c.AuthorId == person.Id));
        Assert.True(checkIn.Imported);
        Assert.NotNull(checkIn.SubmittedAtUtc);
        Assert.Equal(new DateTime(2025, 1, 10, 18, 0, 0), await app.WithDbAsync(db => db.SupportMoments.Where(m => m.AuthorId == person.Id).Select(m => m.OccurredAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task Import_WhileSharingASpaceWithAPartner_IsRefused_AndDoesNotOpenTheirSealedCheckIn()
    {
        var couple = await app.CreateCoupleAsync();
        await SendCheckInAsync(couple.Id, couple.B.Id, "partner's sealed words");
        using var robin = await app.SignedInAsync(couple.A);

        var refusal = await RefusalAsync(await ExportTests.ImportAsync(robin, Zip(Export("made up"))));

        Assert.Contains("share a space", refusal, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.CheckIns.AnyAsync(c => c.AuthorId == couple.A.Id)));
        var label = Periods.Containing(Cadence.Daily, Yesterday).Label;
        var reveal = await robin.GetAsync($"/CheckIns/Reveal/{label}");
        Assert.DoesNotContain("partner's sealed words", await reveal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnImportedSentCheckIn_NeverOpensTheCheckInOfAPartnerWhoJoinsLater_NorIsShownToThem()
    {
        var robin = await app.CreatePersonAsync("Robin");
        using (var client = await app.SignedInAsync(robin))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await ExportTests.ImportAsync(client, Zip(Export("imported words")))).StatusCode);
        }

        // A partner joins the space the import made, and sends a check-in for the same period through the app.
        var sam = await app.CreatePersonAsync("Sam");
        var coupleId = await app.WithDbAsync(db => db.CoupleMembers.Where(m => m.UserId == robin.Id).Select(m => m.CoupleId).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            db.CoupleMembers.Add(new CoupleMember { Id = Guid.CreateVersion7(), CoupleId = coupleId, UserId = sam.Id, JoinedAtUtc = app.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        });
        await SendCheckInAsync(coupleId, sam.Id, "sam's sealed words");
        var label = Periods.Containing(Cadence.Daily, Yesterday).Label;

        using var robinClient = await app.SignedInAsync(robin);
        using var samClient = await app.SignedInAsync(sam);
        foreach (var url in new[] { $"/CheckIns/Reveal/{label}", "/CheckIns", "/Insights", "/Insights/Report", "/" })
        {
            var robinSees = await (await robinClient.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("sam's sealed words", robinSees, StringComparison.Ordinal);
            var samSees = await (await samClient.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("imported words", samSees, StringComparison.Ordinal);
        }

        Assert.Contains("imported words", (await robinClient.GetPageAsync($"/CheckIns/Reveal/{label}")).MainText(), StringComparison.Ordinal);
        var samExport = ExportTests.Entry(await ExportTests.ExportThroughThePageAsync(app, samClient, sam.Id), "export.json");
        Assert.DoesNotContain("imported words", samExport, StringComparison.Ordinal);
        var robinExport = ExportTests.Entry(await ExportTests.ExportThroughThePageAsync(app, robinClient, robin.Id), "export.json");
        Assert.DoesNotContain("sam's sealed words", robinExport, StringComparison.Ordinal);
    }

    public static TheoryData<string> BrokenFiles() =>
    [
        "no moments list", "no check-ins list", "a null item", "check-in without content", "check-in with empty content",
        "sent check-in with blank parts", "check-in with an unknown feeling", "check-in for a period that does not exist",
        "check-in for tomorrow", "check-in from 1990", "check-in with a rating of 9", "moment note too long", "moment with a made-up visibility",
        "moment in the future", "pebble with a javascript link", "pulse answer of 9", "unknown intimacy kind", "the same id twice",
        "moment without an id", "request with an empty need",
    ];

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task ABrokenOrMadeUpFile_IsRefusedWithAClearMessage_AndLeavesNothingBehind(string broken)
    {
        var person = await app.CreatePersonAsync("Jo");
        using var client = await app.SignedInAsync(person);
        var export = Export("words");
        var checkIn = export["checkIns"]![0]!.AsObject();
        var moment = export["moments"]![0]!.AsObject();
        switch (broken)
        {
            case "no moments list": export.Remove("moments"); break;
            case "no check-ins list": export["checkIns"] = null; break;
            case "a null item": export["moments"]!.AsArray().Add(null); break;
            case "check-in without content": checkIn.Remove("content"); break;
            case "check-in with empty content": checkIn["content"] = new JsonObject(); break;
            case "sent check-in with blank parts": checkIn["content"] = JsonNode.Parse(CheckInJson.Write(CheckInContent.Empty)); break;
            case "check-in with an unknown feeling": checkIn["content"]!["me"]!["feelings"]![0]!["word"] = "<script>"; break;
            case "check-in for a period that does not exist": checkIn["period"] = "2026-02-30"; break;
            case "check-in for tomorrow": checkIn["periodStart"] = "2026-03-04"; checkIn["period"] = "2026-03-04"; break;
            case "check-in from 1990": checkIn["periodStart"] = "1990-01-01"; checkIn["period"] = "1990-01-01"; break;
            case "check-in with a rating of 9": checkIn["content"]!["me"]!["ratings"]!["supported"] = 9; break;
            case "moment note too long": moment["note"] = new string('a', 1001); break;
            case "moment with a made-up visibility": moment["visibility"] = 7; break;
            case "moment in the future": moment["occurredAtUtc"] = "2026-06-01T10:00:00Z"; break;
            case "pebble with a javascript link": moment["kind"] = "Pebble"; moment["visibility"] = "Shared"; moment["link"] = "javascript:alert(1)"; break;
            case "pulse answer of 9": export["pulseAnswers"]![0]!["value"] = 9; break;
            case "unknown intimacy kind":
                export["intimacyEntries"]!.AsArray().Add(new JsonObject { ["id"] = Guid.CreateVersion7().ToString(), ["month"] = "2026-02-01", ["kind"] = "telepathic", ["fulfilment"] = 5, ["importance"] = 5, ["createdAtUtc"] = "2026-02-10T10:00:00Z" });
                break;
            case "the same id twice": export["pulseAnswers"]![0]!["id"] = moment["id"]!.GetValue<string>(); break;
            case "moment without an id": moment.Remove("id"); break;
            case "request with an empty need":
                export["requests"]!.AsArray().Add(new JsonObject
                {
                    ["id"] = Guid.CreateVersion7().ToString(),
                    ["requester"] = "me",
                    ["feeling"] = "tired",
                    ["need"] = null,
                    ["askedType"] = "Practical",
                    ["urgency"] = "ThisWeek",
                    ["windowEndsUtc"] = "2026-02-12T10:00:00Z",
                    ["timeZoneId"] = "Europe/London",
                    ["state"] = "Open",
                    ["createdAtUtc"] = "2026-02-10T10:00:00Z",
                    ["updatedAtUtc"] = "2026-02-10T10:00:00Z",
                    ["history"] = new JsonArray(),
                });
                break;
            default: throw new ArgumentOutOfRangeException(nameof(broken));
        }

        var refusal = await RefusalAsync(await ExportTests.ImportAsync(client, Zip(export)));

        Assert.Contains("Nothing was brought in", refusal, StringComparison.Ordinal);
        Assert.False(await HasAnythingAsync(person.Id), "A refused file left something behind");
    }

    [Fact]
    public async Task AnIdThatExistsInAnyTable_IsRefused_AndLeavesNoCoupleSpaceBehind()
    {
        var other = await app.CreateCoupleAsync();
        var takenId = Guid.CreateVersion7();
        await app.WithDbAsync(async db =>
        {
            db.PulseAnswers.Add(new PulseAnswer { Id = takenId, CoupleId = other.Id, AuthorId = other.A.Id, Month = new DateOnly(2026, 2, 1), ItemId = "close", Value = 3, CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        });
        var person = await app.CreatePersonAsync("Jo");
        using var client = await app.SignedInAsync(person);
        var export = Export("words");
        export["pulseAnswers"]![0]!["id"] = takenId.ToString();

        var refusal = await RefusalAsync(await ExportTests.ImportAsync(client, Zip(export)));

        Assert.Contains("already exist", refusal, StringComparison.Ordinal);
        Assert.False(await HasAnythingAsync(person.Id), "A refused file left something behind");
    }

    [Fact]
    public async Task AnImportedMomentWithANullNote_IsBroughtInWithAnEmptyNote()
    {
        var person = await app.CreatePersonAsync("Jo");
        using var client = await app.SignedInAsync(person);
        var export = Export("words");
        export["moments"]![0]!["note"] = null;

        Assert.Equal(HttpStatusCode.Redirect, (await ExportTests.ImportAsync(client, Zip(export))).StatusCode);
        Assert.Equal(string.Empty, await app.WithDbAsync(db => db.SupportMoments.Where(m => m.AuthorId == person.Id).Select(m => m.Note).SingleAsync()));
    }
}
