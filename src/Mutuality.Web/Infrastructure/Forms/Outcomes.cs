using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutuality.Domain.Common;

namespace Mutuality.Web.Infrastructure.Forms;

/// <summary>
/// The one place a page turns a refused outcome into what the person sees (issue 19 item 1): not found is a 404,
/// a conflict is a message on the whole form, an invalid input is shown on its field.
/// </summary>
public static class Outcomes
{
    /// <summary>
    /// Maps the errors: a 404 when any is <see cref="ErrorKind.NotFound"/> (so nothing about the item shows), otherwise
    /// null after putting each on the form, for the page to render again.
    /// </summary>
    public static IActionResult? Refusal(this PageModel page, IReadOnlyList<DomainError> errors, string prefix = "Input.")
    {
        if (errors.Any(e => e.Kind == ErrorKind.NotFound))
        {
            return page.NotFound();
        }

        page.AddErrors(errors, prefix);
        return null;
    }

    /// <summary>Puts domain errors on the form: an invalid input on its field when it has one; a conflict (or a field-less error) on the whole form.</summary>
    public static void AddErrors(this PageModel page, IEnumerable<DomainError> errors, string prefix = "Input.")
    {
        foreach (var e in errors)
        {
            page.ModelState.AddModelError(e.Field is null || e.Kind != ErrorKind.Invalid ? string.Empty : prefix + e.Field, e.Message);
        }
    }
}
