using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Domain.Questions;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Questions.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Questions;

/// <summary>A day's question as a viewer may see it: their own response, and only what the seal allows of the partner's.</summary>
public sealed record DayView(
    DailyQuestionEntry Entry,
    Question Question,
    bool IsToday,
    QuestionAnswer? Mine,
    QuestionView Partner,
    IReadOnlyList<QuestionReaction> Reactions,
    bool Favourite)
{
    public string? AskedBy(Caller caller) => Entry.AskedByUserId is not { } id ? null : id == caller.UserId ? "you" : caller.PartnerName;
}

/// <summary>A day whose question both partners answered, as the caller sees it (both answers; never the partner's note).</summary>
public sealed record SharedDay(DateOnly Day, Guid DailyQuestionId, Question Question, QuestionAnswer Mine, QuestionResponse Theirs, bool BroughtToMonthly, DateTime RevealedAtUtc);

/// <summary>
/// The daily question for two. Every read of a partner's response goes through <see cref="ViewAsync"/> or
/// <see cref="SharedAsync"/>, which ask the domain's <see cref="QuestionReveal"/> (the check-in's seal) and return only
/// what it allows. The couple's day follows <see cref="DailyQuestions.CoupleZone"/>.
/// </summary>
public sealed class QuestionService(AppDbContext db, TimeProvider clock, ILogger<QuestionService>? logger = null, Shared.FeedNotifier? feed = null)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static readonly DomainError AlreadyResponded = new("question.already", "You've already answered or passed on today's question. Tomorrow brings a new one.");

    public static readonly DomainError NotToday = new("question.not_today", "That day's question has closed. Today's question is waiting for you instead.");

    public static readonly DomainError NotRevealed = new("question.not_revealed", "This opens once you've both answered.");

    /// <summary>The couple's zone: the zone of the active partner who joined first.</summary>
    public async Task<string> CoupleZoneAsync(Guid coupleId, CancellationToken ct = default)
    {
        var members = await db.CoupleMembers.AsNoTracking()
            .Where(m => m.CoupleId == coupleId && m.LeftAtUtc == null)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.JoinedAtUtc, m.UserId, u.TimeZoneId })
            .ToListAsync(ct);
        return DailyQuestions.CoupleZone(members.Select(m => (m.JoinedAtUtc, m.UserId, m.TimeZoneId)));
    }

    public async Task<DateOnly> TodayAsync(Guid coupleId, CancellationToken ct = default)
        => DailyQuestions.DayOf(Now, await CoupleZoneAsync(coupleId, ct));

    /// <summary>The question of a couple's day, picking (and storing) it the first time anyone looks.</summary>
    public async Task<DailyQuestionEntry> EnsureAsync(Guid coupleId, DateOnly day, CancellationToken ct = default)
    {
        var existing = await db.DailyQuestions.AsNoTracking().SingleOrDefaultAsync(q => q.CoupleId == coupleId && q.Day == day, ct);
        if (existing is not null)
        {
            return existing;
        }

        var history = await db.DailyQuestions.AsNoTracking()
            .Where(q => q.CoupleId == coupleId && q.Day < day)
            .Select(q => new { q.Day, q.QuestionId })
            .ToListAsync(ct);
        var picked = DailyQuestions.Pick(coupleId, history.Select(h => new QuestionDay(h.Day, h.QuestionId)), day);
        var entry = new DailyQuestionEntry { Id = Guid.CreateVersion7(), CoupleId = coupleId, Day = day, QuestionId = picked.Id, CreatedAtUtc = Now };
        db.DailyQuestions.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
            db.Entry(entry).State = EntityState.Detached;
            return entry;
        }
        catch (Exception e) when (e is DbUpdateException || Infrastructure.Hosting.StorageUnavailable.IsStorageAway(e))
        {
            // Both partners opened the page at once: the unique (couple, day) index kept one, the same pick.
            db.ChangeTracker.Clear();
            if (await db.DailyQuestions.AsNoTracking().SingleOrDefaultAsync(q => q.CoupleId == coupleId && q.Day == day, ct) is { } kept)
            {
                return kept;
            }

            // The database takes no writes (a full disk, read-only): show today's pick all the same; it is stored on a
            // later visit (issue 20). Anything else is a fault.
            if (!Infrastructure.Hosting.StorageUnavailable.IsStorageAway(e))
            {
                throw;
            }

            logger?.LogWarning("Could not store today's question ({Reason}); it is shown all the same", e.GetBaseException().Message);
            return entry;
        }
    }

    /// <summary>Today's question for the caller's couple, and what the caller may see of it.</summary>
    public async Task<DayView> TodayViewAsync(Caller caller, CancellationToken ct = default)
    {
        var today = await TodayAsync(caller.CoupleId!.Value, ct);
        var entry = await EnsureAsync(caller.CoupleId!.Value, today, ct);
        return await ViewAsync(caller, entry, today, ct);
    }

    /// <summary>A past day's question, or null when the couple had none that day.</summary>
    public async Task<DayView?> DayViewAsync(Caller caller, DateOnly day, CancellationToken ct = default)
    {
        var today = await TodayAsync(caller.CoupleId!.Value, ct);
        if (day > today)
        {
            return null;
        }

        var entry = await db.DailyQuestions.AsNoTracking().SingleOrDefaultAsync(q => q.CoupleId == caller.CoupleId && q.Day == day, ct);
        return entry is null ? null : await ViewAsync(caller, entry, today, ct);
    }

    /// <summary>THE read behind every page that shows anything of a day's question: both responses loaded within the couple, the seal applied.</summary>
    public async Task<DayView> ViewAsync(Caller caller, DailyQuestionEntry entry, DateOnly today, CancellationToken ct = default)
    {
        var question = QuestionLibrary.Find(entry.QuestionId) ?? QuestionLibrary.All[0];
        var answers = await db.QuestionAnswers.AsNoTracking()
            .Where(a => a.CoupleId == caller.CoupleId && a.DailyQuestionId == entry.Id && (a.AuthorId == caller.UserId || a.AuthorId == caller.PartnerId))
            .ToListAsync(ct);
        var mine = answers.SingleOrDefault(a => a.AuthorId == caller.UserId);
        var theirs = caller.PartnerId is null ? null : answers.SingleOrDefault(a => a.AuthorId == caller.PartnerId);
        var view = QuestionReveal.See(caller.UserId, ToResponse(mine), ToResponse(theirs), dayOver: entry.Day < today);
        IReadOnlyList<QuestionReaction> reactions = view.IsRevealed
            ? await db.QuestionReactions.AsNoTracking()
                .Where(r => r.CoupleId == caller.CoupleId && r.DailyQuestionId == entry.Id && (r.AuthorId == caller.UserId || r.AuthorId == caller.PartnerId))
                .OrderBy(r => r.CreatedAtUtc).ToListAsync(ct)
            : [];
        var favourite = await db.QuestionFavourites.AsNoTracking().AnyAsync(f => f.UserId == caller.UserId && f.CoupleId == caller.CoupleId && f.QuestionId == question.Id, ct);
        return new DayView(entry, question, entry.Day == today, mine, view, reactions, favourite);
    }

    /// <summary>Tomorrow's question when a partner has already asked for it (visible to both: asking is not sealed).</summary>
    public async Task<DailyQuestionEntry?> TomorrowAsync(Caller caller, CancellationToken ct = default)
    {
        var tomorrow = (await TodayAsync(caller.CoupleId!.Value, ct)).AddDays(1);
        return await db.DailyQuestions.AsNoTracking().SingleOrDefaultAsync(q => q.CoupleId == caller.CoupleId && q.Day == tomorrow, ct);
    }

    /// <summary>Answers today's question, once. All problems are returned; failed checks store nothing.</summary>
    public async Task<(Result<bool> Result, IReadOnlyList<DomainError> Errors)> AnswerAsync(Caller caller, DateOnly day, string? text, int? choice, int? guess, string? note, CancellationToken ct = default)
    {
        var view = await TodayViewAsync(caller, ct);
        if (view.Entry.Day != day)
        {
            return (NotToday, [NotToday]);
        }

        var checkedAnswer = QuestionReveal.Validate(caller.UserId, view.Question, text, choice, guess, out var errors);
        var checkedNote = TextRules.Optional(note, QuestionReveal.MaxNoteLength, "Note", "Your private note");
        if (!checkedNote.IsSuccess)
        {
            errors = [.. errors, checkedNote.Error!];
        }

        if (errors.Count > 0)
        {
            return (errors[0], errors);
        }

        if (view.Mine is not null)
        {
            return (AlreadyResponded, [AlreadyResponded]);
        }

        var answer = checkedAnswer.Value;
        return await InsertAsync(caller, view.Entry.Id, new QuestionAnswer
        {
            Passed = false,
            Text = answer.Text,
            Choice = answer.Choice,
            Guess = answer.Guess,
            PrivateNote = checkedNote.Value,
        }, ct);
    }

    /// <summary>Passes on today's question. The partner learns it only when the day's question closes for both.</summary>
    public async Task<Result<bool>> PassAsync(Caller caller, DateOnly day, CancellationToken ct = default)
    {
        var view = await TodayViewAsync(caller, ct);
        if (view.Entry.Day != day)
        {
            return NotToday;
        }

        if (view.Mine is not null)
        {
            return AlreadyResponded;
        }

        return (await InsertAsync(caller, view.Entry.Id, new QuestionAnswer { Passed = true }, ct)).Result;
    }

    private async Task<(Result<bool> Result, IReadOnlyList<DomainError> Errors)> InsertAsync(Caller caller, Guid dailyQuestionId, QuestionAnswer answer, CancellationToken ct)
    {
        answer.Id = Guid.CreateVersion7();
        answer.CoupleId = caller.CoupleId!.Value;
        answer.DailyQuestionId = dailyQuestionId;
        answer.AuthorId = caller.UserId;
        answer.CreatedAtUtc = Now;
        db.QuestionAnswers.Add(answer);
        await using var write = feed is null ? null : await feed.BeginAsync(db, ct: ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two tabs at once: the unique (question, author) index kept the first.
            db.ChangeTracker.Clear();
            return (AlreadyResponded, [AlreadyResponded]);
        }

        // The partner's feed changes only when this response reveals the day to them (the seal decides, as on the pages):
        // before that, not even a signal says that this person answered.
        if (write is not null)
        {
            if (caller.PartnerId is { } partnerId)
            {
                var theirs = await db.QuestionAnswers.AsNoTracking().SingleOrDefaultAsync(a => a.DailyQuestionId == dailyQuestionId && a.AuthorId == partnerId, ct);
                var partnerSeesAfter = QuestionReveal.See(partnerId, ToResponse(theirs), ToResponse(answer), dayOver: false).IsRevealed;
                write.Changed(partnerId, recipientSawBefore: false, recipientSeesAfter: partnerSeesAfter);
            }

            await write.CommitAsync(ct);
        }

        return (Result<bool>.Ok(true), []);
    }

    /// <summary>Asks the partner a library question for tomorrow: tomorrow's question is then that one, for both.</summary>
    public async Task<Result<Question>> AskAsync(Caller caller, string? questionId, CancellationToken ct = default)
    {
        var today = await TodayViewAsync(caller, ct);
        var tomorrow = today.Entry.Day.AddDays(1);
        var taken = await db.DailyQuestions.AsNoTracking().AnyAsync(q => q.CoupleId == caller.CoupleId && q.Day == tomorrow, ct);
        var checkedAsk = DailyQuestions.CheckAsk(questionId, today.Question, taken);
        if (!checkedAsk.IsSuccess)
        {
            return checkedAsk;
        }

        db.DailyQuestions.Add(new DailyQuestionEntry
        {
            Id = Guid.CreateVersion7(),
            CoupleId = caller.CoupleId!.Value,
            Day = tomorrow,
            QuestionId = checkedAsk.Value.Id,
            AskedByUserId = caller.UserId,
            CreatedAtUtc = Now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return DailyQuestions.TomorrowAlreadyChosen;
        }

        return checkedAsk;
    }

    /// <summary>A reply (kind 1, text), a heart (2) or "tell me more" (3) on the partner's revealed answer; one of each per person.</summary>
    public async Task<Result<bool>> ReactAsync(Caller caller, DateOnly day, int kind, string? text, CancellationToken ct = default)
    {
        if (kind is < 1 or > 3)
        {
            return new DomainError("reaction.kind", "Please choose a reply, a heart or \"tell me more\".");
        }

        // The seal first: before the reveal every reaction is "not found", whatever was typed.
        var view = await DayViewAsync(caller, day, ct);
        if (view is null || !view.Partner.IsRevealed)
        {
            return NotRevealed;
        }

        var cleaned = kind == 1
            ? TextRules.Required(text, QuestionReveal.MaxReplyLength, "Reply", "Your reply")
            : Result<string>.Ok(string.Empty);
        if (!cleaned.IsSuccess)
        {
            return cleaned.Error!;
        }

        db.QuestionReactions.Add(new QuestionReaction
        {
            Id = Guid.CreateVersion7(),
            CoupleId = caller.CoupleId!.Value,
            DailyQuestionId = view.Entry.Id,
            AuthorId = caller.UserId,
            Kind = kind,
            Text = cleaned.Value,
            CreatedAtUtc = Now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new DomainError("reaction.already", kind switch
            {
                1 => "You've already replied to this one.",
                2 => "You've already sent a heart for this one.",
                _ => "You've already asked to hear more about this one.",
            });
        }

        return Result<bool>.Ok(true);
    }

    /// <summary>Marks a library question a favourite, or un-marks it.</summary>
    public async Task<Result<bool>> ToggleFavouriteAsync(Caller caller, string? questionId, CancellationToken ct = default)
    {
        if (QuestionLibrary.Find(questionId) is not { } question)
        {
            return DailyQuestions.UnknownQuestion;
        }

        var removed = await db.QuestionFavourites
            .Where(f => f.UserId == caller.UserId && f.CoupleId == caller.CoupleId && f.QuestionId == question.Id)
            .ExecuteDeleteAsync(ct);
        if (removed > 0)
        {
            return Result<bool>.Ok(false);
        }

        db.QuestionFavourites.Add(new QuestionFavourite { Id = Guid.CreateVersion7(), CoupleId = caller.CoupleId!.Value, UserId = caller.UserId, QuestionId = question.Id, CreatedAtUtc = Now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }

        return Result<bool>.Ok(true);
    }

    public async Task<HashSet<string>> FavouritesAsync(Caller caller, CancellationToken ct = default)
        => (await db.QuestionFavourites.AsNoTracking().Where(f => f.UserId == caller.UserId && f.CoupleId == caller.CoupleId).Select(f => f.QuestionId).ToListAsync(ct)).ToHashSet();

    /// <summary>Brings a revealed day's question to the monthly check-in (it then appears in both partners' preparation).</summary>
    public async Task<Result<bool>> BringToMonthlyAsync(Caller caller, DateOnly day, CancellationToken ct = default)
    {
        var view = await DayViewAsync(caller, day, ct);
        if (view is null || !view.Partner.IsRevealed)
        {
            return NotRevealed;
        }

        var now = Now;
        await db.DailyQuestions.Where(q => q.Id == view.Entry.Id && q.CoupleId == caller.CoupleId && q.BroughtToMonthlyByUserId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.BroughtToMonthlyByUserId, caller.UserId).SetProperty(q => q.BroughtToMonthlyAtUtc, now), ct);
        return Result<bool>.Ok(true);
    }

    /// <summary>Every day whose question both partners answered, newest first, as the caller may see it.</summary>
    public async Task<IReadOnlyList<SharedDay>> SharedAsync(Caller caller, DateOnly? from = null, int? take = null, CancellationToken ct = default)
    {
        if (caller.CoupleId is not { } coupleId || caller.PartnerId is not { } partnerId)
        {
            return [];
        }

        var query = db.DailyQuestions.AsNoTracking().Where(q => q.CoupleId == coupleId);
        if (from is { } f)
        {
            query = query.Where(q => q.Day >= f);
        }

        var rows = await query
            .Join(db.QuestionAnswers.Where(a => a.CoupleId == coupleId && a.AuthorId == caller.UserId && !a.Passed), q => q.Id, a => a.DailyQuestionId, (q, a) => new { q, a })
            .OrderByDescending(x => x.q.Day)
            .ToListAsync(ct);
        var ids = rows.Select(r => r.q.Id).ToList();
        var theirs = (await db.QuestionAnswers.AsNoTracking()
            .Where(a => a.CoupleId == coupleId && a.AuthorId == partnerId && ids.Contains(a.DailyQuestionId))
            .ToListAsync(ct)).ToDictionary(a => a.DailyQuestionId);
        var result = new List<SharedDay>();
        foreach (var row in rows)
        {
            var view = QuestionReveal.See(caller.UserId, ToResponse(row.a), ToResponse(theirs.GetValueOrDefault(row.q.Id)), dayOver: true);
            if (view.IsRevealed && QuestionLibrary.Find(row.q.QuestionId) is { } question)
            {
                var theirsAt = theirs[row.q.Id].CreatedAtUtc;
                result.Add(new SharedDay(row.q.Day, row.q.Id, question, row.a, view.Partner!, row.q.BroughtToMonthlyByUserId is not null, theirsAt > row.a.CreatedAtUtc ? theirsAt : row.a.CreatedAtUtc));
                if (take is { } t && result.Count >= t)
                {
                    break;
                }
            }
        }

        return result;
    }

    public static QuestionResponse? ToResponse(QuestionAnswer? a)
        => a is null ? null : new QuestionResponse(a.AuthorId, a.Passed, a.Text, a.Choice, a.Guess);
}
