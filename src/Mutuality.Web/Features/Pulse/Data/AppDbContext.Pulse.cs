using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Features.Pulse.Data;

namespace Mutuality.Web.Data;

public abstract partial class AppDbContext
{
    public DbSet<PulseAnswer> PulseAnswers => Set<PulseAnswer>();
}
