using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Domain.Questions;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Questions.Data;
using Mutuality.Web.Features.Shared.PersonalData;
using static Mutuality.Web.Features.Shared.PersonalData.ImportRules;

namespace Mutuality.Web.Features.Questions;

/// <summary>
/// Questions for two in a person's data (issue 17, docs/privacy.md): their answers, notes, reactions and favourites
/// go; a day they asked for or brought to the monthly check-in stays for the partner without their id. The export
/// holds their answers and the partner's where both answered (<see cref="QuestionReveal"/>), reactions and favourites;
/// an import brings back their answers (through the form's own checks) and favourites.
/// </summary>
public sealed class QuestionsPersonalData(AppDbContext db) : IPersonalData
{
    public IReadOnlyCollection<Type> Entities { get; } = [typeof(DailyQuestionEntry), typeof(QuestionAnswer), typeof(QuestionReaction), typeof(QuestionFavourite)];

    public async Task DeleteAsync(PersonLeaving person, CancellationToken ct)
    {
        var userId = person.UserId;
        await db.QuestionAnswers.Where(a => a.AuthorId == userId).ExecuteDeleteAsync(ct);
        await db.QuestionReactions.Where(r => r.AuthorId == userId).ExecuteDeleteAsync(ct);
        await db.QuestionFavourites.Where(f => f.UserId == userId).ExecuteDeleteAsync(ct);
        await db.DailyQuestions.Where(q => q.AskedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(q => q.AskedByUserId, (Guid?)null), ct);
        await db.DailyQuestions.Where(q => q.BroughtToMonthlyByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(q => q.BroughtToMonthlyByUserId, FormerPartner), ct);
    }

    public async Task<ExportDocument> ExportAsync(PersonExporting person, ExportDocument doc, CancellationToken ct)
    {
        var favourites = await db.QuestionFavourites.AsNoTracking().Where(f => f.UserId == person.UserId).OrderBy(f => f.CreatedAtUtc).ThenBy(f => f.Id)
            .Select(f => new { f.Id, f.QuestionId, f.CreatedAtUtc }).ToListAsync(ct);
        return doc with
        {
            QuestionAnswers = await AnswersAsync(person.UserId, person.ActiveCouple, person.PartnerId, ct),
            QuestionReactions = await ReactionsAsync(person.UserId, person.ActiveCouple, person.PartnerId, ct),
            QuestionFavourites = [.. favourites.Select(f => new ExportQuestionFavourite(f.Id, f.QuestionId, QuestionLibrary.Find(f.QuestionId)?.Text ?? "", f.CreatedAtUtc))],
        };
    }

