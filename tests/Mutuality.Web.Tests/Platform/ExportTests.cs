using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutuality.Web.Features.Account.Privacy;
using Mutuality.Web.Features.Account.Security;
using Mutuality.Web.Features.Shared.PersonalData;
using Mutuality.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Mutuality.Web.Tests.Platform;

public sealed class ExportTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    /// <summary>Asks for an export through the page, waits for the background job, follows the page's link.</summary>
    public static async Task<byte[]> ExportThroughThePageAsync(AppFactory app, TestClient client, Guid userId)
    {
        var asked = await client.PostFormAsync("/Account/Manage/Export", [], "/Account/Manage/Export");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        await WaitForReadyAsync(app, userId);
        var page = await client.GetPageAsync("/Account/Manage/Export");
        Assert.Null(page.QuerySelector("#export-status[hx-get]"));
        var link = page.QuerySelector("#export-status a[href*='handler=Download']")?.GetAttribute("href")
            ?? throw new InvalidOperationException("No download link: " + page.MainText());
        var response = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Waits (up to a minute, on a busy machine) for the person's latest export to leave the queue.</summary>
    public static async Task<ExportJob> WaitForReadyAsync(AppFactory app, Guid userId)
    {
        for (var i = 0; i < 1200; i++)
        {
            var job = await app.WithDbAsync(db => db.ExportJobs.AsNoTracking().Where(j => j.UserId == userId).OrderByDescending(j => j.RequestedAtUtc).ThenByDescending(j => j.Id).FirstAsync());
            if (job.Status is not (ExportStatus.Queued or ExportStatus.Preparing))
            {
                Assert.Equal(ExportStatus.Ready, job.Status);
                return job;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The export was not prepared within a minute.");
    }

    public static string Entry(byte[] zip, string name)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var reader = new StreamReader(archive.GetEntry(name)?.Open() ?? throw new InvalidOperationException($"{name} is not in the export"));
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task Export_HasEverythingTheyWrote_AndOnlyWhatThePartnerShares_AsJsonAndCsv()
    {
        var rich = await PrivacyData.SeedAsync(app, await app.CreateCoupleAsync());
        using var robin = await app.SignedInAsync(rich.Couple.A);
        var zip = await ExportThroughThePageAsync(app, robin, rich.Couple.A.Id);

        var json = Entry(zip, "export.json");
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal(1, parsed.RootElement.GetProperty("schemaVersion").GetInt32());
        foreach (var phrase in rich.APhrases.Concat(rich.BSharedPhrases))
        {
            Assert.True(json.Contains(phrase, StringComparison.Ordinal), $"The export is missing \"{phrase}\"");
        }

        foreach (var phrase in rich.BPrivatePhrases)
        {
            Assert.False(json.Contains(phrase, StringComparison.Ordinal), $"The export holds the partner's private \"{phrase}\"");
        }

        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var names = archive.Entries.Select(e => e.FullName).ToList();
        output.WriteLine("Export entries: " + string.Join(", ", names));
        foreach (var csv in new[] { "moments.csv", "requests.csv", "request-history.csv", "check-ins.csv", "check-in-replies.csv", "monthly-preparations.csv", "agreements.csv", "conflicts.csv", "conflict-sides.csv", "repair-attempts.csv", "guide-reflections.csv", "pulse-answers.csv", "intimacy-entries.csv", "question-answers.csv", "question-reactions.csv", "question-favourites.csv" })
        {
            Assert.Contains(csv, names);
        }

        Assert.Contains(rich.APrivatePhrases[0], Entry(zip, "moments.csv"), StringComparison.Ordinal);
        Assert.DoesNotContain(rich.BPrivatePhrases[0], Entry(zip, "moments.csv"), StringComparison.Ordinal);
        Assert.Contains("km01", Entry(zip, "question-favourites.csv"), StringComparison.Ordinal);
        Assert.Contains(rich.BSharedPhrases[^1], Entry(zip, "question-reactions.csv"), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.SecurityEvents.AnyAsync(e => e.UserId == rich.Couple.A.Id && e.Kind == SecurityEventKinds.Exported)));
        Assert.Contains("Your data was exported", (await robin.GetPageAsync("/Account/Manage/Security")).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLink_WorksOnlyForThePerson_AndExpiresAfter24Hours_WhenTheFileIsDeleted()
    {
        // Its own instance: this test moves the clock a day on.
        using var app = new AppFactory();
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        await ExportThroughThePageAsync(app, robin, couple.A.Id);
        var job = await WaitForReadyAsync(app, couple.A.Id);
        var link = $"/Account/Manage/Export?handler=Download&id={job.Id}";
        Assert.Equal(HttpStatusCode.NotFound, (await sam.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.NewClient().GetAsync(link)).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.ExportFileContents.AnyAsync(c => c.JobId == job.Id)));

        app.Clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(HttpStatusCode.OK, (await robin.GetAsync(link)).StatusCode);
        app.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NotFound, (await robin.GetAsync(link)).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.ExportFileContents.AnyAsync(c => c.JobId == job.Id)), "The expired export's ZIP is still stored");
        Assert.Contains("expired", (await robin.GetPageAsync("/Account/Manage/Export")).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhileBeingPrepared_ThePageShowsProgress_AndPollsWithHtmx_NoInlineScript()
    {
        var person = await app.CreatePersonAsync("Kim");
        using var kim = await app.SignedInAsync(person);
        await app.WithDbAsync(async db =>
        {
            // A job a worker (perhaps another node's) is preparing and holds: the page shows it as being prepared.
            var now = app.Clock.GetUtcNow().UtcDateTime;
            db.ExportJobs.Add(new ExportJob { Id = Guid.CreateVersion7(), UserId = person.Id, Status = ExportStatus.Preparing, Percent = 40, RequestedAtUtc = now, LeaseUntilUtc = now.AddHours(1) });
            await db.SaveChangesAsync();
        });
        var page = await kim.GetPageAsync("/Account/Manage/Export");
        var status = page.QuerySelector("#export-status")!;
        Assert.Equal("/Account/Manage/Export?handler=Status", status.GetAttribute("hx-get"));
        Assert.Equal("40", page.QuerySelector("#export-status progress")!.GetAttribute("value"));
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        var fragment = await kim.GetAsync("/Account/Manage/Export?handler=Status");
        Assert.Contains("40%", await fragment.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportIntoAFreshInstance_RoundTrips_TheSecondExportEqualsTheFirstsOwnPart()
    {
        var rich = await PrivacyData.SeedAsync(app, await app.CreateCoupleAsync());
        using var robin = await app.SignedInAsync(rich.Couple.A);
        var first = await ExportThroughThePageAsync(app, robin, rich.Couple.A.Id);

        using var fresh = new AppFactory();
        var newcomer = await fresh.CreatePersonAsync("Robin");
        using var client = await fresh.SignedInAsync(newcomer);
        var imported = await ImportAsync(client, first);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Contains("Brought in", (await client.GetPageAsync("/Account/Manage/Import")).MainText(), StringComparison.Ordinal);
        var second = await ExportThroughThePageAsync(fresh, client, newcomer.Id);

        var before = OwnPartJson(first);
        var after = OwnPartJson(second);
        Assert.Equal(before, after);
        Assert.True(before.Length > 2000, "The compared export should hold the seeded items");
        foreach (var phrase in rich.APrivatePhrases)
        {
            Assert.Contains(phrase, after, StringComparison.Ordinal);
        }

        // A second import into the now non-empty account is refused, and stores nothing.
        var again = await ImportAsync(client, first);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains((await TestClient.ParseAsync(again)).FieldErrors(), e => e.Contains("already has things in it", StringComparison.Ordinal));
        Assert.Equal(OwnPartJson(second), OwnPartJson(await ExportThroughThePageAsync(fresh, client, newcomer.Id)));
    }

    [Theory]
    [InlineData("not a zip at all")]
    [InlineData("zip-without-export")]
    [InlineData("zip-version-2")]
    [InlineData("zip-bad-json")]
    public async Task ImportingSomethingElse_GivesAClearFieldError_AndStoresNothing(string kind)
    {
        var person = await app.CreatePersonAsync("Jo");
        using var client = await app.SignedInAsync(person);
        byte[] bytes = kind switch
        {
            "zip-without-export" => Zip(("notes.txt", "hello")),
            "zip-version-2" => Zip(("export.json", "{\"schemaVersion\":2}")),
            "zip-bad-json" => Zip(("export.json", "{\"schemaVersion\":1,\"moments\":[{\"id\":\"nope\"}")),
            _ => System.Text.Encoding.UTF8.GetBytes(kind),
        };
        var response = await ImportAsync(client, bytes);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await TestClient.ParseAsync(response)).FieldErrors();
        Assert.Contains(errors, e => e.StartsWith("File:", StringComparison.Ordinal));
        Assert.False(await app.WithDbAsync(db => db.CoupleMembers.AnyAsync(m => m.UserId == person.Id)));
    }

    private static string OwnPartJson(byte[] zip)
    {
        var doc = JsonSerializer.Deserialize<ExportDocument>(Entry(zip, "export.json"), ExportDocument.Json)!;
        return JsonSerializer.Serialize(doc.OwnPart(), ExportDocument.Json);
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        return memory.ToArray();
    }

    public static async Task<HttpResponseMessage> ImportAsync(TestClient client, byte[] file)
    {
        var token = await client.TokenAsync("/Account/Manage/Import");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/zip");
        content.Add(part, "Upload", "export.zip");
        return await client.Http.PostAsync("/Account/Manage/Import", content);
    }
}

public sealed class ExportRateLimitTests : IDisposable
{
    private readonly LimitedApp _app = new();

    private sealed class LimitedApp : AppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["RateLimits:ExportsPerHour"] = "2" };
    }

    [Fact]
    public async Task AskingForExports_IsLimitedPerPerson()
    {
        var person = await _app.CreatePersonAsync("Lee");
        var other = await _app.CreatePersonAsync("Max");
        using var lee = await _app.SignedInAsync(person);
        using var max = await _app.SignedInAsync(other);
        Assert.Equal(HttpStatusCode.Redirect, (await lee.PostFormAsync("/Account/Manage/Export", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await lee.PostFormAsync("/Account/Manage/Export", [])).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await lee.PostFormAsync("/Account/Manage/Export", [])).StatusCode);

        // Reading the page is not limited, and someone else can still ask.
        Assert.Equal(HttpStatusCode.OK, (await lee.GetAsync("/Account/Manage/Export")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await max.PostFormAsync("/Account/Manage/Export", [])).StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
