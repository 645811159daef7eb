using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Mutuality.Web.Features.Help;

public sealed class IndexModel(IOptions<HelpOptions> options) : PageModel
{
    public IReadOnlyList<HelpResource> Resources { get; } = options.Value.Resources;

    public void OnGet()
    {
    }
}
