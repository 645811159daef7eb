using System.Globalization;
using System.Text;

namespace Mutuality.Domain.Questions;

/// <summary>
/// The library of questions for two, written by the project (QuestionLibraryText). Parsed once; a malformed line
/// fails loudly at start-up (and in the library test), never silently.
/// </summary>
public static class QuestionLibrary
{
    public const int MaxTextLength = 160;
    public const int MaxChoiceLength = 40;
    public const int MinChoices = 2;
    public const int MaxChoices = 5;

    private static readonly Lazy<IReadOnlyList<Question>> Parsed = new(() => Parse(QuestionLibraryText.Text));

    /// <summary>Every question, in library order.</summary>
    public static IReadOnlyList<Question> All => Parsed.Value;

    private static readonly Lazy<IReadOnlyDictionary<string, Question>> Index = new(() => All.ToDictionary(q => q.Id, StringComparer.Ordinal));

    public static Question? Find(string? id) => id is not null && Index.Value.TryGetValue(id, out var q) ? q : null;

    /// <summary>
    /// Reads the library text: "## slug" starts a category; each question is
    /// "id | L or D | text" or, for a guess question, "id | L or D | guess | text | choice | choice…".
    /// </summary>
    public static IReadOnlyList<Question> Parse(string text)
    {
        var result = new List<Question>();
        QuestionCategory? category = null;
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                category = QuestionCategories.FromSlug(line[3..].Trim())
                    ?? throw new FormatException($"Question library line {lineNumber}: unknown category '{line[3..]}'.");
                continue;
            }

            if (category is null)
            {
                throw new FormatException($"Question library line {lineNumber}: a question before any category.");
            }

            var parts = line.Split('|').Select(p => p.Trim()).ToArray();
            if (parts.Length < 3)
            {
                throw new FormatException($"Question library line {lineNumber}: expected 'id | L/D | text'.");
            }

            var depth = parts[1] switch
            {
                "L" => QuestionDepth.Light,
                "D" => QuestionDepth.Deeper,
                _ => throw new FormatException($"Question library line {lineNumber}: depth must be L or D."),
            };
            var isGuess = parts[2] == "guess";
            if (isGuess && parts.Length < 4 + MinChoices)
            {
                throw new FormatException($"Question library line {lineNumber}: a guess question needs its text and choices.");
            }

            if (!isGuess && parts.Length != 3)
            {
                throw new FormatException($"Question library line {lineNumber}: '|' inside a question's text.");
            }

            var questionText = isGuess ? parts[3] : parts[2];
            string[] choices = isGuess ? parts[4..] : [];
            result.Add(new Question(parts[0], category.Value, depth, questionText, choices));
        }

        return result;
    }

    /// <summary>
    /// The text reduced for comparing questions: lower case, letters and digits only, single spaces, and without the
    /// small words that make two phrasings of one question look different ("a", "the", "your"…).
    /// </summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKD).ToLower(CultureInfo.InvariantCulture))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '/')
            {
                builder.Append(' ');
            }
        }

        var words = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !SmallWords.Contains(w));
        return string.Join(' ', words);
    }

    private static readonly HashSet<string> SmallWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "your", "you", "my", "me", "i", "is", "are", "was", "of", "to", "in", "on", "for", "and", "or", "do", "that", "it", "with", "what", "which",
    };
}
