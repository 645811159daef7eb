using Mutuality.Web.Features.Shared.PersonalData;
using Mutuality.Web.Infrastructure.Composition;

namespace Mutuality.Web.Features.Moments;

public static class MomentsSetup
{
    /// <summary>Moments and pebbles: what this folder needs from the container (issue 19 item 3: a feature registers itself).</summary>
    public static IServiceCollection AddMoments(this IServiceCollection services)
    {
        services.AddScoped<RecordMoment>();
        services.AddScoped<EditMoment>();
        services.AddScoped<DeleteMoment>();
        services.AddScoped<RespondToMoment>();
        services.AddScoped<SendPebble>();
        services.AddScoped<ReactToPebble>();
        services.AddPersonalData<MomentsPersonalData>();
        services.AddNavLink(NavPlace.Main, 20, "/Moments", "Moments", c => c.HasPartner);
        return services;
    }
}
