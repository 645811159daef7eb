using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mutuality.Web.Features.Errors;

/// <summary>The answer to a form sent a second time (see Infrastructure/Intents): where the first one led.</summary>
public sealed class AlreadySentModel : PageModel
{
    public string To { get; private set; } = "/";

    public void OnGet(string? to)
        => To = to is { Length: > 1 } && to.StartsWith('/') && !to.StartsWith("//", StringComparison.Ordinal) && !to.StartsWith("/\\", StringComparison.Ordinal)
            && !to.Any(char.IsControl) ? to : "/";
}
