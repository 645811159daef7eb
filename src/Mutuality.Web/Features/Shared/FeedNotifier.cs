using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;

namespace Mutuality.Web.Features.Shared;

/// <summary>
/// Tells a person's open pages that their feed changed. A signal carries no content (only the recipient's id), so
/// nothing private can leak through it: the page asks for its own, scoped, view of the feed. On one node it stays
/// in process; with several nodes the <see cref="Feed.FeedRelay"/> also sends it to the other nodes (issue 18, item 3).
/// <para>
/// A write signals through a <see cref="Write"/> (<see cref="BeginAsync"/>): the signals it collects go out with the
/// write's transaction — with the relay, <c>pg_notify</c> runs inside it, so PostgreSQL delivers them only if it
/// commits — and reach this node's pages after the commit. A write that fails or rolls back signals nothing.
/// </para>
/// </summary>
public sealed class FeedNotifier
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, Channel<bool>>> _listeners = new();

    /// <summary>
    /// Set by <see cref="Feed.FeedRelay"/> when signals cross nodes: sends the recipients' signals on the write's own
    /// connection, inside its transaction.
    /// </summary>
    internal Func<AppDbContext, IReadOnlyCollection<Guid>, CancellationToken, Task>? Relay { get; set; }

    /// <summary>
    /// Starts a write that signals. With the relay (several nodes) it opens a transaction on <paramref name="db"/>
    /// unless one is open, so the NOTIFY commits with the write; with <paramref name="transaction"/> it always does
    /// (for a write of several statements that must commit together anyway). On one node without one, the statements
    /// commit as they run and the signals are delivered at <see cref="Write.CommitAsync"/>, after them.
    /// </summary>
    public async Task<Write> BeginAsync(AppDbContext db, bool transaction = false, CancellationToken ct = default)
    {
        var own = (transaction || Relay is not null) && db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(ct)
            : null;
        return new Write(this, db, own);
    }

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
    /// One write's signals, sent when it commits (<see cref="CommitAsync"/>); disposed without that, its own transaction
    /// rolls back and nothing is signalled.
    /// </summary>
    public sealed class Write(FeedNotifier notifier, AppDbContext db, IDbContextTransaction? own) : IAsyncDisposable
    {
        private readonly HashSet<Guid> _recipients = [];

        /// <summary>
        /// Every signal goes through here: <paramref name="recipient"/> is told only when the change touches what they
        /// may see, before or after it (<see cref="FeedSignal"/>).
        /// </summary>
        public void Changed(Guid? recipient, bool recipientSawBefore, bool recipientSeesAfter)
        {
            if (recipient is { } id && FeedSignal.Tell(recipientSawBefore, recipientSeesAfter))
            {
                _recipients.Add(id);
            }
        }

        /// <summary>A moment of the caller's changed: the partner is told by its visibility before and after (null: none).</summary>
        public void MomentChanged(Guid? partner, Visibility? before, Visibility? after)
            => Changed(partner, FeedSignal.PartnerSees(before), FeedSignal.PartnerSees(after));

        /// <summary>
        /// Sends the signals inside the write's transaction (relay), commits it when this write opened it, then tells
        /// this node's pages.
        /// </summary>
        public async Task CommitAsync(CancellationToken ct = default)
        {
            if (_recipients.Count > 0 && notifier.Relay is { } relay)
            {
                await relay(db, _recipients, ct);
            }

            if (own is not null)
            {
                await own.CommitAsync(ct);
            }

            foreach (var id in _recipients)
            {
                notifier.Deliver(id);
            }

            _recipients.Clear();
        }

        public async ValueTask DisposeAsync()
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
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
