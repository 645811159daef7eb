using Mutuality.Web.Infrastructure.Settings;

namespace Mutuality.Web.Features.Help;

public static class HelpSetup
{
    /// <summary>The help pages and their validated settings (the local support lines).</summary>
    public static IServiceCollection AddHelp(this IServiceCollection services)
    {
        services.AddSettings<HelpOptions>(HelpOptions.Section).Rule(HelpOptions.Failure);
        return services;
    }
}
