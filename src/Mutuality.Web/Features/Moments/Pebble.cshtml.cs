using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutuality.Domain.Common;
using Mutuality.Domain.Support;
using Mutuality.Web.Infrastructure.Couples;
using Mutuality.Web.Infrastructure.Forms;

namespace Mutuality.Web.Features.Moments;

/// <summary>Send a pebble (one tap, or a few words or a link), and react to one from the partner.</summary>
/// <remarks>Reacting answers for a pebble by id: 404 to anyone who cannot see it.</remarks>
[PartnerRequired(Except = ["React"])]
public sealed class PebbleModel(CallerContext callers, SendPebble send, ReactToPebble react) : PageModel
{
    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? Link { get; set; }

    public Caller Caller { get; private set; } = null!;

    [TempData]
    public string? Status { get; set; }

    /// <param name="idea">An idea to send in one's own words (from the intimacy map), put in the text box.</param>
    public async Task<IActionResult> OnGetAsync(string? idea = null)
    {
        Text = idea is { Length: > 0 and <= 280 } ? idea : null;
        Caller = await callers.RequireAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Caller = await callers.RequireAsync();
        ModelState.Clear();
        var sent = await send.SendPebbleAsync(Caller, Text, Link);
        if (!sent.IsSuccess)
        {
            this.AddErrors([sent.Error!], prefix: string.Empty);
            return Page();
        }

        Status = $"Your pebble is on its way to {Caller.PartnerName}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReactAsync(Guid id, PebbleReaction? reaction)
    {
        Caller = await callers.RequireAsync();
        if (Caller.CoupleId is null)
        {
            return NotFound();
        }

        var result = await react.ReactAsync(Caller, id, reaction ?? 0);
        if (!result.IsSuccess && result.Error!.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        if (!result.IsSuccess)
        {
            return BadRequest();
        }

        TempData["Status"] = "Reaction sent.";
        return Redirect("/Feed");
    }
}
