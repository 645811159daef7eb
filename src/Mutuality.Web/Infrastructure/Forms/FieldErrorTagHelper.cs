using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Mutuality.Web.Infrastructure.Forms;

/// <summary>
/// Issue 19 (item 5): the one field-error message of every form, next to its field.
/// <c>&lt;field-error for="Input.Email" id="email-error" /&gt;</c> shows the model state's messages for that name;
/// <c>&lt;field-error message="@Model.Error" id="…" /&gt;</c> shows a message the page worked out itself (a part of a
/// check-in, a question). Either way it renders <c>&lt;span class="field-error" id="…"&gt;…&lt;/span&gt;</c>, empty (and
/// hidden by the stylesheet) when there is nothing to say, so a field's <c>aria-describedby</c> can always name it.
/// The error summary at the top (<see cref="ErrorSummary"/>) lists the same messages.
/// </summary>
[HtmlTargetElement("field-error", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    /// <summary>The field's name in the form, which is its key in the model state.</summary>
    [HtmlAttributeName("for")]
    public string? For { get; set; }

    /// <summary>A message to show instead of the model state's.</summary>
    [HtmlAttributeName("message")]
    public string? Message { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var text = Message;
        if (string.IsNullOrEmpty(text) && For is { Length: > 0 } name
            && ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0)
        {
            text = string.Join(" ", entry.Errors
                .Select(e => string.IsNullOrWhiteSpace(e.ErrorMessage) ? "Please check this answer." : e.ErrorMessage)
                .Distinct(StringComparer.Ordinal));
        }

        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field-error");
        output.Content.SetContent(text ?? string.Empty);
    }
}
