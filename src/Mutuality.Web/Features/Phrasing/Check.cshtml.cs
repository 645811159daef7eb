using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutuality.Domain.Common;
using Mutuality.Domain.Phrasing;

namespace Mutuality.Web.Features.Phrasing;

/// <summary>
/// POST /Phrasing/Check (htmx, antiforgery header from site.js): checks one text with the gentle phrasing helper
/// and answers with a small HTML fragment. The text is read from the form field named by <c>field</c> (so any
/// form can send its own textarea as it is), or from <c>text</c>. Nothing is stored or logged.
/// </summary>
public sealed class CheckModel : PageModel
{
    public const int MaxLength = 2000;

    public IActionResult OnGet() => NotFound();

    public IActionResult OnPost(string? field)
    {
        var name = string.IsNullOrWhiteSpace(field) ? "text" : field;
        var raw = Request.HasFormContentType ? Request.Form[name].ToString() : string.Empty;
        var cleaned = TextRules.Optional(raw, MaxLength, "Text", "Text");
        if (!cleaned.IsSuccess)
        {
            var error = Partial("/Features/Phrasing/_GentleResult.cshtml", GentleResult.Refused(cleaned.Error!.Message));
            error.StatusCode = StatusCodes.Status400BadRequest;
            return error;
        }

        var text = cleaned.Value;
        return Partial("/Features/Phrasing/_GentleResult.cshtml", text.Length == 0 ? GentleResult.Nothing : GentleResult.For(GentlePhrasing.Check(text)));
    }
}

/// <summary>What the fragment shows: nothing yet, a refusal, or the helper's findings.</summary>
public sealed record GentleResult(PhrasingCheck? Check, string? Error)
{
    public static GentleResult Nothing { get; } = new(null, null);

    public static GentleResult For(PhrasingCheck check) => new(check, null);

    public static GentleResult Refused(string message) => new(null, message);
}

/// <summary>The model of _GentleHelper.cshtml: which textarea to watch, and the form field name it posts under.</summary>
/// <param name="TextareaId">The textarea's id attribute (e.g. "Input_Text" for asp-for="Input.Text").</param>
/// <param name="FieldName">The textarea's name attribute (e.g. "Input.Text").</param>
public sealed record GentleHelper(string TextareaId, string FieldName);
