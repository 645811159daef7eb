using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Features.Questions.Data;

namespace Mutuality.Web.Data;

public abstract partial class AppDbContext
{
    public DbSet<DailyQuestionEntry> DailyQuestions => Set<DailyQuestionEntry>();

    public DbSet<QuestionAnswer> QuestionAnswers => Set<QuestionAnswer>();

    public DbSet<QuestionReaction> QuestionReactions => Set<QuestionReaction>();

    public DbSet<QuestionFavourite> QuestionFavourites => Set<QuestionFavourite>();
}
