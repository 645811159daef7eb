using Mutuality.Web.Features.Shared.PersonalData;

namespace Mutuality.Web.Features.Couple;

public static class CoupleSetup
{
    /// <summary>Making, joining and leaving a couple space.</summary>
    public static IServiceCollection AddCouple(this IServiceCollection services) => services.AddScoped<CoupleCommands>().AddPersonalData<CouplePersonalData>();
}
