using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Mutuality.Web.Infrastructure.Intents;

/// <summary>
/// <c>&lt;form method="post" mutuality-intent="new-moment"&gt;</c>: the form carries a fresh intent key, so sending it
/// twice makes one row (<see cref="OneRowPerIntentFilter"/>). When the same form comes back with a correction to make,
/// it keeps the key it was sent with (nothing was saved under it yet). The form also says where it posts to: a key
/// counts only on that path, so a request the same form's fields ride along with (htmx includes the enclosing form in
/// a fragment's post, e.g. the gentle phrasing check) or an error page re-executed for it never takes the key.
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

    /// <summary>After the form tag helper, which writes the <c>action</c> generated from <c>asp-page</c>.</summary>
    public override int Order => 1000;

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
        var path = HtmlEncoder.Default.Encode(OneRowPerIntentFilter.PathOf(ActionOf(output) ?? request.Path.Value));
        output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{OneRowPerIntentFilter.FieldName}\" value=\"{key}\"><input type=\"hidden\" name=\"{OneRowPerIntentFilter.FormFieldName}\" value=\"{name}\"><input type=\"hidden\" name=\"{OneRowPerIntentFilter.PathFieldName}\" value=\"{path}\">");
    }

    /// <summary>Where the form posts: its <c>action</c> (written by hand or by the form tag helper) or its htmx post.</summary>
    private static string? ActionOf(TagHelperOutput output)
    {
        foreach (var attribute in new[] { "action", "hx-post", "data-hx-post" })
        {
            if (output.Attributes.TryGetAttribute(attribute, out var value) && value.Value is { } v)
            {
                var text = v switch
                {
                    string s => s,
                    Microsoft.AspNetCore.Html.IHtmlContent html => Render(html),
                    _ => v.ToString(),
                };
                if (!string.IsNullOrWhiteSpace(text))
                {
                    return System.Net.WebUtility.HtmlDecode(text);
                }
            }
        }

        return null;
    }

    private static string Render(Microsoft.AspNetCore.Html.IHtmlContent html)
    {
        using var writer = new StringWriter();
        html.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
