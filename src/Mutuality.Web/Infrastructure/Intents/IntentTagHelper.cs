using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Mutuality.Web.Infrastructure.Intents;

/// <summary>
/// <c>&lt;form method="post" mutuality-intent="new-moment"&gt;</c>: the form carries a fresh intent key, so sending it
/// twice makes one row (<see cref="OneRowPerIntentFilter"/>). When the same form comes back with a correction to make,
/// it keeps the key it was sent with (nothing was saved under it yet).
/// </summary>
[HtmlTargetElement("form", Attributes = AttributeName)]
public sealed class IntentTagHelper : TagHelper
{
    public const string AttributeName = "mutuality-intent";

    [HtmlAttributeName(AttributeName)]
    public string FormName { get; set; } = string.Empty;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var key = Guid.NewGuid();
        var request = ViewContext.HttpContext.Request;
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType && !ViewContext.ModelState.IsValid
            && string.Equals(request.Form[OneRowPerIntentFilter.FormFieldName], FormName, StringComparison.Ordinal)
            && Guid.TryParse(request.Form[OneRowPerIntentFilter.FieldName], out var posted) && posted != Guid.Empty)
        {
            key = posted;
        }

        var name = HtmlEncoder.Default.Encode(FormName);
        output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{OneRowPerIntentFilter.FieldName}\" value=\"{key}\"><input type=\"hidden\" name=\"{OneRowPerIntentFilter.FormFieldName}\" value=\"{name}\">");
    }
}
