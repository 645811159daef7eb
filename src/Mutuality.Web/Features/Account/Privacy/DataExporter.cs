using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.CheckIns;
using Mutuality.Web.Data;
using Mutuality.Web.Features.CheckIns;

namespace Mutuality.Web.Features.Account.Privacy;

/// <summary>
/// Builds a person's export: their own items from every couple space they were in, in full; and, from their
/// current couple only, what the partner lets them see — shared moments, requests between them, check-ins
/// once both have sent theirs (shared parts only, by <see cref="SealedReveal"/>), shared preparations and
/// conflict sides, attempts, agreements and replies to them. Never the partner's private items or drafts.
/// </summary>
public sealed class DataExporter(AppDbContext db, TimeProvider clock)
{
    public const int Steps = 10;

    public async Task<ExportDocument> BuildAsync(Guid userId, Func<int, Task>? progress = null, CancellationToken ct = default)
    {
        var step = 0;
        async Task Next()
        {
            step++;
            if (progress is not null)
            {
                await progress(step * 100 / (Steps + 1));
            }
        }

        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, ct);
        var couples = await db.CoupleMembers.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.CoupleId).Distinct().ToListAsync(ct);
        var active = await db.CoupleMembers.AsNoTracking().Where(m => m.UserId == userId && m.LeftAtUtc == null).Select(m => (Guid?)m.CoupleId).SingleOrDefaultAsync(ct);
        var partner = active is null ? null : await db.CoupleMembers.AsNoTracking()
            .Where(m => m.CoupleId == active && m.UserId != userId && m.LeftAtUtc == null)
            .Select(m => new { m.UserId, m.User!.DisplayName }).SingleOrDefaultAsync(ct);
        var partnerId = partner?.UserId;
        string Who(Guid id) => id == userId ? ExportDocument.Me : ExportDocument.Partner;

        var moments = await db.SupportMoments.AsNoTracking()
            .Where(m => m.AuthorId == userId || (m.CoupleId == active && m.AuthorId == partnerId && m.Visibility == Mutuality.Domain.Support.Visibility.Shared))
            .OrderBy(m => m.CreatedAtUtc).ThenBy(m => m.Id).ToListAsync(ct);
        await Next();

        var requests = await db.SupportRequests.AsNoTracking()
            .Where(r => r.RequesterId == userId || (r.CoupleId == active && r.PartnerId == userId))
            .OrderBy(r => r.CreatedAtUtc).ThenBy(r => r.Id).ToListAsync(ct);
        var requestIds = requests.Select(r => r.Id).ToList();
        var events = await db.RequestEvents.AsNoTracking().Where(e => requestIds.Contains(e.RequestId)).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(ct);
        await Next();

        var mine = await db.CheckIns.AsNoTracking().Where(c => c.AuthorId == userId).OrderBy(c => c.PeriodStart).ThenBy(c => c.Cadence).ToListAsync(ct);
        var theirs = partnerId is null ? [] : await db.CheckIns.AsNoTracking()
            .Where(c => c.CoupleId == active && c.AuthorId == partnerId && c.SubmittedAtUtc != null && !c.Imported).OrderBy(c => c.PeriodStart).ToListAsync(ct);
        var checkIns = mine.Select(c => new ExportCheckIn(c.Id, ExportDocument.Me, c.Cadence, c.PeriodLabel, c.PeriodStart, c.CreatedAtUtc, c.UpdatedAtUtc, c.SubmittedAtUtc, Element(CheckInJson.Read(c.ContentJson)))).ToList();
        foreach (var their in theirs)
        {
            // The sealed reveal decides, as on every page: only when I sent mine for the same period, only the shared parts.
            var own = mine.FirstOrDefault(c => c.Cadence == their.Cadence && c.PeriodLabel == their.PeriodLabel && c.SubmittedAtUtc != null && !c.Imported && c.CoupleId == their.CoupleId);
            if (own is not null && SealedReveal.PartnerVisible(CheckInJson.Read(their.ContentJson)) is { } visible)
            {
                checkIns.Add(new ExportCheckIn(their.Id, ExportDocument.Partner, their.Cadence, their.PeriodLabel, their.PeriodStart, their.CreatedAtUtc, their.UpdatedAtUtc, their.SubmittedAtUtc, Element(visible)));
            }
        }

        var myCheckInIds = mine.Select(c => c.Id).ToList();
        var replies = await db.CheckInReplies.AsNoTracking()
            .Where(r => r.AuthorId == userId || (r.CoupleId == active && myCheckInIds.Contains(r.CheckInId)))
            .OrderBy(r => r.CreatedAtUtc).ThenBy(r => r.Id).ToListAsync(ct);
        await Next();

        var preparations = await (
                from p in db.MonthlyPreparations.AsNoTracking()
                join c in db.MonthlyCheckIns.AsNoTracking() on p.CheckInId equals c.Id
                where p.AuthorId == userId || (p.CoupleId == active && p.AuthorId == partnerId && p.SharedAtUtc != null)
                orderby c.Month, p.Id
                select new ExportPreparation(p.Id, p.AuthorId == userId ? ExportDocument.Me : ExportDocument.Partner, c.Month, p.Appreciations, p.WentWell, p.HardThing, p.NeedNextMonth, p.UpdatedAtUtc, p.SharedAtUtc))
            .ToListAsync(ct);
        await Next();

        var agreements = await db.RitualAgreements.AsNoTracking()
            .Where(a => a.CreatedById == userId || a.CoupleId == active)
            .OrderBy(a => a.CreatedAtUtc).ThenBy(a => a.Id).ToListAsync(ct);
        await Next();

        var conflicts = await db.ConflictRecords.AsNoTracking()
            .Where(c => c.OpenedById == userId || c.CoupleId == active)
            .OrderBy(c => c.OpenedAtUtc).ThenBy(c => c.Id).ToListAsync(ct);
        var conflictIds = conflicts.Select(c => c.Id).ToList();
        var sides = await db.ConflictSides.AsNoTracking()
            .Where(s => conflictIds.Contains(s.ConflictId) && (s.AuthorId == userId || (s.CoupleId == active && s.SharedAtUtc != null)))
            .OrderBy(s => s.UpdatedAtUtc).ThenBy(s => s.Id).ToListAsync(ct);
        var attempts = await db.RepairAttempts.AsNoTracking()
            .Where(a => conflictIds.Contains(a.ConflictId) && (a.AuthorId == userId || a.CoupleId == active))
            .OrderBy(a => a.SentAtUtc).ThenBy(a => a.Id).ToListAsync(ct);
        await Next();

        var reflections = await db.GuideReflections.AsNoTracking().Where(r => r.AuthorId == userId).OrderBy(r => r.Guide).ThenBy(r => r.PromptKey)
            .Select(r => new ExportReflection(r.Id, r.Guide, r.PromptKey, r.Text, r.UpdatedAtUtc)).ToListAsync(ct);
        await Next();
        var pulse = await db.PulseAnswers.AsNoTracking().Where(a => a.AuthorId == userId).OrderBy(a => a.Month).ThenBy(a => a.ItemId)
            .Select(a => new ExportPulse(a.Id, a.Month, a.ItemId, a.Value, a.CreatedAtUtc)).ToListAsync(ct);
        await Next();
        var questionAnswers = await QuestionAnswersAsync(userId, active, partnerId, ct);
        var intimacy = await db.IntimacyEntries.AsNoTracking().Where(e => e.AuthorId == userId).OrderBy(e => e.Month).ThenBy(e => e.Kind)
            .Select(e => new ExportIntimacy(e.Id, e.Month, e.Kind, e.Fulfilment, e.Importance, e.CreatedAtUtc)).ToListAsync(ct);
        await Next();

        return new ExportDocument(
            ExportDocument.CurrentSchemaVersion,
            clock.GetUtcNow().UtcDateTime,
            new ExportPerson(user.DisplayName, user.Email ?? string.Empty, user.TimeZoneId),
            partner?.DisplayName,
            [.. moments.Select(m => new ExportMoment(m.Id, Who(m.AuthorId), m.Kind, m.Direction, m.Type, m.Note, m.Link, m.OccurredAtUtc, m.AuthorTimeZoneId, m.Visibility, m.CreatedAtUtc, m.UpdatedAtUtc,
                m.ResponseKind, m.ResponseRating, m.ResponseNote, m.RespondedAtUtc, m.Reaction, m.ReactedAtUtc))],
            [.. requests.Select(r => new ExportRequest(r.Id, Who(r.RequesterId), r.Feeling, r.Need, r.AskedType, r.Urgency, r.WindowEndsUtc, r.RequesterTimeZoneId, r.State, r.FirstAnsweredAtUtc,
                r.ProposedAtUtc, r.Alternative, r.GivenType, r.DoneAtUtc, r.Outcome, r.ThankYou, r.CreatedAtUtc, r.UpdatedAtUtc,
                [.. events.Where(e => e.RequestId == r.Id).Select(e => new ExportRequestEvent(e.Id, Who(e.ActorId), e.Kind, e.Text, e.ProposedAtUtc, e.GivenType, e.Outcome, e.AtUtc))]))],
            checkIns,
            [.. replies.Select(r => new ExportReply(r.Id, Who(r.AuthorId), r.CheckInId, r.Kind, r.Text, r.CreatedAtUtc))],
            preparations,
            [.. agreements.Select(a => new ExportAgreement(a.Id, Who(a.CreatedById), a.OwnerId is { } o ? Who(o) : null, a.What, a.DueOn, a.CreatedAtUtc, a.Outcome, a.CarriedOn, a.ReviewedAtUtc))],
            [.. conflicts.Select(c => new ExportConflict(c.Id, Who(c.OpenedById), c.CoupleId == active || c.OpenedById == userId ? c.Title : "A conflict from an earlier couple space", c.Status, c.OpenedAtUtc, c.ResolvedAtUtc,
                [.. sides.Where(s => s.ConflictId == c.Id).Select(s => new ExportSide(s.Id, Who(s.AuthorId), s.FeelingsAndNeeds, s.HowYouSawIt, s.MyImpactOnYou, s.YourImpactOnMe, s.UpdatedAtUtc, s.SharedAtUtc))],
                [.. attempts.Where(a => a.ConflictId == c.Id).Select(a => new ExportAttempt(a.Id, Who(a.AuthorId), a.Kind, a.Text, a.SentAtUtc))]))],
            reflections,
            pulse,
            intimacy,
            questionAnswers)
        {
            Notifications = await NotificationsAsync(userId, ct),
            QuestionReactions = await QuestionReactionsAsync(userId, active, partnerId, ct),
            QuestionFavourites = await db.QuestionFavourites.AsNoTracking().Where(f => f.UserId == userId).OrderBy(f => f.CreatedAtUtc).ThenBy(f => f.Id)
                .Select(f => new { f.Id, f.QuestionId, f.CreatedAtUtc }).ToListAsync(ct) is var favourites
                ? [.. favourites.Select(f => new ExportQuestionFavourite(f.Id, f.QuestionId, Mutuality.Domain.Questions.QuestionLibrary.Find(f.QuestionId)?.Text ?? "", f.CreatedAtUtc))]
                : [],
        };
    }

    private async Task<ExportNotifications> NotificationsAsync(Guid userId, CancellationToken ct)
    {
        var preference = await db.NotificationPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, ct)
            ?? new Notifications.Data.NotificationPreference { UserId = userId };
        var devices = await db.PushDevices.AsNoTracking().Where(d => d.UserId == userId).OrderBy(d => d.CreatedAtUtc)
            .Select(d => new { d.Name, d.Channel, d.CreatedAtUtc, d.LastDeliveredAtUtc }).ToListAsync(ct);
        return new ExportNotifications(
            preference.AllOff,
            preference.Discreet,
            [.. Mutuality.Domain.Notifications.NoticeWording.Choosable.Where(k => new Notifications.Data.NotificationPreference
            {
                PartnerRequest = preference.PartnerRequest, AnswerToMyRequest = preference.AnswerToMyRequest, Pebble = preference.Pebble,
                ResponseToMyMoment = preference.ResponseToMyMoment, ConflictSideShared = preference.ConflictSideShared,
                RevealReady = preference.RevealReady, MyCheckInReminder = preference.MyCheckInReminder, MonthlyDay = preference.MonthlyDay,
            }.Wants(k)).Select(k => k.ToString())],
            preference.QuietFrom,
            preference.QuietUntil,
            preference.UrgentThroughQuiet,
            [.. devices.Select(d => new ExportDevice(d.Name, d.Channel.ToString(), d.CreatedAtUtc, d.LastDeliveredAtUtc))],
            await db.YourTurnConsents.AsNoTracking().AnyAsync(c => c.UserId == userId, ct));
    }

    /// <summary>
    /// The person's own answers to daily questions (with their private notes), and the partner's only where both
    /// answered — the same <see cref="Mutuality.Domain.Questions.QuestionReveal"/> rule as the pages.
    /// </summary>
    private async Task<List<ExportQuestionAnswer>> QuestionAnswersAsync(Guid userId, Guid? active, Guid? partnerId, CancellationToken ct)
    {
        var mine = await db.QuestionAnswers.AsNoTracking().Where(a => a.AuthorId == userId)
            .Join(db.DailyQuestions, a => a.DailyQuestionId, q => q.Id, (a, q) => new { a, q.Day, q.QuestionId }).ToListAsync(ct);
        var mineIds = mine.Select(m => m.a.DailyQuestionId).ToList();
        var theirs = partnerId is null ? [] : await db.QuestionAnswers.AsNoTracking()
            .Where(a => a.CoupleId == active && a.AuthorId == partnerId && mineIds.Contains(a.DailyQuestionId)).ToListAsync(ct);
        string Text(string id) => Mutuality.Domain.Questions.QuestionLibrary.Find(id)?.Text ?? "";
        var result = mine.Select(m => new ExportQuestionAnswer(m.a.Id, ExportDocument.Me, m.Day, m.QuestionId, Text(m.QuestionId), m.a.Passed, m.a.Text, m.a.Choice, m.a.Guess, m.a.PrivateNote, m.a.CreatedAtUtc)).ToList();
        foreach (var their in theirs)
        {
            var own = mine.Single(m => m.a.DailyQuestionId == their.DailyQuestionId);
            var view = Mutuality.Domain.Questions.QuestionReveal.See(userId, Questions.QuestionService.ToResponse(own.a), Questions.QuestionService.ToResponse(their), dayOver: true);
            if (view.IsRevealed)
            {
                result.Add(new ExportQuestionAnswer(their.Id, ExportDocument.Partner, own.Day, own.QuestionId, Text(own.QuestionId), false, their.Text, their.Choice, their.Guess, null, their.CreatedAtUtc));
            }
        }

        return [.. result.OrderBy(r => r.Day).ThenBy(r => r.Author, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The person's reactions, and the partner's on days the person answered in the current space (a reaction exists
    /// only after the reveal, so the partner's were shown to the person already).
    /// </summary>
    private async Task<List<ExportQuestionReaction>> QuestionReactionsAsync(Guid userId, Guid? active, Guid? partnerId, CancellationToken ct)
    {
        var answered = db.QuestionAnswers.Where(a => a.AuthorId == userId).Select(a => a.DailyQuestionId);
        var rows = await db.QuestionReactions.AsNoTracking()
            .Where(r => r.AuthorId == userId || (partnerId != null && r.AuthorId == partnerId && r.CoupleId == active && answered.Contains(r.DailyQuestionId)))
            .Join(db.DailyQuestions, r => r.DailyQuestionId, q => q.Id, (r, q) => new { r, q.Day, q.QuestionId }).ToListAsync(ct);
        return [.. rows.OrderBy(x => x.Day).ThenBy(x => x.r.CreatedAtUtc).ThenBy(x => x.r.Id)
            .Select(x => new ExportQuestionReaction(x.r.Id, x.r.AuthorId == userId ? ExportDocument.Me : ExportDocument.Partner, x.Day, x.QuestionId, x.r.Kind, x.r.Text, x.r.CreatedAtUtc))];
    }

    private static JsonElement Element(CheckInContent content) => JsonDocument.Parse(CheckInJson.Write(content)).RootElement.Clone();

    /// <summary>Writes the ZIP: export.json (the whole document) and one CSV per kind, plus a short README.</summary>
    public static void WriteZip(ExportDocument doc, Stream output)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        using (var json = zip.CreateEntry("export.json", CompressionLevel.Optimal).Open())
        {
            JsonSerializer.Serialize(json, doc, ExportDocument.Json);
        }

        Csv(zip, "moments.csv", doc.Moments);
        Csv(zip, "requests.csv", doc.Requests.Select(r => new { r.Id, r.Requester, r.Feeling, r.Need, r.AskedType, r.Urgency, r.WindowEndsUtc, r.TimeZoneId, r.State, r.FirstAnsweredAtUtc, r.ProposedAtUtc, r.Alternative, r.GivenType, r.DoneAtUtc, r.Outcome, r.ThankYou, r.CreatedAtUtc, r.UpdatedAtUtc }));
        Csv(zip, "request-history.csv", doc.Requests.SelectMany(r => r.History.Select(e => new { RequestId = r.Id, e.Id, e.Actor, e.Kind, e.Text, e.ProposedAtUtc, e.GivenType, e.Outcome, e.AtUtc })));
        Csv(zip, "check-ins.csv", doc.CheckIns.Select(c => new { c.Id, c.Author, c.Cadence, c.Period, c.PeriodStart, c.CreatedAtUtc, c.UpdatedAtUtc, c.SubmittedAtUtc, Content = c.Content.GetRawText() }));
        Csv(zip, "check-in-replies.csv", doc.CheckInReplies);
        Csv(zip, "monthly-preparations.csv", doc.MonthlyPreparations);
        Csv(zip, "agreements.csv", doc.Agreements);
        Csv(zip, "conflicts.csv", doc.Conflicts.Select(c => new { c.Id, c.OpenedBy, c.Title, c.Status, c.OpenedAtUtc, c.ResolvedAtUtc }));
        Csv(zip, "conflict-sides.csv", doc.Conflicts.SelectMany(c => c.Sides.Select(s => new { ConflictId = c.Id, s.Id, s.Author, s.FeelingsAndNeeds, s.HowYouSawIt, s.MyImpactOnYou, s.YourImpactOnMe, s.UpdatedAtUtc, s.SharedAtUtc })));
        Csv(zip, "repair-attempts.csv", doc.Conflicts.SelectMany(c => c.Attempts.Select(a => new { ConflictId = c.Id, a.Id, a.Author, a.Kind, a.Text, a.SentAtUtc })));
        Csv(zip, "guide-reflections.csv", doc.GuideReflections);
        Csv(zip, "pulse-answers.csv", doc.PulseAnswers);
        Csv(zip, "intimacy-entries.csv", doc.IntimacyEntries);
        Csv(zip, "notification-devices.csv", doc.Notifications?.Devices ?? []);
        Csv(zip, "question-answers.csv", doc.QuestionAnswers ?? []);
        Csv(zip, "question-reactions.csv", doc.QuestionReactions ?? []);
        Csv(zip, "question-favourites.csv", doc.QuestionFavourites ?? []);
        using var readme = new StreamWriter(zip.CreateEntry("README.txt").Open(), new UTF8Encoding(false));
        readme.Write("Your Mutuality export (schema version 1).\nexport.json holds everything; each .csv file holds one kind of item.\n"
            + "\"me\" is you, \"partner\" is your partner. Times are UTC. The format is described in docs/export-format.md of the Mutuality source.\n");
    }

    /// <summary>
    /// One CSV file: a header of the property names, then one line per item (times in ISO 8601 UTC, enums by
    /// name). A text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
    /// </summary>
    private static void Csv<T>(ZipArchive zip, string name, IEnumerable<T> rows)
    {
        var properties = typeof(T).GetProperties().Where(p => p.PropertyType != typeof(JsonElement) && !p.PropertyType.IsGenericType || Nullable.GetUnderlyingType(p.PropertyType) is not null).ToArray();
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions(), false);
        csv.WriteRecord([.. properties.Select(p => p.Name)]);
        foreach (var row in rows)
        {
            csv.WriteRecord([.. properties.Select(p => Cell(p.GetValue(row)))]);
        }
    }

    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        DateTime d => d.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        string s when s.Length > 0 && "=+-@\t\r".Contains(s[0], StringComparison.Ordinal) => "'" + s,
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
