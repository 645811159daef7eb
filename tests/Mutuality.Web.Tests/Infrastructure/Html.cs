using AngleSharp.Dom;

namespace Mutuality.Web.Tests.Infrastructure;

public static class Html
{
    /// <summary>The visible text of the page's main content, whitespace collapsed.</summary>
    public static string MainText(this IDocument page)
        => string.Join(' ', (page.QuerySelector("main")?.TextContent ?? page.Body?.TextContent ?? string.Empty)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static IReadOnlyList<string> FieldErrors(this IDocument page)
        => [.. page.QuerySelectorAll(".field-error, .form-errors li, .form-errors").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0)];
}
