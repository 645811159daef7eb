using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Couples;
using Npgsql;

namespace Mutuality.Web.Infrastructure.Hosting;

/// <summary>
/// Issue 18, item 7 (docs/adr/0007-read-replicas.md): an optional PostgreSQL standby for heavy reads (Insights, the
/// report, export building, digests), used for a couple only when it has replayed at least up to the couple's latest
/// committed write (<see cref="CoupleReadMark"/>); otherwise, or when it cannot say, the primary answers. The privacy
/// filters inside those reads are authorisation too: a moment just made private, a couple just left or an account just
/// deleted must never come back from a lagging standby. Set with <c>ConnectionStrings:Replica</c> (PostgreSQL only).
/// </summary>
public sealed class ReadReplica : IDisposable
{
    public const string Setting = "ConnectionStrings:Replica";

    private readonly NpgsqlDataSource _probe;
    private readonly ILogger<ReadReplica> _logger;
    private int _failing;
    private long _replicaReads;
    private long _primaryReads;

    public ReadReplica(string connectionString, ILogger<ReadReplica> logger)
    {
        ConnectionString = DatabaseSetup.PostgresConnectionString(connectionString);

        // The probe is one cheap query on its own small pool, with short limits: a standby that is away or slow sends
        // the read to the primary instead of holding the page.
        var probe = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 2, CommandTimeout = 2, MaxPoolSize = 4 };
        _probe = NpgsqlDataSource.Create(probe);
        _logger = logger;
    }

    /// <summary>The standby's connection string for the heavy reads themselves.</summary>
    public string ConnectionString { get; }

    /// <summary>Heavy reads the standby answered, and those it did not (for tests and diagnostics).</summary>
    public long ReplicaReads => Interlocked.Read(ref _replicaReads);

    public long PrimaryReads => Interlocked.Read(ref _primaryReads);

    /// <summary>
    /// Reads <c>ConnectionStrings:Replica</c>: null when unset; a misconfiguration (another provider, a string Npgsql
    /// cannot read) stops the app at start.
    /// </summary>
    public static string? Configured(IConfiguration configuration, DatabaseOptions options)
    {
        var replica = configuration[Setting];
        if (string.IsNullOrWhiteSpace(replica))
        {
            return null;
        }

        if (options.Provider != DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("ConnectionStrings:Replica is set but Database:Provider is not Postgres: a read replica is a PostgreSQL standby. Remove the setting, or run on PostgreSQL.");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(replica);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"ConnectionStrings:Replica must be a PostgreSQL connection string ({e.Message}).", e);
        }

        return replica;
    }

    /// <summary>
    /// Whether the standby has replayed <paramref name="lsn"/>. Any error (the standby stopped, not in recovery, too
    /// slow) is a no, logged once until it answers again.
    /// </summary>
    internal async Task<bool> HasReplayedAsync(long lsn, CancellationToken ct)
    {
        try
        {
            await using var command = _probe.CreateCommand("SELECT (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint");
            var replayed = await command.ExecuteScalarAsync(ct);
            if (replayed is not long at)
            {
                Failing("it is not a standby (pg_last_wal_replay_lsn() is null)");
                return false;
            }

            if (Interlocked.Exchange(ref _failing, 0) == 1)
            {
                _logger.LogInformation("The read replica answers again; heavy reads may use it");
            }

            return at >= lsn;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or IOException)
        {
            Failing(e.Message);
            return false;
        }
    }

    private void Failing(string why)
    {
        if (Interlocked.Exchange(ref _failing, 1) == 0)
        {
            _logger.LogWarning("The read replica cannot be used ({Reason}); heavy reads go to the primary until it answers", why);
        }
    }

    internal void Counted(bool replica)
    {
        if (replica)
        {
            Interlocked.Increment(ref _replicaReads);
        }
        else
        {
            Interlocked.Increment(ref _primaryReads);
        }
    }

    public void Dispose() => _probe.Dispose();
}

/// <summary>
/// Where a heavy read goes (<see cref="ReadReplica"/>). <see cref="ForCoupleAsync"/> points the request's context at the
/// standby when that is safe for the couple, until the returned handle is disposed; everything else (authorisation,
/// the seal, the caller lookup, every write) keeps reading the primary. Without a replica it does nothing.
/// </summary>
public sealed class ReadRouting(AppDbContext db, IServiceProvider services)
{
    private static readonly IAsyncDisposable Nothing = new Restore(null, null);

    /// <summary>
    /// Sends this context's reads to the standby, if it has replayed the couple's latest committed write and no write
    /// of the couple is under way; else leaves them on the primary. Dispose the handle before anything else uses the
    /// context (await using).
    /// </summary>
    public async Task<IAsyncDisposable> ForCoupleAsync(Guid? coupleId, CancellationToken ct = default)
    {
        var replica = services.GetService<ReadReplica>();
        if (replica is null || coupleId is not { } couple)
        {
            return Nothing;
        }

        var connection = db.Database.GetDbConnection();
        var useReplica = connection.State == ConnectionState.Closed
                         && db.Database.CurrentTransaction is null
                         && await CoupleReadMark.LatestAsync(db, couple, ct) is { InFlight: 0 } mark
                         && await replica.HasReplayedAsync(mark.Lsn, ct);
        replica.Counted(useReplica);
        if (!useReplica)
        {
            return Nothing;
        }

        var primary = db.Database.GetConnectionString();
        db.Database.SetConnectionString(replica.ConnectionString);
        return new Restore(db, primary);
    }

