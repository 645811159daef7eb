using Microsoft.AspNetCore.Mvc.Rendering;
using Mutuality.Domain.People;

namespace Mutuality.Web.Features.Account;

/// <summary>The IANA zones a person can choose, for a select list.</summary>
public static class TimeZoneChoices
{
    private static readonly Lazy<IReadOnlyList<string>> Ids = new(() =>
        [.. TimeZoneInfo.GetSystemTimeZones()
            .Select(z => z.HasIanaId ? z.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(z.Id, out var iana) ? iana : null)
            .OfType<string>()
            .Where(id => id.Contains('/', StringComparison.Ordinal))
            .Where(id => TimeZones.Find(id) is not null)
            .Append(TimeZones.Default)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)]);

    public static IEnumerable<SelectListItem> For(string? selected)
    {
        var ids = Ids.Value;
        var chosen = selected is not null && ids.Contains(selected) ? selected : TimeZones.Default;
        return ids.Select(id => new SelectListItem(id.Replace('_', ' '), id, id == chosen));
    }
}
