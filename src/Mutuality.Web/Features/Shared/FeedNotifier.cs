using System.Collections.Concurrent;
using System.Threading.Channels;
using Mutuality.Domain.Support;

namespace Mutuality.Web.Features.Shared;

/// <summary>
/// Tells a person's open pages that their feed changed. A signal carries no content (only the recipient's id), so
/// nothing private can leak through it: the page asks for its own, scoped, view of the feed. On one node it stays
/// in process; with several nodes the <see cref="Feed.FeedRelay"/> also sends it to the other nodes (issue 18, item 3).
/// </summary>
public sealed class FeedNotifier
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, Channel<bool>>> _listeners = new();

    /// <summary>Set by <see cref="Feed.FeedRelay"/> when signals cross nodes: called with the recipient's id.</summary>
    internal Action<Guid>? Relay { get; set; }

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
        if (userId is { } id)
        {
            Deliver(id);
            Relay?.Invoke(id);
        }
    }

    /// <summary>Tells this node's open pages of <paramref name="userId"/> (a signal from here or from another node).</summary>
    internal void Deliver(Guid userId)
    {
        if (_listeners.TryGetValue(userId, out var set))
        {
            foreach (var channel in set.Values)
            {
                channel.Writer.TryWrite(true);
            }
        }
    }

    /// <summary>
    /// Tells every open page on this node to refresh: after the relay's listening connection came back, signals sent
    /// while it was away are lost, so each page asks for its own view once (it shows nothing it may not see).
    /// </summary>
    internal void DeliverAll()
    {
        foreach (var set in _listeners.Values)
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
