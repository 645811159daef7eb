using Microsoft.AspNetCore.Mvc;

namespace Mutuality.Web.Features.Phrasing;

public static class PhrasingSetup
{
    /// <summary>
    /// The gentle-phrasing helper: the filter that offers it on every form that sends words to the partner (it never
    /// blocks sending) and its check page.
    /// </summary>
    public static IServiceCollection AddPhrasing(this IServiceCollection services)
    {
        services.AddSingleton<GentleSubmitFilter>();
        services.Configure<MvcOptions>(o => o.Filters.AddService<GentleSubmitFilter>());
        return services;
    }
}
