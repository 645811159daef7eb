using Mutuality.Web.Infrastructure.Composition;

namespace Mutuality.Web.Features.Requests;

public static class RequestsSetup
{
    /// <summary>Requests for support, their e-mails and the job that sends them.</summary>
    public static IServiceCollection AddRequests(this IServiceCollection services)
    {
        services.AddScoped<MakeRequest>();
        services.AddScoped<AnswerRequest>();
        services.AddScoped<RequestMail>();
        services.AddHostedService<RequestMailJob>();
        services.AddNavLink(NavPlace.Main, 30, "/Requests", "Requests", c => c.HasPartner);
        return services;
    }
}
