using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
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
public sealed class DataImporter(AppDbContext db, CoupleCommands couples)
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

    public async Task<Result<int>> ImportAsync(Guid userId, ExportDocument export, CancellationToken ct = default)
    {
        var doc = export.OwnPart();
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

        var momentIds = doc.Moments.Select(m => m.Id).ToList();
        var requestIds = doc.Requests.Select(r => r.Id).ToList();
        var conflictIds = doc.Conflicts.Select(c => c.Id).ToList();
        if (await db.SupportMoments.AnyAsync(m => momentIds.Contains(m.Id), ct) || await db.SupportRequests.AnyAsync(r => requestIds.Contains(r.Id), ct)
            || await db.ConflictRecords.AnyAsync(c => conflictIds.Contains(c.Id), ct))
        {
            return IdsTaken;
        }

        // Answers to daily questions go through the form's own checks (issue 17); any problem stops the import.
        var questionAnswers = doc.QuestionAnswers ?? [];
        foreach (var a in questionAnswers)
        {
            if (Mutuality.Domain.Questions.QuestionLibrary.Find(a.QuestionId) is not { } question)
            {
                return new DomainError("import.question", $"An answer for {a.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)} refers to a question that isn't in the library ({a.QuestionId}).");
            }

            var checkedNote = Mutuality.Domain.Common.TextRules.Optional(a.PrivateNote, Mutuality.Domain.Questions.QuestionReveal.MaxNoteLength, "Note", "Your private note");
            if (!checkedNote.IsSuccess)
            {
                return new DomainError("import.question", $"The answer for {a.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}: {checkedNote.Error!.Message}");
            }

            if (!a.Passed && !Mutuality.Domain.Questions.QuestionReveal.Validate(userId, question, a.Text, a.Choice, a.Guess, out var errors).IsSuccess)
            {
                return new DomainError("import.question", $"The answer for {a.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}: {errors[0].Message}");
            }
        }

        if (questionAnswers.Select(a => a.Day).Distinct().Count() != questionAnswers.Count)
        {
            return new DomainError("import.question", "The export has two answers for the same day's question.");
        }

        if (questionAnswers.Count > 0 && await db.QuestionAnswers.AnyAsync(a => questionAnswers.Select(x => x.Id).Contains(a.Id), ct))
        {
            return IdsTaken;
        }

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
                Note = m.Note,
                Link = m.Link,
                OccurredAtUtc = m.OccurredAtUtc,
                AuthorTimeZoneId = m.TimeZoneId,
                Visibility = m.Visibility,
                CreatedAtUtc = m.CreatedAtUtc,
                UpdatedAtUtc = m.UpdatedAtUtc,
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
                Feeling = r.Feeling,
                Need = r.Need,
                AskedType = r.AskedType,
                Urgency = r.Urgency,
                WindowEndsUtc = r.WindowEndsUtc,
                RequesterTimeZoneId = r.TimeZoneId,
                State = r.State,
                FirstAnsweredAtUtc = r.FirstAnsweredAtUtc,
                ProposedAtUtc = r.ProposedAtUtc,
                GivenType = r.GivenType,
                DoneAtUtc = r.DoneAtUtc,
                Outcome = r.Outcome,
                ThankYou = r.ThankYou,
                CreatedAtUtc = r.CreatedAtUtc,
                UpdatedAtUtc = r.UpdatedAtUtc,
            });
            foreach (var e in r.History)
            {
                db.RequestEvents.Add(new RequestEvent { Id = e.Id, CoupleId = coupleId, RequestId = r.Id, ActorId = userId, Kind = e.Kind, Text = e.Text, ProposedAtUtc = e.ProposedAtUtc, GivenType = e.GivenType, Outcome = e.Outcome, AtUtc = e.AtUtc });
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
                ContentJson = CheckInJson.Write(CheckInJson.Read(c.Content.GetRawText())),
                CreatedAtUtc = c.CreatedAtUtc,
                UpdatedAtUtc = c.UpdatedAtUtc,
                SubmittedAtUtc = c.SubmittedAtUtc,
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
                db.MonthlyCheckIns.Add(new MonthlyCheckIn { Id = checkInId, CoupleId = coupleId, Month = p.Month, CreatedAtUtc = p.UpdatedAtUtc });
            }

            db.MonthlyPreparations.Add(new MonthlyPreparation
            {
                Id = p.Id,
                CheckInId = checkInId,
                CoupleId = coupleId,
                AuthorId = userId,
                Appreciations = p.Appreciations,
                WentWell = p.WentWell,
                HardThing = p.HardThing,
                NeedNextMonth = p.NeedNextMonth,
                UpdatedAtUtc = p.UpdatedAtUtc,
                SharedAtUtc = p.SharedAtUtc,
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
                What = a.What,
                DueOn = a.DueOn,
                CreatedAtUtc = a.CreatedAtUtc,
                Outcome = a.Outcome,
                CarriedOn = a.CarriedOn,
                ReviewedAtUtc = a.ReviewedAtUtc,
                ReviewedById = a.ReviewedAtUtc is null ? null : userId,
            });
            count++;
        }

        foreach (var c in doc.Conflicts)
        {
            db.ConflictRecords.Add(new ConflictRecord { Id = c.Id, CoupleId = coupleId, OpenedById = userId, Title = c.Title, OpenedAtUtc = c.OpenedAtUtc, Status = c.Status, ResolvedAtUtc = c.ResolvedAtUtc });
            foreach (var s in c.Sides)
            {
                db.ConflictSides.Add(new ConflictSide
                {
                    Id = s.Id,
                    ConflictId = c.Id,
                    CoupleId = coupleId,
                    AuthorId = userId,
                    FeelingsAndNeeds = s.FeelingsAndNeeds,
                    HowYouSawIt = s.HowYouSawIt,
                    MyImpactOnYou = s.MyImpactOnYou,
                    YourImpactOnMe = s.YourImpactOnMe,
                    UpdatedAtUtc = s.UpdatedAtUtc,
                    SharedAtUtc = s.SharedAtUtc,
                });
            }

            foreach (var a in c.Attempts)
            {
                db.RepairAttempts.Add(new RepairAttempt { Id = a.Id, ConflictId = c.Id, CoupleId = coupleId, AuthorId = userId, Kind = a.Kind, Text = a.Text, SentAtUtc = a.SentAtUtc });
            }

            count++;
        }

        foreach (var r in doc.GuideReflections)
        {
            db.GuideReflections.Add(new GuideReflection { Id = r.Id, AuthorId = userId, Guide = r.Guide, PromptKey = r.PromptKey, Text = r.Text, UpdatedAtUtc = r.UpdatedAtUtc });
            count++;
        }

        foreach (var a in doc.PulseAnswers)
        {
            db.PulseAnswers.Add(new PulseAnswer { Id = a.Id, CoupleId = coupleId, AuthorId = userId, Month = a.Month, ItemId = a.ItemId, Value = a.Value, CreatedAtUtc = a.CreatedAtUtc });
            count++;
        }

        foreach (var e in doc.IntimacyEntries)
        {
            db.IntimacyEntries.Add(new IntimacyEntry { Id = e.Id, CoupleId = coupleId, AuthorId = userId, Month = e.Month, Kind = e.Kind, Fulfilment = e.Fulfilment, Importance = e.Importance, CreatedAtUtc = e.CreatedAtUtc });
            count++;
        }

        foreach (var a in questionAnswers)
        {
            var question = Mutuality.Domain.Questions.QuestionLibrary.Find(a.QuestionId)!;
            var checkedAnswer = Mutuality.Domain.Questions.QuestionReveal.Validate(userId, question, a.Text, a.Choice, a.Guess, out _);
            var day = new Questions.Data.DailyQuestionEntry { Id = Guid.CreateVersion7(), CoupleId = coupleId, Day = a.Day, QuestionId = question.Id, CreatedAtUtc = a.CreatedAtUtc };
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
                PrivateNote = Mutuality.Domain.Common.TextRules.Clean(a.PrivateNote),
                CreatedAtUtc = a.CreatedAtUtc,
            });
            count++;
        }

        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(count);
    }
}
