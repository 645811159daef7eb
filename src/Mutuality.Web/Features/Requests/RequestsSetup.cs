using Mutuality.Web.Features.Shared.Email;
using Mutuality.Web.Features.Shared.PersonalData;
using Mutuality.Web.Infrastructure.Composition;
using Mutuality.Web.Infrastructure.Hosting;

namespace Mutuality.Web.Features.Requests;

public static class RequestsSetup
{
    /// <summary>Requests for support, their e-mails and the job that sends them.</summary>
    public static IServiceCollection AddRequests(this IServiceCollection services)
    {
        services.AddScoped<MakeRequest>();
        services.AddScoped<AnswerRequest>();
        services.AddPersonalData<RequestsPersonalData>();
        services.AddEmailKind<RequestEmailKind>();
        services.AddRecurringJob(new RecurringSchedule<RequestMail>
        {
            WhenItFails = "Sending request e-mails failed",
            Every = _ => RequestMail.Interval,
            FirstRunAtStart = false,
            OneNodeAtATime = AdvisoryLocks.RequestMail,
        });
        services.AddNavLink(NavPlace.Main, 30, "/Requests", "Requests", c => c.HasPartner);
        return services;
    }
}
