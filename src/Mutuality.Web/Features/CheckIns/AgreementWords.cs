using Mutuality.Domain.CheckIns;

namespace Mutuality.Web.Features.CheckIns;

/// <summary>Plain, kind sentences about an M5 result, e.g. "you read their stress well; you guessed 'calm', they felt 'anxious'".</summary>
public static class AgreementWords
{
    public static IReadOnlyList<string> Sentences(AgreementResult result, StateReport guess, StateReport actual)
    {
        var lines = new List<string>();
        var exact = result.Feelings.Matches.Where(m => m.Kind == FeelingMatchKind.Exact).Select(m => $"‘{m.ActualWord}’").ToList();
        if (exact.Count > 0)
        {
            lines.Add($"You saw that they felt {Join(exact)}.");
        }

        foreach (var m in result.Feelings.Matches.Where(m => m.Kind == FeelingMatchKind.SameFamily))
        {
            lines.Add($"You guessed ‘{m.GuessedWord}’, they felt ‘{m.ActualWord}’ — close, the same family of feeling.");
        }

        var missed = result.Feelings.Matches.Where(m => m.Kind == FeelingMatchKind.Missed).Select(m => $"‘{m.GuessedWord}’").ToList();
        var unguessed = result.Feelings.Matches.Where(m => m.Kind == FeelingMatchKind.Unguessed).Select(m => $"‘{m.ActualWord}’").ToList();
        if (missed.Count > 0 && unguessed.Count > 0)
        {
            lines.Add($"You guessed {Join(missed)}, they felt {Join(unguessed)}.");
        }
        else if (unguessed.Count > 0)
        {
            lines.Add($"They also felt {Join(unguessed)}.");
        }
        else if (missed.Count > 0)
        {
            lines.Add($"You guessed {Join(missed)}, which they didn't name.");
        }

        Rating(lines, "stress", guess.Ratings.Stress, actual.Ratings.Stress);
        Rating(lines, "sense of being supported", guess.Ratings.Supported, actual.Ratings.Supported);
        Rating(lines, "sense of being able to give", guess.Ratings.AbleToGive, actual.Ratings.AbleToGive);
        return lines;
    }

    private static void Rating(List<string> lines, string what, int? guess, int? actual)
    {
        if (guess is null || actual is null)
        {
            return;
        }

        var gap = Math.Abs(guess.Value - actual.Value);
        lines.Add(gap switch
        {
            0 => $"You read their {what} exactly ({actual}).",
            1 => $"You read their {what} well (you guessed {guess}, they said {actual}).",
            _ => $"Their {what} was {(actual > guess ? "higher" : "lower")} than you thought: you guessed {guess}, they said {actual}.",
        });
    }

    private static string Join(List<string> words)
        => words.Count == 1 ? words[0] : string.Join(", ", words.Take(words.Count - 1)) + " and " + words[^1];
}
