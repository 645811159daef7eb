using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Mutuality.Domain.Phrasing;

namespace Mutuality.Web.Features.Phrasing;

/// <summary>
/// The gentle phrasing helper "on submit" (C8): every text box that carries the helper also posts a hidden
/// <c>__gentle</c> field naming itself. When such a form is accepted (the page redirects), the texts are checked
/// once more and, if something may land harshly, a short non-blocking note is shown on the next page. The text is
/// sent exactly as written: the note only explains what the helper saw. Nothing is stored or logged.
/// </summary>
public sealed class GentleSubmitFilter(ITempDataDictionaryFactory tempDataFactory) : IAsyncPageFilter
{
    public const string FieldName = "__gentle";
    public const string TempDataKey = "GentleNote";
    private const int MaxFields = 8;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType || executed.Exception is not null
            || executed.Result is not (RedirectResult or RedirectToPageResult or LocalRedirectResult or RedirectToActionResult))
        {
            return;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync();
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            // A handler that redirected without reading its form (a delete by id, say) may have a body that is not a
            // readable form: the helper's note is advice only and must never turn a success into an error.
            return;
        }

        var patterns = form[FieldName]
            .Where(name => !string.IsNullOrEmpty(name) && !string.Equals(name, FieldName, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxFields)
            .SelectMany(name => GentlePhrasing.Check(form[name!].ToString()).Findings)
            .Select(f => f.Pattern)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (patterns.Count > 0)
        {
            tempDataFactory.GetTempData(context.HttpContext)[TempDataKey] = string.Join(',', patterns);
        }
    }

    /// <summary>The note shown after sending, from what the filter kept: the pattern titles in plain words.</summary>
    public static IReadOnlyList<string> Titles(string? kept)
        => string.IsNullOrEmpty(kept)
            ? []
            : kept.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Where(p => PhrasingPatterns.All.Contains(p, StringComparer.Ordinal))
                .Select(PhrasingPatterns.Title)
                .ToList();
}
