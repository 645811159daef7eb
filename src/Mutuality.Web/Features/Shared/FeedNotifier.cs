using System.Collections.Concurrent;
using System.Threading.Channels;
using Mutuality.Domain.Support;

namespace Mutuality.Web.Features.Shared;

/// <summary>
/// Tells a person's open pages that their feed changed. In-process (one server); a signal carries no content,
/// so nothing private can leak through it: the page asks for its own, scoped, view of the feed.
/// </summary>
public sealed class FeedNotifier
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, Channel<bool>>> _listeners = new();

    public Subscription Subscribe(Guid userId)
    {
        var channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        var id = Guid.CreateVersion7();
        _listeners.GetOrAdd(userId, _ => new()).TryAdd(id, channel);
        return new Subscription(channel.Reader, () =>
        {
            if (_listeners.TryGetValue(userId, out var set))
            {
                set.TryRemove(id, out _);
            }
        });
    }

    /// <summary>
    /// Every signal goes through here: <paramref name="recipient"/> is told only when the change touches what they may
    /// see, before or after it (<see cref="FeedSignal"/>).
    /// </summary>
    public void Changed(Guid? recipient, bool recipientSawBefore, bool recipientSeesAfter)
    {
        if (FeedSignal.Tell(recipientSawBefore, recipientSeesAfter))
        {
            Notify(recipient);
        }
    }

    /// <summary>A moment of the caller's changed: the partner is told by its visibility before and after (null: none).</summary>
    public void MomentChanged(Guid? partner, Visibility? before, Visibility? after)
        => Changed(partner, FeedSignal.PartnerSees(before), FeedSignal.PartnerSees(after));

    private void Notify(Guid? userId)
    {
        if (userId is { } id && _listeners.TryGetValue(id, out var set))
        {
            foreach (var channel in set.Values)
            {
                channel.Writer.TryWrite(true);
            }
        }
    }

    public sealed class Subscription(ChannelReader<bool> reader, Action unsubscribe) : IDisposable
    {
        /// <summary>Waits for a change; false when the wait timed out (time for a keep-alive).</summary>
        public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct)
        {
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timer.CancelAfter(timeout);
            try
            {
                return await reader.ReadAsync(timer.Token) || true;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return false;
            }
        }

        /// <summary>Takes a signal that has already arrived, without waiting; false when none has.</summary>
        public bool TryTake() => reader.TryRead(out _);

        public void Dispose() => unsubscribe();
    }
}
