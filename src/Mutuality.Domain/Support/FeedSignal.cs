namespace Mutuality.Domain.Support;

/// <summary>
/// THE rule for live-feed signals (issue 12, item 4). A person's open pages are told about a change only when it
/// touches what that person may see — before the change or after it. A new shared item, a private item made shared,
/// a shared item made private or deleted, a response to one's own moment: all signal. A change inside what only the
/// author sees (creating, editing or deleting a private moment) never does: not even its timing may leak.
/// </summary>
public static class FeedSignal
{
    /// <summary>Whether to tell the recipient: they could see the item before, or can see it after.</summary>
    public static bool Tell(bool recipientSawBefore, bool recipientSeesAfter) => recipientSawBefore || recipientSeesAfter;

    /// <summary>Whether the author's partner may see a moment with this visibility (null: it does not exist).</summary>
    public static bool PartnerSees(Visibility? visibility) => visibility == Visibility.Shared;
}
