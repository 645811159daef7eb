using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutuality.Web.Features.Account.Privacy;

namespace Mutuality.Web.Features.Account.Privacy
{
    /// <summary>
    /// A plain message for one person, shown on their home page until they dismiss it — e.g. "your partner
    /// deleted their account". It never names or points at anyone else.
    /// </summary>
    public sealed class PersonNotice
    {
        public Guid Id { get; set; }

        public Guid UserId { get; set; }

        public string Text { get; set; } = string.Empty;

        public DateTime CreatedAtUtc { get; set; }
    }

    public enum ExportStatus
    {
        Queued = 0,
        Preparing = 1,
        Ready = 2,
        Failed = 3,
        Expired = 4,
    }

    /// <summary>
    /// One export a person asked for: prepared in the background into a ZIP under the data folder, downloadable
    /// by that person only until <see cref="ExpiresAtUtc"/>, then deleted.
    /// </summary>
    public sealed class ExportJob
    {
        public Guid Id { get; set; }

        public Guid UserId { get; set; }

        public ExportStatus Status { get; set; }

        /// <summary>0–100, for the progress indicator.</summary>
        public int Percent { get; set; }

        public DateTime RequestedAtUtc { get; set; }

        public DateTime? ReadyAtUtc { get; set; }

        public DateTime? ExpiresAtUtc { get; set; }

        /// <summary>A random name for the ZIP (the download's; before issue 18 also its file in the data folder).</summary>
        public string? FileName { get; set; }

        /// <summary>While being prepared: until when the worker that claimed it holds it (renewed with each progress
        /// report). After that another node's worker may take it over.</summary>
        public DateTime? LeaseUntilUtc { get; set; }
    }

    /// <summary>A ready export's ZIP, encrypted with the key ring (see <see cref="ExportFiles"/>).</summary>
    public sealed class ExportFileContent
    {
        public Guid JobId { get; set; }

        public byte[] Content { get; set; } = [];
    }

    internal sealed class ExportFileContentConfiguration : IEntityTypeConfiguration<ExportFileContent>
    {
        public void Configure(EntityTypeBuilder<ExportFileContent> builder)
        {
            builder.HasKey(c => c.JobId);
            builder.HasOne<ExportJob>().WithOne().HasForeignKey<ExportFileContent>(c => c.JobId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class PersonNoticeConfiguration : IEntityTypeConfiguration<PersonNotice>
    {
        public void Configure(EntityTypeBuilder<PersonNotice> builder)
        {
            builder.Property(n => n.Text).HasMaxLength(500).IsRequired();
            builder.HasIndex(n => n.UserId);
            builder.HasOne<Web.Data.AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class ExportJobConfiguration : IEntityTypeConfiguration<ExportJob>
    {
        public void Configure(EntityTypeBuilder<ExportJob> builder)
        {
            builder.Property(j => j.FileName).HasMaxLength(100);
            builder.HasIndex(j => new { j.UserId, j.RequestedAtUtc });
            builder.HasIndex(j => j.Status);

            // One export in progress per person: two clicks on "prepare a download" make one job and one ZIP.
            builder.HasIndex(j => j.UserId).IsUnique().HasFilter("\"Status\" IN (0, 1)").HasDatabaseName("IX_ExportJobs_UserId_InProgress");
            builder.HasOne<Web.Data.AppUser>().WithMany().HasForeignKey(j => j.UserId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}

namespace Mutuality.Web.Data
{
    public abstract partial class AppDbContext
    {
        public DbSet<PersonNotice> PersonNotices => Set<PersonNotice>();

        public DbSet<ExportJob> ExportJobs => Set<ExportJob>();

        public DbSet<ExportFileContent> ExportFileContents => Set<ExportFileContent>();
    }
}
