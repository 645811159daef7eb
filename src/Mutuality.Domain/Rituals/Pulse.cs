using Mutuality.Domain.Common;

namespace Mutuality.Domain.Rituals;

/// <summary>One statement of the pulse.</summary>
/// <param name="Id">A stable key, stored with each answer.</param>
/// <param name="Label">A short name, used in messages and tables.</param>
/// <param name="Statement">The statement a person answers, in our own words.</param>
public sealed record PulseItem(string Id, string Label, string Statement);

/// <summary>
/// Mutuality's own monthly pulse (M9): five statements written by the project about how the relationship felt this
/// month, each answered on one fixed five-point scale, once per partner per month. It is not a clinical
/// instrument, has no norms and claims no cut-offs; it only shows how each of you felt, month by month.
/// </summary>
public static class Pulse
{
    public const int Min = 1;
    public const int Max = 5;

    public static IReadOnlyList<PulseItem> Items { get; } =
    [
        new("close", "Close", "This month I felt close to you."),
        new("heard", "Heard", "When something mattered to me, I felt listened to."),
        new("team", "A team", "We handled everyday life as a team."),
        new("fun", "Fun", "We had moments of fun or lightness together."),
        new("safe", "Safe to raise things", "I felt safe bringing up something hard."),
    ];

    /// <summary>The fixed scale, from 1 to 5.</summary>
    public static IReadOnlyList<string> Scale { get; } = ["Not at all", "A little", "Somewhat", "Mostly", "Completely"];

    public static string ScaleLabel(int value) => value is >= Min and <= Max ? Scale[value - Min] : string.Empty;

    /// <summary>The month (its first day) an answer belongs to: the couple's month at <paramref name="utcNow"/>, the
    /// same for both partners (<see cref="MonthlyRhythm.CoupleMonthOf"/>).</summary>
    public static DateOnly MonthOf(DateTime utcNow, TimeZoneInfo zone, TimeZoneInfo? partnerZone)
        => MonthlyRhythm.CoupleMonthOf(utcNow, zone, partnerZone);

    /// <summary>Checks a full set of answers: every item answered, each on the scale. Returns the first problem (see <see cref="Problems"/>).</summary>
    public static Result<IReadOnlyDictionary<string, int>> Validate(IReadOnlyDictionary<string, int?> answers)
    {
        var problems = Problems(answers);
        if (problems.Count > 0)
        {
            return problems[0];
        }

        return Result<IReadOnlyDictionary<string, int>>.Ok(Items.ToDictionary(i => i.Id, i => answers[i.Id]!.Value));
    }

    /// <summary>
    /// Every problem with a set of answers, one per statement, in the order of the form. Messages quote the statement
    /// a person sees (never an internal name) and each names its item as <see cref="DomainError.Field"/>.
    /// </summary>
    public static IReadOnlyList<DomainError> Problems(IReadOnlyDictionary<string, int?> answers)
    {
        var problems = new List<DomainError>();
        foreach (var item in Items)
        {
            if (!answers.TryGetValue(item.Id, out var value) || value is null)
            {
                problems.Add(new DomainError("pulse.missing", $"\u201C{item.Statement}\u201D: choose one answer.", item.Id));
            }
            else if (value is < Min or > Max)
            {
                problems.Add(new DomainError("pulse.out_of_range", $"\u201C{item.Statement}\u201D: choose one of the five answers.", item.Id));
            }
        }

        return problems;
    }

    /// <summary>A month's average over the items answered (1–5), or null when none were.</summary>
    public static double? Average(IEnumerable<int> values)
    {
        var list = values.Where(v => v is >= Min and <= Max).ToList();
        return list.Count == 0 ? null : Math.Round(list.Average(), 2);
    }

    /// <summary>
    /// Whether a partner's answers for a month may be shown: only once both have answered that month,
    /// like the sealed check-in, so nobody answers in the shadow of the other's numbers.
    /// </summary>
    public static bool PartnerVisible(bool iAnswered, bool partnerAnswered) => iAnswered && partnerAnswered;
}
