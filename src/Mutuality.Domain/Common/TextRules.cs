using System.Text;

namespace Mutuality.Domain.Common;

/// <summary>Normalises free text people type: trims, unifies line ends, removes control characters.</summary>
public static class TextRules
{
    public static string Clean(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(raw.Length);
        foreach (var rune in raw.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            if (rune.Value == '\n' || rune.Value == '\t')
            {
                builder.Append((char)rune.Value);
            }
            else if (rune.Value == '\r' || Rune.IsControl(rune))
            {
                continue;
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>Checks an optional free-text field: cleaned, and within a maximum length.</summary>
    public static Result<string> Optional(string? raw, int maxLength, string field, string label)
    {
        var text = Clean(raw);
        return text.Length > maxLength
            ? new DomainError($"{field.ToLowerInvariant()}.too_long", $"{label}: use at most {maxLength} characters (you have {text.Length}).", field)
            : Result<string>.Ok(text);
    }

    /// <summary>Checks a required free-text field: not empty after cleaning, within a maximum length.</summary>
    public static Result<string> Required(string? raw, int maxLength, string field, string label)
    {
        var text = Clean(raw);
        if (text.Length == 0)
        {
            return new DomainError($"{field.ToLowerInvariant()}.required", $"{label}: this can't be empty.", field);
        }

        return Optional(text, maxLength, field, label);
    }
}