    /// <summary>
    /// The person's own answers to daily questions (with their private notes), and the partner's only where both
    /// answered — the same <see cref="QuestionReveal"/> rule as the pages.
    /// </summary>
    private async Task<List<ExportQuestionAnswer>> AnswersAsync(Guid userId, Guid? active, Guid? partnerId, CancellationToken ct)
    {
        var mine = await db.QuestionAnswers.AsNoTracking().Where(a => a.AuthorId == userId)
            .Join(db.DailyQuestions, a => a.DailyQuestionId, q => q.Id, (a, q) => new { a, q.Day, q.QuestionId }).ToListAsync(ct);
        var mineIds = mine.Select(m => m.a.DailyQuestionId).ToList();
        var theirs = partnerId is null ? [] : await db.QuestionAnswers.AsNoTracking()
            .Where(a => a.CoupleId == active && a.AuthorId == partnerId && mineIds.Contains(a.DailyQuestionId)).ToListAsync(ct);
        string Text(string id) => QuestionLibrary.Find(id)?.Text ?? "";
        var result = mine.Select(m => new ExportQuestionAnswer(m.a.Id, ExportDocument.Me, m.Day, m.QuestionId, Text(m.QuestionId), m.a.Passed, m.a.Text, m.a.Choice, m.a.Guess, m.a.PrivateNote, m.a.CreatedAtUtc)).ToList();
        foreach (var their in theirs)
        {
            var own = mine.Single(m => m.a.DailyQuestionId == their.DailyQuestionId);
            var view = QuestionReveal.See(userId, QuestionService.ToResponse(own.a), QuestionService.ToResponse(their), dayOver: true);
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
    private async Task<List<ExportQuestionReaction>> ReactionsAsync(Guid userId, Guid? active, Guid? partnerId, CancellationToken ct)
    {
        var answered = db.QuestionAnswers.Where(a => a.AuthorId == userId).Select(a => a.DailyQuestionId);
        var rows = await db.QuestionReactions.AsNoTracking()
            .Where(r => r.AuthorId == userId || (partnerId != null && r.AuthorId == partnerId && r.CoupleId == active && answered.Contains(r.DailyQuestionId)))
            .Join(db.DailyQuestions, r => r.DailyQuestionId, q => q.Id, (r, q) => new { r, q.Day, q.QuestionId }).ToListAsync(ct);
        return [.. rows.OrderBy(x => x.Day).ThenBy(x => x.r.CreatedAtUtc).ThenBy(x => x.r.Id)
            .Select(x => new ExportQuestionReaction(x.r.Id, x.r.AuthorId == userId ? ExportDocument.Me : ExportDocument.Partner, x.Day, x.QuestionId, x.r.Kind, x.r.Text, x.r.CreatedAtUtc))];
    }

    public void WriteCsv(ExportDocument doc, ExportCsv csv)
    {
        csv.Add("question-answers.csv", doc.QuestionAnswers ?? []);
        csv.Add("question-reactions.csv", doc.QuestionReactions ?? []);
        csv.Add("question-favourites.csv", doc.QuestionFavourites ?? []);
    }

    public async Task<Result<int>> ImportAsync(PersonImporting person, ExportDocument export, CancellationToken ct)
    {
        var own = export.OwnPart();
        var (userId, now) = (person.UserId, person.Now);
        if (await db.QuestionAnswers.AnyAsync(a => a.AuthorId == userId, ct))
        {
            return HasData;
        }

        // Answers to daily questions go through the form's own checks; any problem stops the import.
        var answers = own.QuestionAnswers ?? [];
        foreach (var a in answers)
        {
            var day = a.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            if (QuestionLibrary.Find(a.QuestionId) is not { } question)
            {
                return new DomainError("import.question", $"File: the answer for {day} refers to a question that isn't in the library ({a.QuestionId}). Nothing was brought in.", "Upload");
            }

            if ((HistoryDates.CheckDay(a.Day, now, "Day") ?? HistoryDates.CheckInstant(Utc(a.CreatedAtUtc), now, "Answered at")) is { } badDate)
            {
                return new DomainError("import.question", $"File: the answer for {day}: {badDate.Message} Nothing was brought in.", "Upload");
            }

            var checkedNote = TextRules.Optional(a.PrivateNote, QuestionReveal.MaxNoteLength, "Note", "Your private note");
            if (!checkedNote.IsSuccess)
            {
                return new DomainError("import.question", $"File: the answer for {day}: {checkedNote.Error!.Message} Nothing was brought in.", "Upload");
            }

            if (!a.Passed && !QuestionReveal.Validate(userId, question, a.Text, a.Choice, a.Guess, out var errors).IsSuccess)
            {
                return new DomainError("import.question", $"File: the answer for {day}: {errors[0].Message} Nothing was brought in.", "Upload");
            }
        }

        if (answers.Select(a => a.Day).Distinct().Count() != answers.Count)
        {
            return new DomainError("import.question", "File: the export has two answers for the same day's question. Nothing was brought in.", "Upload");
        }

        // Favourites (no empty entries and one per question already, see OwnPart): a question of this library, kept at a sensible time.
        var favourites = own.QuestionFavourites ?? [];
        foreach (var f in favourites)
        {
            if (QuestionLibrary.Find(f.QuestionId) is null)
            {
                return new DomainError("import.question", $"File: a favourite refers to a question that isn't in the library ({f.QuestionId}). Nothing was brought in.", "Upload");
            }

            if (HistoryDates.CheckInstant(Utc(f.CreatedAtUtc), now, "Kept at") is { } badDate)
            {
                return new DomainError("import.question", $"File: the favourite {f.QuestionId}: {badDate.Message} Nothing was brought in.", "Upload");
            }
        }

        if (favourites.Select(f => f.Id).Distinct().Count() != favourites.Count)
        {
            return new DomainError("import.question", "File: the export lists two favourites with the same id. Nothing was brought in.", "Upload");
        }

        var favouriteIds = favourites.Select(f => f.Id).ToList();
        var answerIds = answers.Select(x => x.Id).ToList();
        if ((favouriteIds.Count > 0 && await db.QuestionFavourites.AnyAsync(f => favouriteIds.Contains(f.Id), ct))
            || (answerIds.Count > 0 && await db.QuestionAnswers.AnyAsync(a => answerIds.Contains(a.Id), ct)))
        {
            return IdsTaken;
        }

        foreach (var a in answers)
        {
            var question = QuestionLibrary.Find(a.QuestionId)!;
            var checkedAnswer = QuestionReveal.Validate(userId, question, a.Text, a.Choice, a.Guess, out _);
            var day = new DailyQuestionEntry { Id = Guid.CreateVersion7(), CoupleId = person.CoupleId, Day = a.Day, QuestionId = question.Id, CreatedAtUtc = Utc(a.CreatedAtUtc) };
            db.DailyQuestions.Add(day);
            db.QuestionAnswers.Add(new QuestionAnswer
            {
                Id = a.Id,
                CoupleId = person.CoupleId,
                DailyQuestionId = day.Id,
                AuthorId = userId,
                Passed = a.Passed,
                Text = a.Passed ? "" : checkedAnswer.Value.Text,
                Choice = a.Passed ? null : checkedAnswer.Value.Choice,
                Guess = a.Passed ? null : checkedAnswer.Value.Guess,
                PrivateNote = Clean(a.PrivateNote),
                CreatedAtUtc = Utc(a.CreatedAtUtc),
            });
        }

        foreach (var f in favourites)
        {
            db.QuestionFavourites.Add(new QuestionFavourite { Id = f.Id, CoupleId = person.CoupleId, UserId = userId, QuestionId = f.QuestionId, CreatedAtUtc = Utc(f.CreatedAtUtc) });
        }

        return Result<int>.Ok(answers.Count + favourites.Count);
    }
}
