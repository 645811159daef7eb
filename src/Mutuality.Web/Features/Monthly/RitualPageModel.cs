using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutuality.Web.Infrastructure;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Monthly;

/// <summary>Small helpers shared by the monthly check-in and repair pages.</summary>
public abstract class RitualPageModel : PageModel
{
    public Caller Caller { get; protected set; } = null!;

    public string? Status => TempData["Status"] as string;

    /// <summary>Replaces a framework binding message (e.g. an unreadable date) with our own plain words.</summary>
    protected void ReplaceBindingError(string key, string message)
    {
        if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
        {
            entry.Errors.Clear();
            entry.Errors.Add(message);
        }
    }

    public static string Who(Guid? ownerId, Caller viewer)
        => ownerId is null ? "Both of you" : ownerId == viewer.UserId ? "You" : viewer.PartnerName ?? "Your partner";

    public static string Day(DateOnly day) => Formats.Day(day);

    public static string MonthName(DateOnly month) => Formats.Month(month);
}
