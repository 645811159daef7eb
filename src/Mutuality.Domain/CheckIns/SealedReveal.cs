namespace Mutuality.Domain.CheckIns;

/// <summary>A check-in as the reveal rule needs it: whose, for which period, sent or still a draft, and its content.</summary>
public sealed record CheckInState(Guid AuthorId, CheckInPeriod Period, bool Submitted, CheckInContent Content);

/// <summary>Where a viewer stands with their partner's check-in for a period.</summary>
public enum RevealStage
{
    /// <summary>The viewer has not sent their own check-in: nothing of the partner's is known, not even whether they began.</summary>
    SealedUntilYouCheckIn,

    /// <summary>The viewer has sent theirs; the partner has not sent theirs yet (drafts don't count and are not shown).</summary>
    WaitingForPartner,

    /// <summary>Both have sent: the partner's partner-visible fields can be seen.</summary>
    Revealed,
}

/// <summary>What a viewer may see of the partner's check-in: a stage, and content only when revealed.</summary>
public sealed record PartnerView(RevealStage Stage, CheckInContent? Content)
{
    public bool IsRevealed => Stage == RevealStage.Revealed;
}

/// <summary>
/// THE sealed-reveal rule, in one place. Every page, endpoint, feed or export that shows anything of a partner's
/// check-in asks this function first and shows only what it returns.
/// </summary>
public static class SealedReveal
{
    /// <summary>
    /// Decides what <paramref name="viewerId"/> may see of their partner's check-in for one period.
    /// Nothing until both have submitted for that same period; after that only partner-visible fields.
    /// </summary>
    /// <param name="viewerId">The person looking.</param>
    /// <param name="mine">The viewer's own check-in for the period, if any.</param>
    /// <param name="theirs">The partner's check-in for the period, if any (draft or sent).</param>
    public static PartnerView See(Guid viewerId, CheckInState? mine, CheckInState? theirs)
    {
        if (mine is null || mine.AuthorId != viewerId || !mine.Submitted)
        {
            return new PartnerView(RevealStage.SealedUntilYouCheckIn, null);
        }

        if (theirs is null || theirs.AuthorId == viewerId || !theirs.Submitted || theirs.Period != mine.Period)
        {
            return new PartnerView(RevealStage.WaitingForPartner, null);
        }

        return new PartnerView(RevealStage.Revealed, PartnerVisible(theirs.Content));
    }

    /// <summary>The content with every private field blanked (text emptied, tone and association cleared).</summary>
    public static CheckInContent PartnerVisible(CheckInContent content)
    {
        static SharedText Keep(SharedText s) => s.Visibility == Visibility.Partner ? s : SharedText.Empty(Visibility.Private);
        static StateReport Report(StateReport r) => r with { Desires = Keep(r.Desires), GoalsNow = Keep(r.GoalsNow), GoalsLater = Keep(r.GoalsLater) };

        var yourImpact = content.YourImpact.WhatYouDid.Visibility == Visibility.Partner
            ? content.YourImpact
            : YourImpact.Empty;
        return new CheckInContent(
            Report(content.Me),
            Report(content.Guess),
            new MyImpact(Keep(content.MyImpact.WhatIDid), Keep(content.MyImpact.HowItLanded), Keep(content.MyImpact.Question)),
            yourImpact);
    }
}
