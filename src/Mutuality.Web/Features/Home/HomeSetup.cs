namespace Mutuality.Web.Features.Home;

public static class HomeSetup
{
    /// <summary>The home page's own card (the other panels come from the features, each from its AddXxx()).</summary>
    public static IServiceCollection AddHome(this IServiceCollection services) => services.AddScoped<FirstSteps>();
}
