using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Couple;
using Mutuality.Web.Features.Shared.PersonalData;

namespace Mutuality.Web.Features.Account.Privacy;

/// <summary>
/// Restores one's own export into an account with no data yet (e.g. on a fresh instance): the items the person
/// wrote (<see cref="ExportDocument.OwnPart"/>), with their ids, into a couple space of their own. What the
/// partner wrote is not restored — it is theirs. Each feature reads its own sections back (its
/// <see cref="IPersonalData"/>); this runs them in one transaction.
/// </summary>
public sealed class DataImporter(AppDbContext db, CoupleCommands couples, TimeProvider clock, IEnumerable<IPersonalData> parts)
{
    public const long MaxBytes = 50 * 1024 * 1024;

    public static readonly DomainError NotAnExport = new("import.file", "File: this isn't a Mutuality export. Choose the ZIP file you downloaded from \"Download your data\".");
    public static readonly DomainError WrongVersion = new("import.version", "File: this export uses a format version we can't read (we read version 1).");
    public static readonly DomainError HasData = ImportRules.HasData;
    public static readonly DomainError IdsTaken = ImportRules.IdsTaken;

    /// <summary>Reads export.json from the ZIP; null when the stream is not a readable export.</summary>
    public static Result<ExportDocument> Read(Stream zipStream)
    {
        try
        {
            using var zip = new ZipArchive(zipStream, ZipArchiveMode.Read, leaveOpen: true);
            var entry = zip.GetEntry("export.json");
            if (entry is null || entry.Length > MaxBytes)
            {
                return NotAnExport;
            }

            using var json = entry.Open();
            using var parsed = JsonDocument.Parse(json);
            if (!parsed.RootElement.TryGetProperty("schemaVersion", out var version) || version.ValueKind != JsonValueKind.Number)
            {
                return NotAnExport;
            }

            if (version.GetInt32() != ExportDocument.CurrentSchemaVersion)
            {
                return WrongVersion;
            }

            var doc = parsed.RootElement.Deserialize<ExportDocument>(ExportDocument.Json);
            return doc is null ? NotAnExport : Result<ExportDocument>.Ok(doc);
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or IOException or NotSupportedException or FormatException or InvalidOperationException or ArgumentException)
        {
            return NotAnExport;
        }
    }

    public static readonly DomainError SharesASpace = new("import.has_partner", "File: you share a space with a partner right now. An export is brought into a space of your own, so that nothing of yours or theirs is mixed up: bring it in before you invite or join a partner.");

    /// <summary>
    /// Brings in the person's own part of an export, all or nothing: in one transaction, a couple space of their own
    /// is made, then each feature checks its sections with the domain's rules and writes them, saved part by part.
    /// The first refusal rolls everything back — the new couple space and the parts already written included — and
    /// is the answer. Imported check-ins are marked imported: the person's own history, never a reveal partner
    /// (docs/privacy.md).
    /// </summary>
    public async Task<Result<int>> ImportAsync(Guid userId, ExportDocument export, CancellationToken ct = default)
    {
        var spaces = db.CoupleMembers.Where(m => m.UserId == userId && m.LeftAtUtc == null).Select(m => m.CoupleId);
        if (await db.CoupleMembers.AnyAsync(m => spaces.Contains(m.CoupleId) && m.UserId != userId && m.LeftAtUtc == null, ct))
        {
            return SharesASpace;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var person = new PersonImporting(userId, await couples.CreateCoupleAsync(userId, ct), clock.GetUtcNow().UtcDateTime);
            var count = 0;
            foreach (var part in parts)
            {
                var result = await part.ImportAsync(person, export, ct);
                if (!result.IsSuccess)
                {
                    await tx.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                    return result;
                }

                await db.SaveChangesAsync(ct);
                count += result.Value;
            }

            await tx.CommitAsync(ct);
            return Result<int>.Ok(count);
        }
        catch (DbUpdateException)
        {
            // Someone else wrote one of these ids a moment ago: nothing of this import stays.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return IdsTaken;
        }
    }
}
