using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Features.ScheduledMail.Data;

namespace Mutuality.Web.Data;

public abstract partial class AppDbContext
{
    public DbSet<MailPreference> MailPreferences => Set<MailPreference>();

    public DbSet<ScheduledMailSent> ScheduledMailSent => Set<ScheduledMailSent>();
}
