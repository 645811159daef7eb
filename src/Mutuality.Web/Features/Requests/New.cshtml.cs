using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutuality.Web.Infrastructure.Couples;

using Mutuality.Web.Infrastructure.Forms;

namespace Mutuality.Web.Features.Requests;

/// <summary>Turn a need into a request: how I feel, what I need, the kind of support, and how soon.</summary>
[PartnerRequired]
public sealed class NewModel(CallerContext callers, MakeRequest makeRequest) : PageModel
{
    [BindProperty]
    public RequestInput Input { get; set; } = new() { Urgency = Domain.Support.Urgency.Today };

    public Caller Caller { get; private set; } = null!;

    /// <param name="need">A need to start from (an idea from the intimacy map), put in the "What I need" box.</param>
    public async Task<IActionResult> OnGetAsync(string? need = null)
    {
        if (need is { Length: > 0 and <= 500 })
        {
            Input.Need = need;
        }

        Caller = await callers.RequireAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Caller = await callers.RequireAsync();

        ModelState.Clear(); // the domain's words, not the binder's, for a value that did not bind
        var made = await makeRequest.HandleAsync(Caller, Input);
        if (!made.IsSuccess)
        {
            return this.Refusal(made.Errors) ?? Page();
        }

        TempData["Status"] = $"Your request is with {Caller.PartnerName}.";
        return RedirectToPage("/Requests/View", new { id = made.Value });
    }
}
