using Mutuality.Web.Infrastructure.Hosting;
using Mutuality.Web.Features.Shared;
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
/// Sending is after the write committed (the commands signal after <c>SaveChanges</c>): a rolled-back write never
/// reaches the signal, so it signals nothing.
/// </para>
/// Enabled on PostgreSQL with <c>Nodes:Several=true</c> or <c>Nodes:SharedSignals=true</c>.
/// </summary>
public sealed class FeedRelay : BackgroundService
{
    public const string Channel = "mutuality_feed";

    private readonly FeedNotifier _notifier;
    private readonly ILogger<FeedRelay> _logger;
    private readonly string _listen;
    private readonly NpgsqlDataSource _send;
    private readonly string _node = Guid.NewGuid().ToString("N");

    public FeedRelay(FeedNotifier notifier, DatabaseOptions options, ILogger<FeedRelay> logger)
    {
        _notifier = notifier;
        _logger = logger;
        var connection = options.ConnectionString ?? throw new InvalidOperationException("FeedRelay needs a PostgreSQL connection string.");
        _listen = new NpgsqlConnectionStringBuilder(connection) { Pooling = false, KeepAlive = 10, ApplicationName = "mutuality-feed-listener" }.ConnectionString;
        _send = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connection) { MaxPoolSize = 4 }.ConnectionString);
        notifier.Relay = Send;
    }

    /// <summary>Whether this configuration relays signals between nodes.</summary>
    public static bool Enabled(DatabaseOptions options, IConfiguration configuration)
        => options.Provider == DatabaseProvider.Postgres
           && (configuration.GetValue<bool>("Nodes:Several") || configuration.GetValue<bool>("Nodes:SharedSignals"));

    /// <summary>Set once the listening connection is up (tests wait for it rather than for a time).</summary>
    public Task Listening => _listening.Task;

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Send(Guid recipient)
        => _ = SendAsync(recipient);

    private async Task SendAsync(Guid recipient)
    {
        try
        {
            await using var command = _send.CreateCommand("SELECT pg_notify(@channel, @payload)");
            command.Parameters.AddWithValue("channel", Channel);
            command.Parameters.AddWithValue("payload", $"{_node}:{recipient:N}");
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // The other nodes' pages catch up when their listener reconnects (refresh) or at their next load.
            _logger.LogWarning(e, "A live feed signal could not be sent to the other nodes.");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backOff = TimeSpan.FromSeconds(1);
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_listen);
                connection.Notification += (_, e) => Received(e.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
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

    private void Received(string payload)
    {
        var parts = payload.Split(':');
        if (parts.Length == 2 && parts[0] != _node && Guid.TryParseExact(parts[1], "N", out var recipient))
        {
            _notifier.Deliver(recipient);
        }
    }

    public override void Dispose()
    {
        _send.Dispose();
        base.Dispose();
    }
}
