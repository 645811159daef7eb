using System.Globalization;
using Mutuality.Domain.Common;
using Mutuality.Domain.People;

namespace Mutuality.Web.Features.Shared.PersonalData;

/// <summary>
/// What every part's import shares: an export is a front door like any other, so each item passes the same domain
/// rules as the form that makes it, except the windows meant for live entry (an export is history and keeps its
/// dates, <see cref="HistoryDates"/>). The first problem found is returned, naming the item; nothing is stored then.
/// </summary>
public static class ImportRules
{
    /// <summary>Where a kept row had to name someone who no longer exists (a deleted or never-imported partner).</summary>
    public static readonly Guid FormerPartner = Guid.Empty;

    public static readonly DomainError HasData = new("import.has_data", "File: your account already has things in it. An export can only be brought into an account that is still empty, so nothing is mixed up or doubled.");

    public static readonly DomainError IdsTaken = new("import.ids", "File: some of these items already exist on this server. An export can only be brought into a different server from the one it came from.");

    public static readonly DomainError SameIdTwice = Refuse("the same item id appears twice in this export.");

    public static DomainError Refuse(string what) => new("import.invalid", $"File: {what} Nothing was brought in.", "Upload");

    public static DomainError Item(string item, DomainError problem) => Refuse($"{item} can't be brought in — {problem.Message}");

    /// <summary>The refusal when a section's list is missing or holds an empty item.</summary>
    public static DomainError? Missing<T>(List<T>? list, string name)
        => list is null ? Refuse($"this export has no list of {name}, so it isn't a whole export.")
            : list.Contains(default!) ? Refuse("this export has no list of items (one of them is empty), so it isn't a whole export.")
            : null;

    public static string Day(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DomainError? Dates(string item, DateTime now, params DateTime?[] instants)
    {
        foreach (var at in instants)
        {
            if (at is { } value && HistoryDates.CheckInstant(value, now, "When") is { } error)
            {
                return Item(item, error);
            }
        }

        return null;
    }

    public static DomainError? Id(string item, Guid id)
        => id == Guid.Empty ? Refuse($"{item} has no id.") : null;

    public static DomainError? Text(string item, Result<string> checkedText)
        => checkedText.IsSuccess ? null : Item(item, checkedText.Error!);

    public static DomainError? Month(string item, DateOnly month, DateTime now)
        => month.Day != 1
            ? Item(item, new DomainError("month.unknown", "Month: it must be the first day of a month."))
            : HistoryDates.CheckDay(month, now, "Month") is { } error ? Item(item, error) : null;

    public static DateTime Utc(DateTime at) => at.Kind switch
    {
        DateTimeKind.Utc => at,
        DateTimeKind.Local => at.ToUniversalTime(),
        _ => DateTime.SpecifyKind(at, DateTimeKind.Utc),
    };

    public static DateTime? Utc(DateTime? at) => at is { } value ? Utc(value) : null;

    public static string Clean(string? text) => TextRules.Clean(text);
}
