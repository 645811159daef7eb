using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Mutuality.Web.Features.Feed;

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

    public void Notify(Guid? userId)
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

        public void Dispose() => unsubscribe();
    }
}
