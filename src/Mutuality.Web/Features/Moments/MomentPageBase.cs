using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutuality.Domain.Common;

namespace Mutuality.Web.Features.Moments;

public static class ModelStateErrors
{
    /// <summary>Puts domain errors on the form: on their field when they have one, or on the whole form.</summary>
    public static void AddErrors(this PageModel page, IEnumerable<DomainError> errors, string prefix = "Input.")
    {
        foreach (var e in errors)
        {
            page.ModelState.AddModelError(e.Field is null ? string.Empty : prefix + e.Field, e.Message);
        }
    }
}
