using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Shared.PersonalData;

namespace Mutuality.Web.Features.Account.Privacy;

/// <summary>
/// Builds a person's export: their own items from every couple space they were in, in full; and, from their
/// current couple only, what the partner lets them see. Each feature fills its sections (its
/// <see cref="IPersonalData"/>); this heads the document with who is exporting and writes the ZIP.
/// </summary>
public sealed class DataExporter(AppDbContext db, TimeProvider clock, IEnumerable<IPersonalData> parts)
{
    public async Task<ExportDocument> BuildAsync(Guid userId, Func<int, Task>? progress = null, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, ct);
        var active = await db.CoupleMembers.AsNoTracking().Where(m => m.UserId == userId && m.LeftAtUtc == null).Select(m => (Guid?)m.CoupleId).SingleOrDefaultAsync(ct);
        var partner = active is null ? null : await db.CoupleMembers.AsNoTracking()
            .Where(m => m.CoupleId == active && m.UserId != userId && m.LeftAtUtc == null)
            .Select(m => new { m.UserId, m.User!.DisplayName }).SingleOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var person = new PersonExporting(userId, active, partner?.UserId, now);

        var doc = new ExportDocument(
            ExportDocument.CurrentSchemaVersion,
            now,
            new ExportPerson(user.DisplayName, user.Email ?? string.Empty, user.TimeZoneId),
            partner?.DisplayName,
            [], [], [], [], [], [], [], [], [], [], []);
        var all = parts.ToList();
        for (var i = 0; i < all.Count; i++)
        {
            doc = await all[i].ExportAsync(person, doc, ct);
            if (progress is not null)
            {
                await progress((i + 1) * 100 / (all.Count + 1));
            }
        }

        return doc;
    }

    /// <summary>Writes the ZIP: export.json (the whole document), each feature's CSV files, and a short README.</summary>
    public void WriteZip(ExportDocument doc, Stream output)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        using (var json = zip.CreateEntry("export.json", CompressionLevel.Optimal).Open())
        {
            JsonSerializer.Serialize(json, doc, ExportDocument.Json);
        }

        var csv = new ExportCsv(zip);
        foreach (var part in parts)
        {
            part.WriteCsv(doc, csv);
        }

        using var readme = new StreamWriter(zip.CreateEntry("README.txt").Open(), new UTF8Encoding(false));
        readme.Write("Your Mutuality export (schema version 1).\nexport.json holds everything; each .csv file holds one kind of item.\n"
            + "\"me\" is you, \"partner\" is your partner. Times are UTC. The format is described in docs/export-format.md of the Mutuality source.\n");
    }
}
