using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutuality.Web.Infrastructure.Security;

namespace Mutuality.Web.Features.Questions.Data;

/// <summary>A couple's question for one of the couple's days: picked by the domain rule, or asked for by one partner.</summary>
public sealed class DailyQuestionEntry
{
    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    /// <summary>The couple's day (Domain.Questions.DailyQuestions.CoupleZone).</summary>
    public DateOnly Day { get; set; }

    /// <summary>The library id, e.g. "km03".</summary>
    public string QuestionId { get; set; } = "";

    /// <summary>Set when a partner asked for this question for this day.</summary>
    public Guid? AskedByUserId { get; set; }

    /// <summary>Set when a partner chose to bring this day's question to the monthly check-in (after the reveal).</summary>
    public Guid? BroughtToMonthlyByUserId { get; set; }

    public DateTime? BroughtToMonthlyAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>One person's response to a day's question: an answer, or a pass. Sealed until both have responded.</summary>
public sealed class QuestionAnswer
{
    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    public Guid DailyQuestionId { get; set; }

    public Guid AuthorId { get; set; }

    public bool Passed { get; set; }

    [Encrypted]
    public string Text { get; set; } = "";

    /// <summary>For a guess question: the author's own choice (index into the question's choices).</summary>
    public int? Choice { get; set; }

    /// <summary>For a guess question: the author's guess of the partner's choice.</summary>
    public int? Guess { get; set; }

    /// <summary>A note to oneself, never shown to the partner on any path.</summary>
    [Encrypted]
    public string PrivateNote { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>What a person did with the partner's revealed answer: a reply, a heart, or "tell me more" (one of each).</summary>
public sealed class QuestionReaction
{
    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    public Guid DailyQuestionId { get; set; }

    public Guid AuthorId { get; set; }

    /// <summary>1 = reply, 2 = heart, 3 = tell me more.</summary>
    public int Kind { get; set; }

    [Encrypted]
    public string Text { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>A library question a person keeps as a favourite (to ask again, or just to keep).</summary>
public sealed class QuestionFavourite
{
    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    public Guid UserId { get; set; }

    public string QuestionId { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class DailyQuestionConfiguration : IEntityTypeConfiguration<DailyQuestionEntry>
{
    public void Configure(EntityTypeBuilder<DailyQuestionEntry> builder)
    {
        builder.ToTable("DailyQuestions");
        builder.Property(q => q.QuestionId).HasMaxLength(16).IsRequired();

        // One question per couple per day, held by the database.
        builder.HasIndex(q => new { q.CoupleId, q.Day }).IsUnique();
        builder.HasOne<Mutuality.Web.Data.Couple>().WithMany().HasForeignKey(q => q.CoupleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuestionAnswerConfiguration : IEntityTypeConfiguration<QuestionAnswer>
{
    public void Configure(EntityTypeBuilder<QuestionAnswer> builder)
    {
        builder.Property(a => a.Text).IsRequired();
        builder.Property(a => a.PrivateNote).IsRequired();
        builder.HasIndex(a => a.CoupleId);

        // One response per person per day's question.
        builder.HasIndex(a => new { a.DailyQuestionId, a.AuthorId }).IsUnique();
        builder.HasIndex(a => a.AuthorId);
        builder.HasOne<DailyQuestionEntry>().WithMany().HasForeignKey(a => a.DailyQuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuestionReactionConfiguration : IEntityTypeConfiguration<QuestionReaction>
{
    public void Configure(EntityTypeBuilder<QuestionReaction> builder)
    {
        builder.Property(r => r.Text).IsRequired();
        builder.HasIndex(r => new { r.DailyQuestionId, r.AuthorId, r.Kind }).IsUnique();
        builder.HasIndex(r => r.CoupleId);
        builder.HasIndex(r => r.AuthorId);
        builder.HasOne<DailyQuestionEntry>().WithMany().HasForeignKey(r => r.DailyQuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuestionFavouriteConfiguration : IEntityTypeConfiguration<QuestionFavourite>
{
    public void Configure(EntityTypeBuilder<QuestionFavourite> builder)
    {
        builder.Property(f => f.QuestionId).HasMaxLength(16).IsRequired();
        builder.HasIndex(f => new { f.UserId, f.CoupleId, f.QuestionId }).IsUnique();
        builder.HasIndex(f => f.CoupleId);
        builder.HasOne<Mutuality.Web.Data.Couple>().WithMany().HasForeignKey(f => f.CoupleId).OnDelete(DeleteBehavior.Cascade);
    }
}
