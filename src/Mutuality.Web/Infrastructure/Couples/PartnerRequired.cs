using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Mutuality.Web.Infrastructure.Couples;

/// <summary>
/// A page of the couple space: someone without a partner (alone, or whose partner left) is sent to make or join a
/// couple space before any handler runs (issue 19 item 1: one guard instead of a copy in every handler). Handlers named
/// in <see cref="Except"/> keep their own answer (an item by id answers 404 to everyone who cannot see it).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class PartnerRequiredAttribute : Attribute, IAsyncPageFilter, IOrderedFilter
{
    /// <summary>Handler names (as in <c>?handler=</c>) the guard leaves alone.</summary>
    public string[] Except { get; init; } = [];

    /// <summary>After <see cref="CallerPageFilter"/>, which signs out a cookie whose account is gone.</summary>
    public int Order => 1;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod?.Name is { } handler && Except.Contains(handler, StringComparer.OrdinalIgnoreCase))
        {
            await next();
            return;
        }

        var caller = await context.HttpContext.RequestServices.GetRequiredService<CallerContext>().GetAsync();
        if (caller is { HasPartner: false })
        {
            context.Result = new RedirectToPageResult("/Couple/Index");
            return;
        }

        await next();
    }
}
