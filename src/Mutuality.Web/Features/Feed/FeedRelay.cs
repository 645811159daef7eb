using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Account.Security;
using Mutuality.Web.Features.Shared;
using Mutuality.Web.Infrastructure.Hosting;
using Npgsql;

namespace Mutuality.Web.Features.Feed;

/// <summary>
/// Live feed signals across nodes (issue 18, item 3): PostgreSQL <c>LISTEN/NOTIFY</c> on channel
/// <see cref="Channel"/>. A signal's payload is only the sending node's id and the recipient's id — no content, no
/// couple, no kind of change — so the channel reveals no more than the in-process signal does; each node delivers it to
/// the recipient's pages open there, and the page reads its own scoped view as it does for a local signal.
/// <para>
/// Each node keeps one dedicated (unpooled) listening connection. When it breaks, the node reconnects with back-off
/// (1 s doubling to 30 s) and then tells every page open on it to refresh once, since signals sent meanwhile are lost.
/// A signal is sent with <c>pg_notify</c> on the write's own connection inside its transaction
/// (<see cref="FeedNotifier.Write"/>): PostgreSQL delivers it only when that transaction commits, so a rolled-back write
/// signals nothing.
/// </para>
/// <para>
/// The same listening connection hears channel <see cref="SessionsChannel"/>: the id of a session just signed out
/// (<see cref="SignedOutSessions"/>), so every node checks it against the database at its next request instead of
/// trusting the half-minute it remembers a live session for.
/// </para>
/// Enabled on PostgreSQL with <c>Nodes:Several=true</c> or <c>Nodes:SharedSignals=true</c>.
/// </summary>
public sealed class FeedRelay : BackgroundService
{
    public const string Channel = "mutuality_feed";

    public const string SessionsChannel = "mutuality_sessions";

    private readonly FeedNotifier _notifier;
    private readonly SignedOutSessions _sessions;
    private readonly ILogger<FeedRelay> _logger;
    private readonly string _listen;
    private readonly string _node = Guid.NewGuid().ToString("N");

    public FeedRelay(FeedNotifier notifier, SignedOutSessions sessions, DatabaseOptions options, ILogger<FeedRelay> logger)
    {
        _notifier = notifier;
        _sessions = sessions;
        _logger = logger;
        var connection = options.ConnectionString ?? throw new InvalidOperationException("FeedRelay needs a PostgreSQL connection string.");
        _listen = new NpgsqlConnectionStringBuilder(connection) { Pooling = false, KeepAlive = 10, ApplicationName = "mutuality-feed-listener" }.ConnectionString;
        notifier.Relay = SendAsync;
        sessions.Relay = SendSignedOutAsync;
    }

    /// <summary>Whether this configuration relays signals between nodes.</summary>
    public static bool Enabled(DatabaseOptions options, IConfiguration configuration)
        => options.Provider == DatabaseProvider.Postgres
           && (configuration.GetValue<bool>("Nodes:Several") || configuration.GetValue<bool>("Nodes:SharedSignals"));

    /// <summary>Set once the listening connection is up (tests wait for it rather than for a time).</summary>
    public Task Listening => _listening.Task;

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private volatile string? _problem = "it has not connected to the database yet";

    /// <summary>
    /// Null while the listening connection is up; otherwise why not, in plain words, for <c>/healthz</c> (issue 18,
    /// item 8). Set when the connection breaks, cleared only once <c>LISTEN</c> has succeeded again.
    /// </summary>
    public string? Problem => _problem;

    /// <summary>Queues the signals in the write's transaction: they leave when it commits, and never if it rolls back.</summary>
    private async Task SendAsync(AppDbContext db, IReadOnlyCollection<Guid> recipients, CancellationToken ct)
    {
        foreach (var recipient in recipients)
        {
            var payload = $"{_node}:{recipient:N}";
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {payload})", ct);
        }
    }

    /// <summary>Tells the other nodes that these sessions were signed out (sent after the revocation committed).</summary>
    private async Task SendSignedOutAsync(AppDbContext db, IReadOnlyCollection<Guid> sessionIds, CancellationToken ct)
    {
        foreach (var session in sessionIds)
        {
            var payload = $"{_node}:{session:N}";
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({SessionsChannel}, {payload})", ct);
        }
    }

    /// <summary>Raised after a signed-out session from another node was forgotten here (tests wait for it, not for a time).</summary>
    internal event Action<Guid>? SessionForgotten;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backOff = TimeSpan.FromSeconds(1);
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_listen);
                connection.Notification += (_, e) => Received(e.Channel, e.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}; LISTEN {SessionsChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                if (!first)
                {
                    _logger.LogInformation("The live feed listener is back; open pages on this node refresh.");
                    _notifier.DeliverAll();
                }

                first = false;
                backOff = TimeSpan.FromSeconds(1);
                _problem = null;
                _listening.TrySetResult();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException or TimeoutException)
            {
                first = false;
                _problem = $"it lost its connection to the database and is reconnecting (next try in {backOff.TotalSeconds:0} s): {Plain(e)}";
                _logger.LogWarning(e, "The live feed listener lost its connection; retrying in {Seconds} s.", backOff.TotalSeconds);
                try
                {
                    await Task.Delay(backOff, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backOff = TimeSpan.FromSeconds(Math.Min(30, backOff.TotalSeconds * 2));
            }
        }
    }

    private static string Plain(Exception e) => e is PostgresException p ? p.MessageText : e.Message;

    private void Received(string channel, string payload)
    {
        var parts = payload.Split(':');
        if (parts.Length != 2 || parts[0] == _node || !Guid.TryParseExact(parts[1], "N", out var id))
        {
            return;
        }

        if (channel == SessionsChannel)
        {
            _sessions.ForgetHere(id);
            SessionForgotten?.Invoke(id);
        }
        else
        {
            _notifier.Deliver(id);
        }
    }
}
