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
        var viewerSent = mine is not null && mine.AuthorId == viewerId && mine.Submitted;
        var partnerSent = theirs is not null && theirs.AuthorId != viewerId && theirs.Submitted && theirs.Period == mine?.Period;
        var stage = Stage(viewerSent, partnerSent);
        return new PartnerView(stage, stage == RevealStage.Revealed ? PartnerVisible(theirs!.Content) : null);
    }

    /// <summary>
    /// The seal itself, shared by check-ins and the daily question (Questions.QuestionReveal): until the viewer has
    /// sent theirs, nothing of the partner's is known — not even whether they sent; once the viewer has, they wait;
    /// only when both have sent is anything of the partner's shown.
    /// </summary>
    /// <param name="viewerSent">The viewer has sent their own (a draft does not count).</param>
    /// <param name="partnerSent">The partner has sent theirs for the same period or question.</param>
    public static RevealStage Stage(bool viewerSent, bool partnerSent)
        => !viewerSent ? RevealStage.SealedUntilYouCheckIn
            : !partnerSent ? RevealStage.WaitingForPartner
            : RevealStage.Revealed;

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
