using Npgsql;

namespace Mutuality.Web.Infrastructure.Hosting;

/// <summary>
/// One node works each tick of a background job. On PostgreSQL the tick takes a session advisory lock
/// (<c>pg_try_advisory_lock</c>, keys in <see cref="AdvisoryLocks"/>) on a connection of its own: a node that finds it
/// held skips this tick, because another node is doing the same work right now. On SQLite there is one node, and the
/// work just runs. The jobs' own claims (ledger rows, leases) still decide what is sent; the lock keeps several
/// nodes from doing the same scan and racing for every claim.
/// </summary>
public sealed class NodeTicks
{
    private readonly string? _postgres;

    public NodeTicks(DatabaseOptions options)
        => _postgres = options.Provider == DatabaseProvider.Postgres && options.ConnectionString is { Length: > 0 } configured
            ? new NpgsqlConnectionStringBuilder(configured) { Pooling = false }.ConnectionString // a session lock must not go back to a pool
            : null;

    /// <summary>Runs <paramref name="work"/> unless another node holds the tick; returns whether it ran.</summary>
    public async Task<bool> TryRunAsync(long key, Func<CancellationToken, Task> work, CancellationToken ct = default)
    {
        if (_postgres is null)
        {
            await work(ct);
            return true;
        }

        await using var connection = new NpgsqlConnection(_postgres);
        await connection.OpenAsync(ct);
        await using (var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection))
        {
            take.Parameters.AddWithValue("key", key);
            if (await take.ExecuteScalarAsync(ct) is not true)
            {
                return false;
            }
        }

        try
        {
            await work(ct);
            return true;
        }
        finally
        {
            // Closing the session would release it too; saying so keeps the lock's life plain to read.
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            release.Parameters.AddWithValue("key", key);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
