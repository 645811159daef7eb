using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutuality.Web.Infrastructure.Intents;

namespace Mutuality.Web.Infrastructure.Intents
{
    /// <summary>
    /// One submitted form (an intent): who sent it and the key the form carried. Saved in the same transaction as
    /// what the form creates, under a unique key, so a second post of the same form (a double click, the Back button,
    /// twenty at once) cannot create a second row. <see cref="Location"/> is where the first one's answer led.
    /// </summary>
    public sealed class SubmittedIntent
    {
        public Guid UserId { get; set; }

        public Guid Key { get; set; }

        public DateTime CreatedAtUtc { get; set; }

        public string? Location { get; set; }
    }

    internal sealed class SubmittedIntentConfiguration : IEntityTypeConfiguration<SubmittedIntent>
    {
        public void Configure(EntityTypeBuilder<SubmittedIntent> builder)
        {
            // The primary key is the unique index that makes a repeat fail.
            builder.HasKey(i => new { i.UserId, i.Key });
            builder.Property(i => i.Location).HasMaxLength(500);
            builder.HasIndex(i => i.CreatedAtUtc);
            builder.HasOne<Data.AppUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}

namespace Mutuality.Web.Data
{
    public abstract partial class AppDbContext
    {
        public DbSet<SubmittedIntent> SubmittedIntents => Set<SubmittedIntent>();
    }
}
