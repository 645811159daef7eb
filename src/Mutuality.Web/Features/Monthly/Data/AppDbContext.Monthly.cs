using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Features.Monthly.Data;

namespace Mutuality.Web.Data;

public abstract partial class AppDbContext
{
    public DbSet<MonthlyRhythmSetting> MonthlyRhythms => Set<MonthlyRhythmSetting>();

    public DbSet<MonthlyCheckIn> MonthlyCheckIns => Set<MonthlyCheckIn>();

    public DbSet<MonthlyPreparation> MonthlyPreparations => Set<MonthlyPreparation>();

    public DbSet<RitualAgreement> RitualAgreements => Set<RitualAgreement>();
}
