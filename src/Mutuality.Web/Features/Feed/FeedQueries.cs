using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.People;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Feed.Data;
using Mutuality.Web.Features.Moments.Data;
using Mutuality.Web.Features.Requests.Data;
using Mutuality.Web.Features.Shared;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Feed;

public enum FeedItemKind
{
    Moment = 1,
    Pebble = 2,
    Request = 3,
    Response = 4,
    Reaction = 5,

    /// <summary>A day's question both partners answered (issue 17).</summary>
    Question = 6,
}

/// <summary>One line of the couple feed, already in words (rendered as text, never as markup).</summary>
public sealed record FeedItem(
    FeedItemKind Kind,
    DateTime AtUtc,
    string Headline,
    string? Detail,
    string? Url,
    string? LinkOut,
    Guid? PebbleId,
    PebbleReaction? Reaction,
    bool Quiet,
    bool IsNew,
    bool ByPartner = true);

public sealed record FeedPage(IReadOnlyList<FeedItem> Items, int Page, bool HasMore);

/// <summary>The "this week" panel for one viewer, in their own zone.</summary>
public sealed record WeekPanel(LocalWeek Week, WeekMeasures Measures, string MyName, string PartnerName, int QuietFromPartner);

/// <summary>
/// Reads of the couple feed and the week panel. Every query is scoped to the caller's couple, and moments to
/// "mine, or shared" in the same query, so a private moment never reaches the partner.
/// </summary>
public sealed class FeedQueries(AppDbContext db, TimeProvider clock, ILogger<FeedQueries> logger)
{
    public const int PageSize = 20;

    private async Task<DateTime> SeenAtAsync(Guid userId, CancellationToken ct)
        => await db.FeedCursors.AsNoTracking().Where(c => c.UserId == userId).Select(c => (DateTime?)c.SeenAtUtc).SingleOrDefaultAsync(ct) ?? DateTime.MinValue;

    /// <summary>How many things the partner did since the caller last looked at the feed.</summary>
    public async Task<int> UnreadAsync(Caller caller, CancellationToken ct = default)
    {
        if (caller.CoupleId is not { } coupleId || caller.PartnerId is not { } partnerId)
        {
            return 0;
        }

        // Each count stops once the badge would say "99+": the badge's cost stays the same however long the history
        // (someone who has never opened the feed would otherwise count years of it on every page).
        const int enough = UnreadShownUpTo + 1;
        var seen = await SeenAtAsync(caller.UserId, ct);
        var unread = await db.SupportMoments.AsNoTracking()
            .Where(m => m.CoupleId == coupleId && m.AuthorId == partnerId && m.Visibility == Visibility.Shared && m.CreatedAtUtc > seen)
            .Take(enough).CountAsync(ct);
        if (unread < enough)
        {
            unread += await db.RequestEvents.AsNoTracking()
                .Where(e => e.CoupleId == coupleId && e.ActorId == partnerId && e.AtUtc > seen)
                .Take(enough - unread).CountAsync(ct);
        }

        if (unread < enough)
        {
            unread += await db.SupportMoments.AsNoTracking()
                .Where(m => m.CoupleId == coupleId && m.AuthorId == caller.UserId && m.Visibility == Visibility.Shared
                    && ((m.RespondedAtUtc != null && m.RespondedAtUtc > seen) || (m.ReactedAtUtc != null && m.ReactedAtUtc > seen)))
                .Take(enough - unread).CountAsync(ct);
        }

        if (unread < enough)
        {
            // Issue 17: a day's question the partner's answer revealed (both answered, the caller first) since the
            // caller last looked. Before the caller answers, the partner's answer counts nowhere: the seal.
            unread += await db.QuestionAnswers.AsNoTracking()
                .Where(t => t.CoupleId == coupleId && t.AuthorId == partnerId && !t.Passed && t.CreatedAtUtc > seen
                    && db.QuestionAnswers.Any(m => m.DailyQuestionId == t.DailyQuestionId && m.AuthorId == caller.UserId && !m.Passed && m.CreatedAtUtc < t.CreatedAtUtc))
                .Take(enough - unread).CountAsync(ct);
        }

        return unread;
    }

