using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Features.Notifications.Data;

namespace Mutuality.Web.Data;

public abstract partial class AppDbContext
{
    public DbSet<PushDevice> PushDevices => Set<PushDevice>();

    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();

    public DbSet<NotificationOutboxItem> NotificationOutbox => Set<NotificationOutboxItem>();

    public DbSet<PushServerKey> PushServerKeys => Set<PushServerKey>();

    public DbSet<YourTurnConsent> YourTurnConsents => Set<YourTurnConsent>();
}
