using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.CheckIns;
using Mutuality.Domain.Common;
using Mutuality.Web.Data;
using Mutuality.Web.Features.CheckIns.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.CheckIns;

/// <summary>
/// Thanking the partner for an impact they shared, or answering their question (issue 19 item 2: one use case, one
/// file): only after the reveal, once each.
/// </summary>
public sealed class ReplyToCheckIn(AppDbContext db, CheckInQueries checkIns)
{
    public const int MaxReplyLength = 500;

    /// <param name="kind">1 thanks (the words optional), 2 an answer to their question.</param>
    public async Task<Result> HandleAsync(Caller caller, CheckInPeriod period, int kind, string? text, CancellationToken ct = default)
    {
        var label = kind == 1 ? "Your reply" : "Your answer";
        var cleaned = kind == 1
            ? TextRules.Optional(text, MaxReplyLength, "ReplyText", label)
            : TextRules.Required(text, MaxReplyLength, "ReplyText", label);
        if (!cleaned.IsSuccess)
        {
            return Result.Fail(cleaned.Errors);
        }

        var (view, partnerCheckInId) = await checkIns.PartnerViewAsync(caller, period, ct);
        if (!view.IsRevealed)
        {
            return CheckInErrors.NothingToReply;
        }

        var content = view.Content!;
        var allowed = kind switch
        {
            1 => !content.YourImpact.WhatYouDid.IsEmpty || !content.MyImpact.WhatIDid.IsEmpty,
            2 => !content.MyImpact.Question.IsEmpty,
            _ => false,
        };
        if (!allowed)
        {
            return CheckInErrors.NothingToReply;
        }

        db.CheckInReplies.Add(new CheckInReply
        {
            Id = Guid.CreateVersion7(),
            CoupleId = caller.CoupleId!.Value,
            CheckInId = partnerCheckInId!.Value,
            AuthorId = caller.UserId,
            Kind = kind,
            Text = cleaned.Value,
            CreatedAtUtc = checkIns.Now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return kind == 1 ? CheckInErrors.AlreadyThanked : CheckInErrors.AlreadyAnswered;
        }

        return Result.Ok;
    }
}
