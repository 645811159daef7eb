using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Features.Moments.Data;

namespace Mutuality.Web.Data;

public abstract partial class AppDbContext
{
    public DbSet<SupportMoment> SupportMoments => Set<SupportMoment>();
}
