using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Features.CheckIns.Data;

namespace Mutuality.Web.Data;

public abstract partial class AppDbContext
{
    public DbSet<CheckInEntry> CheckIns => Set<CheckInEntry>();

    public DbSet<CheckInReply> CheckInReplies => Set<CheckInReply>();

    public DbSet<CheckInCoupleSettings> CheckInCoupleSettings => Set<CheckInCoupleSettings>();

    public DbSet<CheckInPersonSettings> CheckInPersonSettings => Set<CheckInPersonSettings>();
}
