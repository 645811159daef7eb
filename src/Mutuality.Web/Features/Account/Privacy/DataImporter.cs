using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Domain.People;
using Mutuality.Web.Data;
using Mutuality.Web.Features.CheckIns;
using Mutuality.Web.Features.CheckIns.Data;
using Mutuality.Web.Features.Couple;
using Mutuality.Web.Features.Intimacy.Data;
using Mutuality.Web.Features.Moments.Data;
using Mutuality.Web.Features.Monthly.Data;
using Mutuality.Web.Features.Pulse.Data;
using Mutuality.Web.Features.Repair.Data;
using Mutuality.Web.Features.Requests.Data;

namespace Mutuality.Web.Features.Account.Privacy;

/// <summary>
/// Restores one's own export into an account with no data yet (e.g. on a fresh instance): the items the person
/// wrote (<see cref="ExportDocument.OwnPart"/>), with their ids, into a couple space of their own. What the
/// partner wrote is not restored — it is theirs.
/// </summary>
public sealed class DataImporter(AppDbContext db, CoupleCommands couples, TimeProvider clock)
{
    public const long MaxBytes = 50 * 1024 * 1024;

    public static readonly DomainError NotAnExport = new("import.file", "File: this isn't a Mutuality export. Choose the ZIP file you downloaded from \"Download your data\".");
    public static readonly DomainError WrongVersion = new("import.version", "File: this export uses a format version we can't read (we read version 1).");
    public static readonly DomainError HasData = new("import.has_data", "File: your account already has things in it. An export can only be brought into an account that is still empty, so nothing is mixed up or doubled.");
    public static readonly DomainError IdsTaken = new("import.ids", "File: some of these items already exist on this server. An export can only be brought into a different server from the one it came from.");

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
    /// Brings in the person's own part of an export, all or nothing: every item is checked first
    /// (<see cref="ImportChecks"/>), then everything — the new couple space included — is written in one transaction.
    /// A refused file leaves nothing behind. Imported check-ins are marked <see cref="CheckInEntry.Imported"/>: the
    /// person's own history, never a reveal partner (docs/privacy.md).
    /// </summary>
    public async Task<Result<int>> ImportAsync(Guid userId, ExportDocument export, CancellationToken ct = default)
    {
        var plan = ImportChecks.Check(export, clock.GetUtcNow().UtcDateTime);
        if (!plan.IsSuccess)
        {
            return plan.Error!;
        }

        var doc = plan.Value.Own;
        var hasData = await db.SupportMoments.AnyAsync(m => m.AuthorId == userId, ct)
            || await db.SupportRequests.AnyAsync(r => r.RequesterId == userId || r.PartnerId == userId, ct)
            || await db.CheckIns.AnyAsync(c => c.AuthorId == userId, ct)
            || await db.ConflictRecords.AnyAsync(c => c.OpenedById == userId, ct)
            || await db.GuideReflections.AnyAsync(r => r.AuthorId == userId, ct)
            || await db.PulseAnswers.AnyAsync(a => a.AuthorId == userId, ct)
            || await db.IntimacyEntries.AnyAsync(e => e.AuthorId == userId, ct)
            || await db.QuestionAnswers.AnyAsync(a => a.AuthorId == userId, ct)
            || await db.MonthlyPreparations.AnyAsync(p => p.AuthorId == userId, ct)
            || await db.RitualAgreements.AnyAsync(a => a.CreatedById == userId, ct);
        if (hasData)
        {
            return HasData;
        }

        var spaces = db.CoupleMembers.Where(m => m.UserId == userId && m.LeftAtUtc == null).Select(m => m.CoupleId);
        if (await db.CoupleMembers.AnyAsync(m => spaces.Contains(m.CoupleId) && m.UserId != userId && m.LeftAtUtc == null, ct))
        {
            return SharesASpace;
        }

        if (await AnyIdTakenAsync(doc, ct))
        {
            return IdsTaken;
        }

        // Answers to daily questions go through the form's own checks (issue 17); any problem stops the import.
        var questionAnswers = doc.QuestionAnswers ?? [];
        foreach (var a in questionAnswers)
        {
            var day = a.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            if (Mutuality.Domain.Questions.QuestionLibrary.Find(a.QuestionId) is not { } question)
            {
                return new DomainError("import.question", $"File: the answer for {day} refers to a question that isn't in the library ({a.QuestionId}). Nothing was brought in.", "Upload");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            if ((HistoryDates.CheckDay(a.Day, now, "Day") ?? HistoryDates.CheckInstant(Utc(a.CreatedAtUtc), now, "Answered at")) is { } badDate)
            {
                return new DomainError("import.question", $"File: the answer for {day}: {badDate.Message} Nothing was brought in.", "Upload");
            }

            var checkedNote = TextRules.Optional(a.PrivateNote, Mutuality.Domain.Questions.QuestionReveal.MaxNoteLength, "Note", "Your private note");
            if (!checkedNote.IsSuccess)
            {
                return new DomainError("import.question", $"File: the answer for {day}: {checkedNote.Error!.Message} Nothing was brought in.", "Upload");
            }

            if (!a.Passed && !Mutuality.Domain.Questions.QuestionReveal.Validate(userId, question, a.Text, a.Choice, a.Guess, out var errors).IsSuccess)
            {
                return new DomainError("import.question", $"File: the answer for {day}: {errors[0].Message} Nothing was brought in.", "Upload");
            }
        }

        if (questionAnswers.Select(a => a.Day).Distinct().Count() != questionAnswers.Count)
        {
            return new DomainError("import.question", "File: the export has two answers for the same day's question. Nothing was brought in.", "Upload");
        }

        // Favourites (no empty entries and one per question already, see OwnPart): a question of this library, kept at a sensible time.
        var favourites = doc.QuestionFavourites ?? [];
        foreach (var f in favourites)
        {
            if (Mutuality.Domain.Questions.QuestionLibrary.Find(f.QuestionId) is null)
            {
                return new DomainError("import.question", $"File: a favourite refers to a question that isn't in the library ({f.QuestionId}). Nothing was brought in.", "Upload");
            }

            if (HistoryDates.CheckInstant(Utc(f.CreatedAtUtc), clock.GetUtcNow().UtcDateTime, "Kept at") is { } badDate)
            {
                return new DomainError("import.question", $"File: the favourite {f.QuestionId}: {badDate.Message} Nothing was brought in.", "Upload");
            }
        }

        if (favourites.Select(f => f.Id).Distinct().Count() != favourites.Count)
        {
            return new DomainError("import.question", "File: the export lists two favourites with the same id. Nothing was brought in.", "Upload");
        }

        var favouriteIds = favourites.Select(f => f.Id).ToList();
        if (favouriteIds.Count > 0 && await db.QuestionFavourites.AnyAsync(f => favouriteIds.Contains(f.Id), ct))
        {
            return IdsTaken;
        }

        var answerIds = questionAnswers.Select(x => x.Id).ToList();
        if (answerIds.Count > 0 && await db.QuestionAnswers.AnyAsync(a => answerIds.Contains(a.Id), ct))
        {
            return IdsTaken;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        int count;
        try
        {
            count = await WriteAsync(userId, plan.Value, ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else wrote one of these ids a moment ago: nothing of this import stays.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return IdsTaken;
        }

        return Result<int>.Ok(count);
    }

    /// <summary>Does any id in the file already exist on this server, in the table it would be written to?</summary>
    private async Task<bool> AnyIdTakenAsync(ExportDocument doc, CancellationToken ct)
    {
        static List<Guid> Of<T>(IEnumerable<T> items, Func<T, Guid> id) => [.. items.Select(id)];
        var moments = Of(doc.Moments, m => m.Id);
        var requests = Of(doc.Requests, r => r.Id);
        var events = Of(doc.Requests.SelectMany(r => r.History), e => e.Id);
        var checkIns = Of(doc.CheckIns, c => c.Id);
        var preparations = Of(doc.MonthlyPreparations, p => p.Id);
        var agreements = Of(doc.Agreements, a => a.Id);
        var conflicts = Of(doc.Conflicts, c => c.Id);
        var sides = Of(doc.Conflicts.SelectMany(c => c.Sides), s => s.Id);
        var attempts = Of(doc.Conflicts.SelectMany(c => c.Attempts), a => a.Id);
        var reflections = Of(doc.GuideReflections, r => r.Id);
        var pulse = Of(doc.PulseAnswers, a => a.Id);
        var intimacy = Of(doc.IntimacyEntries, e => e.Id);
        return (moments.Count > 0 && await db.SupportMoments.AnyAsync(x => moments.Contains(x.Id), ct))
            || (requests.Count > 0 && await db.SupportRequests.AnyAsync(x => requests.Contains(x.Id), ct))
            || (events.Count > 0 && await db.RequestEvents.AnyAsync(x => events.Contains(x.Id), ct))
            || (checkIns.Count > 0 && await db.CheckIns.AnyAsync(x => checkIns.Contains(x.Id), ct))
            || (preparations.Count > 0 && await db.MonthlyPreparations.AnyAsync(x => preparations.Contains(x.Id), ct))
            || (agreements.Count > 0 && await db.RitualAgreements.AnyAsync(x => agreements.Contains(x.Id), ct))
            || (conflicts.Count > 0 && await db.ConflictRecords.AnyAsync(x => conflicts.Contains(x.Id), ct))
            || (sides.Count > 0 && await db.ConflictSides.AnyAsync(x => sides.Contains(x.Id), ct))
            || (attempts.Count > 0 && await db.RepairAttempts.AnyAsync(x => attempts.Contains(x.Id), ct))
            || (reflections.Count > 0 && await db.GuideReflections.AnyAsync(x => reflections.Contains(x.Id), ct))
            || (pulse.Count > 0 && await db.PulseAnswers.AnyAsync(x => pulse.Contains(x.Id), ct))
            || (intimacy.Count > 0 && await db.IntimacyEntries.AnyAsync(x => intimacy.Contains(x.Id), ct));
    }

    private static DateTime Utc(DateTime at) => at.Kind switch
    {
        DateTimeKind.Utc => at,
        DateTimeKind.Local => at.ToUniversalTime(),
        _ => DateTime.SpecifyKind(at, DateTimeKind.Utc),
    };

    private static DateTime? Utc(DateTime? at) => at is { } value ? Utc(value) : null;

    private static string Clean(string? text) => TextRules.Clean(text);

    private async Task<int> WriteAsync(Guid userId, ImportPlan plan, CancellationToken ct)
    {
        var doc = plan.Own;
        var coupleId = await couples.CreateCoupleAsync(userId, ct);
        var count = 0;
        foreach (var m in doc.Moments)
        {
            db.SupportMoments.Add(new SupportMoment
            {
                Id = m.Id,
                CoupleId = coupleId,
                AuthorId = userId,
                Kind = m.Kind,
                Direction = m.Direction,
                Type = m.Type,
                Note = Clean(m.Note),
                Link = string.IsNullOrWhiteSpace(m.Link) ? null : Clean(m.Link),
                OccurredAtUtc = Utc(m.OccurredAtUtc),
                AuthorTimeZoneId = m.TimeZoneId.Trim(),
                Visibility = m.Visibility,
                CreatedAtUtc = Utc(m.CreatedAtUtc),
                UpdatedAtUtc = Utc(m.UpdatedAtUtc),
            });
            count++;
        }

        foreach (var r in doc.Requests)
        {
            db.SupportRequests.Add(new SupportRequest
            {
                Id = r.Id,
                CoupleId = coupleId,
                RequesterId = userId,
                PartnerId = AccountDeletion.FormerPartner,
                Feeling = Clean(r.Feeling),
                Need = Clean(r.Need),
                AskedType = r.AskedType,
                Urgency = r.Urgency,
                WindowEndsUtc = Utc(r.WindowEndsUtc),
                RequesterTimeZoneId = r.TimeZoneId.Trim(),
                State = r.State,
                FirstAnsweredAtUtc = Utc(r.FirstAnsweredAtUtc),
                ProposedAtUtc = Utc(r.ProposedAtUtc),
                GivenType = r.GivenType,
                DoneAtUtc = Utc(r.DoneAtUtc),
                Outcome = r.Outcome,
                ThankYou = r.ThankYou is null ? null : Clean(r.ThankYou),
                CreatedAtUtc = Utc(r.CreatedAtUtc),
                UpdatedAtUtc = Utc(r.UpdatedAtUtc),
            });
            foreach (var e in r.History)
            {
                db.RequestEvents.Add(new RequestEvent { Id = e.Id, CoupleId = coupleId, RequestId = r.Id, ActorId = userId, Kind = e.Kind, Text = e.Text is null ? null : Clean(e.Text), ProposedAtUtc = Utc(e.ProposedAtUtc), GivenType = e.GivenType, Outcome = e.Outcome, AtUtc = Utc(e.AtUtc) });
            }

            count++;
        }

        foreach (var c in doc.CheckIns)
        {
            db.CheckIns.Add(new CheckInEntry
            {
                Id = c.Id,
                CoupleId = coupleId,
                AuthorId = userId,
                Cadence = c.Cadence,
                PeriodStart = c.PeriodStart,
                PeriodLabel = c.Period,
                ContentJson = CheckInJson.Write(plan.CheckIns[c.Id]),
                CreatedAtUtc = Utc(c.CreatedAtUtc),
                UpdatedAtUtc = Utc(c.UpdatedAtUtc),
                SubmittedAtUtc = Utc(c.SubmittedAtUtc),
                Imported = true,
            });
            count++;
        }

        var monthly = new Dictionary<DateOnly, Guid>();
        foreach (var p in doc.MonthlyPreparations)
        {
            if (!monthly.TryGetValue(p.Month, out var checkInId))
            {
                checkInId = Guid.CreateVersion7();
                monthly[p.Month] = checkInId;
                db.MonthlyCheckIns.Add(new MonthlyCheckIn { Id = checkInId, CoupleId = coupleId, Month = p.Month, CreatedAtUtc = Utc(p.UpdatedAtUtc) });
            }

            db.MonthlyPreparations.Add(new MonthlyPreparation
            {
                Id = p.Id,
                CheckInId = checkInId,
                CoupleId = coupleId,
                AuthorId = userId,
                Appreciations = Clean(p.Appreciations),
                WentWell = Clean(p.WentWell),
                HardThing = Clean(p.HardThing),
                NeedNextMonth = Clean(p.NeedNextMonth),
                UpdatedAtUtc = Utc(p.UpdatedAtUtc),
                SharedAtUtc = Utc(p.SharedAtUtc),
            });
            count++;
        }

        foreach (var a in doc.Agreements)
        {
            db.RitualAgreements.Add(new RitualAgreement
            {
                Id = a.Id,
                CoupleId = coupleId,
                CreatedById = userId,
                OwnerId = a.For switch { ExportDocument.Me => userId, null => null, _ => AccountDeletion.FormerPartner },
                What = Clean(a.What),
                DueOn = a.DueOn,
                CreatedAtUtc = Utc(a.CreatedAtUtc),
                Outcome = a.Outcome,
                CarriedOn = a.CarriedOn,
                ReviewedAtUtc = Utc(a.ReviewedAtUtc),
                ReviewedById = a.ReviewedAtUtc is null ? null : userId,
            });
            count++;
        }

        foreach (var c in doc.Conflicts)
        {
            db.ConflictRecords.Add(new ConflictRecord { Id = c.Id, CoupleId = coupleId, OpenedById = userId, Title = Clean(c.Title), OpenedAtUtc = Utc(c.OpenedAtUtc), Status = c.Status, ResolvedAtUtc = Utc(c.ResolvedAtUtc) });
            foreach (var s in c.Sides)
            {
                db.ConflictSides.Add(new ConflictSide
                {
                    Id = s.Id,
                    ConflictId = c.Id,
                    CoupleId = coupleId,
                    AuthorId = userId,
                    FeelingsAndNeeds = Clean(s.FeelingsAndNeeds),
                    HowYouSawIt = Clean(s.HowYouSawIt),
                    MyImpactOnYou = Clean(s.MyImpactOnYou),
                    YourImpactOnMe = Clean(s.YourImpactOnMe),
                    UpdatedAtUtc = Utc(s.UpdatedAtUtc),
                    SharedAtUtc = Utc(s.SharedAtUtc),
                });
            }

            foreach (var a in c.Attempts)
            {
                db.RepairAttempts.Add(new RepairAttempt { Id = a.Id, ConflictId = c.Id, CoupleId = coupleId, AuthorId = userId, Kind = a.Kind, Text = Clean(a.Text), SentAtUtc = Utc(a.SentAtUtc) });
            }

            count++;
        }

        foreach (var r in doc.GuideReflections)
        {
            db.GuideReflections.Add(new GuideReflection { Id = r.Id, AuthorId = userId, Guide = r.Guide, PromptKey = r.PromptKey, Text = Clean(r.Text), UpdatedAtUtc = Utc(r.UpdatedAtUtc) });
            count++;
        }

        foreach (var a in doc.PulseAnswers)
        {
            db.PulseAnswers.Add(new PulseAnswer { Id = a.Id, CoupleId = coupleId, AuthorId = userId, Month = a.Month, ItemId = a.ItemId, Value = a.Value, CreatedAtUtc = Utc(a.CreatedAtUtc) });
            count++;
        }

        foreach (var e in doc.IntimacyEntries)
        {
            db.IntimacyEntries.Add(new IntimacyEntry { Id = e.Id, CoupleId = coupleId, AuthorId = userId, Month = e.Month, Kind = e.Kind, Fulfilment = e.Fulfilment, Importance = e.Importance, CreatedAtUtc = Utc(e.CreatedAtUtc) });
            count++;
        }

        foreach (var a in doc.QuestionAnswers ?? [])
        {
            var question = Mutuality.Domain.Questions.QuestionLibrary.Find(a.QuestionId)!;
            var checkedAnswer = Mutuality.Domain.Questions.QuestionReveal.Validate(userId, question, a.Text, a.Choice, a.Guess, out _);
            var day = new Questions.Data.DailyQuestionEntry { Id = Guid.CreateVersion7(), CoupleId = coupleId, Day = a.Day, QuestionId = question.Id, CreatedAtUtc = Utc(a.CreatedAtUtc) };
            db.DailyQuestions.Add(day);
            db.QuestionAnswers.Add(new Questions.Data.QuestionAnswer
            {
                Id = a.Id,
                CoupleId = coupleId,
                DailyQuestionId = day.Id,
                AuthorId = userId,
                Passed = a.Passed,
                Text = a.Passed ? "" : checkedAnswer.Value.Text,
                Choice = a.Passed ? null : checkedAnswer.Value.Choice,
                Guess = a.Passed ? null : checkedAnswer.Value.Guess,
                PrivateNote = Clean(a.PrivateNote),
                CreatedAtUtc = Utc(a.CreatedAtUtc),
            });
            count++;
        }

        foreach (var f in doc.QuestionFavourites ?? [])
        {
            db.QuestionFavourites.Add(new Questions.Data.QuestionFavourite { Id = f.Id, CoupleId = coupleId, UserId = userId, QuestionId = f.QuestionId, CreatedAtUtc = Utc(f.CreatedAtUtc) });
            count++;
        }

        await db.SaveChangesAsync(ct);
        return count;
    }
}
