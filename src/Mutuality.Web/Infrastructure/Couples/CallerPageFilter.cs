using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Mutuality.Web.Infrastructure.Couples;

/// <summary>
/// A signed-in cookie whose account no longer exists is treated as signed out, so pages can rely on
/// <see cref="CallerContext.RequireAsync"/> after authorisation.
/// </summary>
public sealed class CallerPageFilter(CallerContext callers) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.User.Identity?.IsAuthenticated == true && await callers.GetAsync() is null)
        {
            context.Result = new ChallengeResult();
            return;
        }

        await next();
    }
}
