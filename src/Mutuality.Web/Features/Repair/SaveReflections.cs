using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Common;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Repair.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Repair;

/// <summary>Saving one's private reflections on a guide (issue 19 item 2: one use case, one file). They are never shared.</summary>
public sealed class SaveReflections(AppDbContext db, TimeProvider clock)
{
    /// <summary>Every prompt's text checked first (an error's field is <c>[key]</c>); nothing is stored on any error.</summary>
    public async Task<Result> HandleAsync(Caller caller, Guide guide, IReadOnlyDictionary<string, string?> input, CancellationToken ct = default)
    {
        var texts = new Dictionary<string, string>();
        var errors = new List<DomainError>();
        foreach (var prompt in guide.Prompts)
        {
            var text = TextRules.Optional(input.GetValueOrDefault(prompt.Key), Guides.ReflectionMax, $"[{prompt.Key}]", prompt.Label);
            if (text.IsSuccess)
            {
                texts[prompt.Key] = text.Value;
            }
            else
            {
                errors.AddRange(text.Errors);
            }
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.GuideReflections.Where(r => r.AuthorId == caller.UserId && r.Guide == guide.Slug).ToListAsync(ct);
        foreach (var (key, text) in texts)
        {
            var row = existing.SingleOrDefault(r => r.PromptKey == key);
            if (row is null)
            {
                if (text.Length == 0)
                {
                    continue;
                }

                row = new GuideReflection { Id = Guid.CreateVersion7(), AuthorId = caller.UserId, Guide = guide.Slug, PromptKey = key };
                db.GuideReflections.Add(row);
            }

            row.Text = text;
            row.UpdatedAtUtc = now;
        }

        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }
}
