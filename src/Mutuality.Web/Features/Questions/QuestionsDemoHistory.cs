using Mutuality.Web.Data;
using Mutuality.Web.Features.Demo;

namespace Mutuality.Web.Features.Questions;

/// <summary>Months of daily questions for Robin and Sam (filled in below).</summary>
public sealed class QuestionsDemoHistory(AppDbContext db) : IDemoHistory
{
    public Task SeedAsync(DemoCouple couple, CancellationToken ct) => Task.CompletedTask;

    private AppDbContext Db => db;
}
