using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Features.Requests.Data;

namespace Mutuality.Web.Data;

public abstract partial class AppDbContext
{
    public DbSet<SupportRequest> SupportRequests => Set<SupportRequest>();

    public DbSet<RequestEvent> RequestEvents => Set<RequestEvent>();

    public DbSet<RequestMailPreference> RequestMailPreferences => Set<RequestMailPreference>();
}