    /// <summary>The badge shows counts up to this; anything more is "99+" (and <see cref="UnreadAsync"/> stops counting there).</summary>
    public const int UnreadShownUpTo = 99;

    /// <summary>What the badge says for an unread count.</summary>
    public static string BadgeText(int unread)
        => unread > UnreadShownUpTo ? $"{UnreadShownUpTo}+" : unread.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Marks the feed as read up to now. A write on a read: when the database takes no writes (a full disk, read-only)
    /// the feed is still shown, only not marked read, and that is logged as a warning (issue 20).
    /// </summary>
    public async Task MarkSeenAsync(Caller caller, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            var updated = await db.FeedCursors.Where(c => c.UserId == caller.UserId).ExecuteUpdateAsync(s => s.SetProperty(c => c.SeenAtUtc, now), ct);
            if (updated == 0)
            {
                db.FeedCursors.Add(new FeedCursor { UserId = caller.UserId, SeenAtUtc = now });
                await db.SaveChangesAsync(ct);
            }
        }
        catch (Exception e) when (Infrastructure.Hosting.StorageUnavailable.IsStorageAway(e))
        {
            db.ChangeTracker.Clear();
            logger.LogWarning("Could not mark the feed read ({Reason}); it is shown all the same", e.GetBaseException().Message);
        }
        catch (DbUpdateException)
        {
            // Another tab marked it at the same moment.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Issue 16: the latest things the partner did (their own steps only: what the caller did is on the feed, not under
    /// "From partner" on home), reading at most a few pages of the feed.
    /// </summary>
    public async Task<IReadOnlyList<FeedItem>> LatestFromPartnerAsync(Caller caller, int count, CancellationToken ct = default)
    {
        var found = new List<FeedItem>(count);
        for (var page = 1; page <= 3 && found.Count < count; page++)
        {
            var items = await PageAsync(caller, page, ct);
            found.AddRange(items.Items.Where(i => i.ByPartner).Take(count - found.Count));
            if (!items.HasMore)
            {
                break;
            }
        }

        return found;
    }

    /// <summary>The partner's shared moments and pebbles, the whole history of requests, and the partner's responses, newest first.</summary>
    public async Task<FeedPage> PageAsync(Caller caller, int page, CancellationToken ct = default)
    {
        if (caller.CoupleId is not { } coupleId || caller.PartnerId is not { } partnerId)
        {
            return new FeedPage([], 1, false);
        }

        page = Math.Clamp(page, 1, 1000);
        var take = (page * PageSize) + 1;
        var seen = await SeenAtAsync(caller.UserId, ct);
        var me = caller.DisplayName;
        var partner = caller.PartnerName ?? "Your partner";
        var zone = caller.TimeZoneId;

        var moments = await db.SupportMoments.AsNoTracking()
            .Where(m => m.CoupleId == coupleId && m.AuthorId == partnerId && m.Visibility == Visibility.Shared)
            .OrderByDescending(m => m.CreatedAtUtc).Take(take)
            .Select(m => new { m.Id, m.Kind, m.Direction, m.Type, m.Note, m.Link, m.OccurredAtUtc, m.CreatedAtUtc, m.ResponseKind, m.Reaction })
            .ToListAsync(ct);
        var responses = await db.SupportMoments.AsNoTracking()
            .Where(m => m.CoupleId == coupleId && m.AuthorId == caller.UserId && m.Visibility == Visibility.Shared && m.RespondedAtUtc != null)
            .OrderByDescending(m => m.RespondedAtUtc).Take(take)
            .Select(m => new { m.Id, m.Type, m.ResponseKind, m.ResponseRating, m.ResponseNote, At = m.RespondedAtUtc!.Value })
            .ToListAsync(ct);
        var reactions = await db.SupportMoments.AsNoTracking()
            .Where(m => m.CoupleId == coupleId && m.AuthorId == caller.UserId && m.Kind == MomentKind.Pebble && m.Reaction != null && m.ReactedAtUtc != null)
            .OrderByDescending(m => m.ReactedAtUtc).Take(take)
            .Select(m => new { m.Note, m.Reaction, At = m.ReactedAtUtc!.Value })
            .ToListAsync(ct);
        var events = await (
                from e in db.RequestEvents.AsNoTracking()
                join r in db.SupportRequests.AsNoTracking() on e.RequestId equals r.Id
                where e.CoupleId == coupleId && r.CoupleId == coupleId
                orderby e.AtUtc descending
                select new { e.RequestId, e.ActorId, e.Kind, e.Text, e.ProposedAtUtc, e.GivenType, e.Outcome, e.AtUtc, r.Need, r.AskedType })
            .Take(take)
            .ToListAsync(ct);

        var items = new List<FeedItem>(take * 2);
        foreach (var m in moments)
        {
            if (m.Kind == MomentKind.Pebble)
            {
                items.Add(new FeedItem(FeedItemKind.Pebble, m.CreatedAtUtc, $"{partner} sent you a pebble", m.Note.Length > 0 ? m.Note : null, null, m.Link, m.Id, m.Reaction, false, m.CreatedAtUtc > seen));
                continue;
            }

            var quiet = m.Direction == MomentDirection.Gave && m.ResponseKind is null;
            var headline = m.Direction == MomentDirection.Gave
                ? $"{partner} gave you {SupportText.TypeWord(m.Type)} support"
                : $"{partner} received {SupportText.TypeWord(m.Type)} support from you";
            items.Add(new FeedItem(FeedItemKind.Moment, m.CreatedAtUtc, headline, m.Note.Length > 0 ? m.Note : null, $"/Moments/View/{m.Id}", null, null, null, quiet, m.CreatedAtUtc > seen));
        }

        foreach (var r in responses)
        {
            var words = SupportText.ResponseWords(r.ResponseKind!.Value, r.ResponseRating);
            items.Add(new FeedItem(FeedItemKind.Response, r.At, $"{partner} responded to your {SupportText.TypeWord(r.Type)} support: {words}", r.ResponseNote, $"/Moments/View/{r.Id}", null, null, null, false, r.At > seen));
        }

        foreach (var r in reactions)
        {
            items.Add(new FeedItem(FeedItemKind.Reaction, r.At, $"{partner} reacted to your pebble: {SupportText.ReactionWords(r.Reaction!.Value)}", r.Note.Length > 0 ? r.Note : null, null, null, null, null, false, r.At > seen));
        }

        foreach (var e in events)
        {
            var who = e.ActorId == caller.UserId ? "You" : partner;
            var headline = e.Kind switch
            {
                Domain.Support.RequestEventKind.Asked => $"{who} asked for {SupportText.TypeWord(e.AskedType)} support",
                Domain.Support.RequestEventKind.TookOn => $"{who} said \u201cI'm on it\u201d",
                Domain.Support.RequestEventKind.ProposedTime => $"{who} asked \u201ccan we do it at {(e.ProposedAtUtc is { } p ? SupportText.When(p, zone) : "another time")}?\u201d",
                Domain.Support.RequestEventKind.DeclinedWithAlternative => $"{who} can't, but offered something else",
                Domain.Support.RequestEventKind.AcceptedProposal => $"{who} accepted the proposed time",
                Domain.Support.RequestEventKind.DeclinedProposal => $"{who} would rather not at that time",
                Domain.Support.RequestEventKind.AcceptedAlternative => $"{who} accepted the alternative",
                Domain.Support.RequestEventKind.MarkedDone => $"{who} marked it done ({SupportText.TypeWord(e.GivenType ?? e.AskedType)} support)",
                Domain.Support.RequestEventKind.Closed => $"{who} closed it as {SupportText.OutcomeWords(e.Outcome ?? RequestOutcome.Met)}",
                Domain.Support.RequestEventKind.Withdrew => $"{who} withdrew the request",
                _ => $"{who} updated a request",
            };
            var detail = e.Kind == Domain.Support.RequestEventKind.Asked ? e.Need : e.Text;
            items.Add(new FeedItem(FeedItemKind.Request, e.AtUtc, headline, detail, $"/Requests/View/{e.RequestId}", null, null, null, false, e.ActorId != caller.UserId && e.AtUtc > seen, e.ActorId != caller.UserId));
        }

        // Issue 17: revealed questions only (the seal decides, as on the question page), at the moment the second answer came.
        foreach (var s in await new Questions.QuestionService(db, clock).SharedAsync(caller, take: take, ct: ct))
        {
            var theirWords = Questions.ReportQuestions.Say(s.Question, s.Theirs.Choice, s.Theirs.Text);
            items.Add(new FeedItem(FeedItemKind.Question, s.RevealedAtUtc, $"You both answered “{s.Question.Text}”", $"{partner}: {theirWords}", $"/Questions/{Questions.IndexModel.DayKey(s.Day)}", null, null, null, false, s.RevealedAtUtc > seen && s.RevealedAtUtc > s.Mine.CreatedAtUtc));
        }

        var ordered = items.OrderByDescending(i => i.AtUtc).Skip((page - 1) * PageSize).Take(PageSize + 1).ToList();
        var hasMore = ordered.Count > PageSize;
        return new FeedPage(ordered.Take(PageSize).ToList(), page, hasMore);
    }

    /// <summary>Moments the caller may see (their own, and the partner's shared ones) as facts for the measures.</summary>
    public async Task<List<MomentFact>> MomentFactsAsync(Caller caller, DateTime fromUtc, DateTime toUtc, CancellationToken ct = default)
        => await db.SupportMoments.AsNoTracking()
            .Where(m => m.CoupleId == caller.CoupleId && (m.AuthorId == caller.UserId || m.Visibility == Visibility.Shared)
                && m.OccurredAtUtc >= fromUtc && m.OccurredAtUtc < toUtc)
            .Select(m => new MomentFact(m.AuthorId, m.Direction, m.Kind, m.OccurredAtUtc, m.ResponseKind, m.ResponseRating))
            .ToListAsync(ct);

    /// <summary>Requests made, or fulfilled, in a range, as facts for the measures.</summary>
    public async Task<List<RequestFact>> RequestFactsAsync(Caller caller, DateTime fromUtc, DateTime toUtc, CancellationToken ct = default)
        => await db.SupportRequests.AsNoTracking()
            .Where(r => r.CoupleId == caller.CoupleId
                && ((r.CreatedAtUtc >= fromUtc && r.CreatedAtUtc < toUtc) || (r.DoneAtUtc != null && r.DoneAtUtc >= fromUtc && r.DoneAtUtc < toUtc)))
            .Select(r => new RequestFact(r.RequesterId, r.PartnerId, r.AskedType, r.CreatedAtUtc, r.WindowEndsUtc, r.State, r.FirstAnsweredAtUtc, r.GivenType, r.DoneAtUtc, r.Outcome))
            .ToListAsync(ct);

    /// <summary>This week in the viewer's own zone: M1–M4 and quiet support, from what the viewer may see.</summary>
    public async Task<WeekPanel?> WeekAsync(Caller caller, CancellationToken ct = default)
    {
        if (caller.CoupleId is null || caller.PartnerId is not { } partnerId)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var week = Weeks.Of(now, TimeZones.FindOrUtc(caller.TimeZoneId));
        var moments = await MomentFactsAsync(caller, week.StartUtc, week.EndUtc, ct);
        var requests = await RequestFactsAsync(caller, week.StartUtc, week.EndUtc, ct);
        var measures = Domain.Support.Measures.ForWindow(caller.UserId, partnerId, moments, requests, week.StartUtc, week.EndUtc, now);
        return new WeekPanel(week, measures, caller.DisplayName, caller.PartnerName ?? "Your partner", measures.Balance.QuietB);
    }
}
