using Mutuality.Domain.CheckIns;
using Mutuality.Domain.Common;

namespace Mutuality.Domain.Questions;

/// <summary>
/// One person's response to a day's question as the reveal rule needs it: passed, or an answer (free text, and for a
/// guess question their own choice and their guess of the partner's). A private note is never part of it.
/// </summary>
public sealed record QuestionResponse(Guid AuthorId, bool Passed, string Text, int? Choice, int? Guess);

/// <summary>Where a viewer stands with a day's question.</summary>
public enum QuestionStage
{
    /// <summary>The viewer has neither answered nor passed: nothing of the partner's is known, not even whether they answered.</summary>
    YourTurn,

    /// <summary>The viewer has answered or passed; the partner has not yet (the viewer cannot tell which of the two it will be).</summary>
    Waiting,

    /// <summary>Both answered: both answers side by side.</summary>
    Revealed,

    /// <summary>Both have responded and the viewer passed: the partner's answer, if any, stays theirs.</summary>
    ClosedYouPassed,

    /// <summary>Both have responded and the partner passed: the viewer's answer stays theirs.</summary>
    ClosedPartnerPassed,

    /// <summary>The day ended before both responded. Nothing of the partner's is shown.</summary>
    ClosedDayOver,
}

/// <summary>What a viewer may see of the partner's response: a stage, and the response only when revealed.</summary>
public sealed record QuestionView(QuestionStage Stage, QuestionResponse? Partner)
{
    public bool IsRevealed => Stage == QuestionStage.Revealed;

    /// <summary>The day's question is over for the viewer: no more answering or passing.</summary>
    public bool IsClosed => Stage is QuestionStage.Revealed or QuestionStage.ClosedYouPassed or QuestionStage.ClosedPartnerPassed or QuestionStage.ClosedDayOver;
}

/// <summary>
/// The reveal rule for the daily question — the check-in's seal (<see cref="SealedReveal.Stage"/>) with passing:
/// a pass counts as "sent" for the seal, so the partner learns of it only when the day's question closes for both.
/// </summary>
public static class QuestionReveal
{
    public const int MaxAnswerLength = 1000;
    public const int MaxNoteLength = 1000;
    public const int MaxReplyLength = 500;

    /// <summary>Decides what <paramref name="viewerId"/> may see of their partner's response to one day's question.</summary>
    /// <param name="dayOver">The couple's day for this question has ended (no more answering).</param>
    public static QuestionView See(Guid viewerId, QuestionResponse? mine, QuestionResponse? theirs, bool dayOver)
    {
        var viewerSent = mine is not null && mine.AuthorId == viewerId;
        var partnerSent = theirs is not null && theirs.AuthorId != viewerId;
        return SealedReveal.Stage(viewerSent, partnerSent) switch
        {
            RevealStage.SealedUntilYouCheckIn => new(dayOver ? QuestionStage.ClosedDayOver : QuestionStage.YourTurn, null),
            RevealStage.WaitingForPartner => new(dayOver ? QuestionStage.ClosedDayOver : QuestionStage.Waiting, null),
            _ when mine!.Passed => new(QuestionStage.ClosedYouPassed, null),
            _ when theirs!.Passed => new(QuestionStage.ClosedPartnerPassed, null),
            _ => new(QuestionStage.Revealed, theirs),
        };
    }

    /// <summary>Checks an answer as the form and the import do. All problems are returned; nothing is stored on failure.</summary>
    public static Result<QuestionResponse> Validate(Guid authorId, Question question, string? text, int? choice, int? guess, out IReadOnlyList<DomainError> errors)
    {
        var list = new List<DomainError>();
        var cleaned = TextRules.Optional(text, MaxAnswerLength, "Text", "Your answer");
        if (!cleaned.IsSuccess)
        {
            list.Add(cleaned.Error!);
        }

        if (question.IsGuess)
        {
            if (choice is not { } c || c < 0 || c >= question.Choices.Count)
            {
                list.Add(new DomainError("answer.choice", "Please choose the answer that fits you.", "Choice"));
            }

            if (guess is not { } g || g < 0 || g >= question.Choices.Count)
            {
                list.Add(new DomainError("answer.guess", "Please make a guess for your partner — any guess is fine.", "Guess"));
            }
        }
        else if (cleaned.IsSuccess && cleaned.Value.Length == 0)
        {
            list.Add(new DomainError("answer.required", "Your answer: write a few words, or pass on this one if you'd rather not answer.", "Text"));
        }

        errors = list;
        if (list.Count > 0)
        {
            return list[0];
        }

        return Result<QuestionResponse>.Ok(new QuestionResponse(authorId, false, cleaned.Value, question.IsGuess ? choice : null, question.IsGuess ? guess : null));
    }

    /// <summary>For a revealed guess question: did each person's guess match the other's own choice? (Shown once, never tallied.)</summary>
    public static (bool MyGuessMatched, bool TheirGuessMatched)? Matches(QuestionResponse mine, QuestionResponse theirs)
        => mine.Choice is null || theirs.Choice is null ? null : (mine.Guess == theirs.Choice, theirs.Guess == mine.Choice);
}