    private sealed class Restore(AppDbContext? db, string? primary) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (db is null)
            {
                return;
            }

            await db.Database.CloseConnectionAsync();
            db.Database.SetConnectionString(primary);
        }
    }
}

/// <summary>
/// A couple's latest committed write, as a WAL position of the primary (<c>pg_current_wal_insert_lsn()</c> read after
/// the write committed), and how many requests that may write for the couple are under way. Holds no person's id or
/// words. Kept on PostgreSQL when a read replica is configured (<see cref="WriteMarks"/>).
/// </summary>
public sealed class CoupleReadMark
{
    public Guid CoupleId { get; set; }

    /// <summary>The primary's WAL insert position after the couple's latest finished write, as a number of bytes.</summary>
    public long Lsn { get; set; }

    /// <summary>Requests of the couple's members that may write and have not finished; while any is, reads use the primary.</summary>
    public int InFlight { get; set; }

    internal static async Task<CoupleReadMark?> LatestAsync(AppDbContext db, Guid couple, CancellationToken ct)
        => await db.Set<CoupleReadMark>().AsNoTracking().Where(m => m.CoupleId == couple).SingleOrDefaultAsync(ct);
}

public sealed class CoupleReadMarkConfiguration : IEntityTypeConfiguration<CoupleReadMark>
{
    public void Configure(EntityTypeBuilder<CoupleReadMark> builder)
    {
        builder.ToTable("CoupleReadMarks");
        builder.HasKey(x => x.CoupleId);
    }
}

/// <summary>
/// Records each couple's latest committed write for <see cref="ReadRouting"/>: every request that may write (any
/// method but GET, HEAD, OPTIONS) by a signed-in person counts as under way for the couples they belong to before it
/// runs (so a read that starts after a write commits but before its mark is recorded still goes to the primary), and
/// when it has finished, the primary's WAL insert position is recorded for those couples and the one they belong to
/// after it (joining, leaving and deleting an account change that). A request that dies between the two leaves its
/// couple on the primary until the couple's next write finishes — safe, if slower.
/// <para>Writes made by GET requests (marking the feed read, a session's last-seen time) and by the background workers
/// change nothing the heavy reads filter on, and are not recorded.</para>
/// </summary>
public sealed class WriteMarks(RequestDelegate next)
{
    private const string Position = "(pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint";

    public async Task InvokeAsync(HttpContext http, AppDbContext db)
    {
        var method = http.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || CallerContext.UserIdOf(http.User) is not { } user)
        {
            await next(http);
            return;
        }

        var before = await RunAsync(db, $"""
            INSERT INTO "CoupleReadMarks" ("CoupleId", "Lsn", "InFlight")
            SELECT "CoupleId", 0, 1 FROM "CoupleMembers" WHERE "UserId" = @user AND "LeftAtUtc" IS NULL
            ON CONFLICT ("CoupleId") DO UPDATE SET "InFlight" = "CoupleReadMarks"."InFlight" + 1
            RETURNING "CoupleId"
            """, user, [], http.RequestAborted);
        try
        {
            await next(http);
        }
        finally
        {
            // Not the request's token: the mark must be written even when the client has gone. If it cannot be written
            // (the database is away), the couple stays "under way" and reads the primary: safe, and nothing to add to
            // the request's own failure.
            try
            {
                await RunAsync(db, $"""
                WITH ended AS (
                    UPDATE "CoupleReadMarks" SET "InFlight" = GREATEST("InFlight" - 1, 0), "Lsn" = GREATEST("Lsn", {Position})
                    WHERE "CoupleId" = ANY(@before) RETURNING "CoupleId")
                INSERT INTO "CoupleReadMarks" ("CoupleId", "Lsn", "InFlight")
                SELECT "CoupleId", {Position}, 0 FROM "CoupleMembers" WHERE "UserId" = @user AND "LeftAtUtc" IS NULL AND NOT ("CoupleId" = ANY(@before))
                ON CONFLICT ("CoupleId") DO UPDATE SET "Lsn" = GREATEST("CoupleReadMarks"."Lsn", EXCLUDED."Lsn")
                RETURNING "CoupleId"
                """, user, before, CancellationToken.None);
            }
            catch (Exception e) when (e is DbException or TimeoutException or InvalidOperationException)
            {
                http.RequestServices.GetRequiredService<ILogger<WriteMarks>>().LogWarning("Could not record a couple's latest write for the read replica ({Reason}); the couple reads the primary until its next write", e.Message);
            }
        }
    }

    private static async Task<Guid[]> RunAsync(AppDbContext db, string sql, Guid user, Guid[] before, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            Add(command, "user", user);
            Add(command, "before", before);
            var couples = new List<Guid>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                couples.Add(reader.GetGuid(0));
            }

            return [.. couples];
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
