using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Hosting;

namespace Mutuality.Web.Features.Account.Privacy;

/// <summary>
/// Wakes this node's export worker when someone here asks for an export (the jobs themselves are rows in the database,
/// claimed by whichever node's worker gets there first).
/// </summary>
public sealed class ExportBacklog : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);

    public void Enqueue(Guid jobId)
    {
        _ = jobId;
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Woken plenty already.
        }
    }

    /// <summary>Waits until a job is asked for on this node, or <paramref name="poll"/> has passed.</summary>
    public async Task WaitAsync(TimeSpan poll, TimeProvider clock, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(poll, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            await _signal.WaitAsync(either.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Time to look for jobs asked for on other nodes.
        }
    }

    public void Dispose() => _signal.Dispose();
}

/// <summary>Asking for an export, seeing how it goes, downloading it while it lasts; expired files are deleted.</summary>
public sealed class ExportService(AppDbContext db, TimeProvider clock, ExportBacklog queue, ExportFiles files)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>Queues an export, unless one of this person's is already on its way: then that one is the answer.</summary>
    public async Task<ExportJob> RequestAsync(Guid userId, CancellationToken ct = default)
    {
        if (await InProgressAsync(userId, ct) is { } running)
        {
            return running;
        }

        var job = new ExportJob { Id = Guid.CreateVersion7(), UserId = userId, Status = ExportStatus.Queued, RequestedAtUtc = clock.GetUtcNow().UtcDateTime };
        db.ExportJobs.Add(job);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A simultaneous request made the job first (the unique index on in-progress jobs kept it to one).
            db.Entry(job).State = EntityState.Detached;
            if (await InProgressAsync(userId, CancellationToken.None) is { } raced)
            {
                return raced;
            }

            throw;
        }

        queue.Enqueue(job.Id);
        return job;
    }

    private Task<ExportJob?> InProgressAsync(Guid userId, CancellationToken ct)
        => db.ExportJobs.AsNoTracking().Where(j => j.UserId == userId && (j.Status == ExportStatus.Queued || j.Status == ExportStatus.Preparing)).FirstOrDefaultAsync(ct);

    /// <summary>The person's latest export, after expiring old ones.</summary>
    public async Task<ExportJob?> LatestAsync(Guid userId, CancellationToken ct = default)
    {
        await SweepAsync(ct);
        return await db.ExportJobs.AsNoTracking().Where(j => j.UserId == userId).OrderByDescending(j => j.RequestedAtUtc).ThenByDescending(j => j.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The ZIP of a ready, unexpired export of this person; null for anyone else's, or one that is gone.</summary>
    public async Task<byte[]?> FileForAsync(Guid userId, Guid jobId, CancellationToken ct = default)
    {
        await SweepAsync(ct);
        var ready = await db.ExportJobs.AsNoTracking()
            .Where(j => j.Id == jobId && j.UserId == userId && j.Status == ExportStatus.Ready)
            .Select(j => new { j.FileName }).SingleOrDefaultAsync(ct);
        return ready is null ? null : await files.ReadAsync(db, jobId, ready.FileName, ct);
    }

    /// <summary>Deletes the stored ZIPs of exports past their time and marks them expired.</summary>
    public async Task SweepAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = await db.ExportJobs.Where(j => j.Status == ExportStatus.Ready && j.ExpiresAtUtc <= now).ToListAsync(ct);
        foreach (var job in expired)
        {
            if (job.FileName is not null)
            {
                files.Delete(job.FileName);
            }

            job.Status = ExportStatus.Expired;
            job.FileName = null;
        }

        if (expired.Count > 0)
        {
            var ids = expired.Select(j => j.Id).ToList();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.ExportFileContents.Where(c => ids.Contains(c.JobId)).ExecuteDeleteAsync(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
    }
}

/// <summary>
/// Prepares queued exports one at a time. The queue is the <c>ExportJobs</c> table: a worker claims the oldest job
/// that is queued, or whose claim has lapsed (its node stopped mid-way), and holds it by a lease it renews with each
/// progress report. On PostgreSQL several nodes' workers claim with <c>FOR UPDATE SKIP LOCKED</c>, so each job goes to
/// one of them; on SQLite there is one node. A request on this node wakes its worker at once; requests on other nodes
/// are found by polling.
/// </summary>
public sealed class ExportWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ExportWorker> logger) : IRecurringJob
{
    /// <summary>How long a claim lasts without a progress report before another worker may take the job over.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>How often an idle worker looks for jobs asked for on other nodes.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    /// <summary>The schedule: at start, then whenever this node is asked for an export or <see cref="Poll"/> has passed.
    /// On stopping, a job being prepared keeps its lease until it lapses; then another node takes it over.</summary>
    public static RecurringSchedule<ExportWorker> Schedule { get; } = new()
    {
        WhenItFails = "Could not look for exports to prepare",
        Every = _ => Poll,
        Wait = (services, poll, clock, ct) => services.GetRequiredService<ExportBacklog>().WaitAsync(poll, clock, ct),
    };

    /// <summary>Prepares every job there is to claim, one after another.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        while (await ClaimNextAsync(ct) is { } jobId)
        {
            await PrepareOrMarkFailedAsync(jobId, ct);
        }
    }

    /// <summary>Claims the next job for this worker, or null when there is none.</summary>
    public async Task<Guid?> ClaimNextAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await ClaimNextAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), clock.GetUtcNow().UtcDateTime, ct);
    }

    public static async Task<Guid?> ClaimNextAsync(AppDbContext db, DateTime now, CancellationToken ct = default)
    {
        var lease = now + Lease;
        if (db.Database.IsNpgsql())
        {
            // One statement: the row lock taken by the inner SELECT makes a second worker skip this job rather than
            // wait for it, and the outer condition is checked again on the locked row.
            var claimed = await db.Database.SqlQuery<Guid>($"""
                UPDATE "ExportJobs" SET "Status" = 1, "LeaseUntilUtc" = {lease}
                WHERE "Id" = (
                    SELECT "Id" FROM "ExportJobs"
                    WHERE "Status" = 0 OR ("Status" = 1 AND ("LeaseUntilUtc" IS NULL OR "LeaseUntilUtc" < {now}))
                    ORDER BY "RequestedAtUtc", "Id"
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                AND ("Status" = 0 OR ("Status" = 1 AND ("LeaseUntilUtc" IS NULL OR "LeaseUntilUtc" < {now})))
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct);
            return claimed.Count == 0 ? null : claimed[0];
        }

        // SQLite: one node, and every write passes the one writer; the conditional update still settles a race.
        while (true)
        {
            var next = await db.ExportJobs.AsNoTracking()
                .Where(j => j.Status == ExportStatus.Queued || (j.Status == ExportStatus.Preparing && (j.LeaseUntilUtc == null || j.LeaseUntilUtc < now)))
                .OrderBy(j => j.RequestedAtUtc).ThenBy(j => j.Id).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(ct);
            if (next is null)
            {
                return null;
            }

            var won = await db.ExportJobs
                .Where(j => j.Id == next && (j.Status == ExportStatus.Queued || (j.Status == ExportStatus.Preparing && (j.LeaseUntilUtc == null || j.LeaseUntilUtc < now))))
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ExportStatus.Preparing).SetProperty(j => j.LeaseUntilUtc, lease), ct);
            if (won == 1)
            {
                return next;
            }
        }
    }

    private async Task PrepareOrMarkFailedAsync(Guid jobId, CancellationToken ct)
    {
        try
        {
            await PrepareAsync(jobId, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Export {JobId} failed", jobId);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AppDbContext>().ExportJobs.Where(j => j.Id == jobId && j.Status == ExportStatus.Preparing)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ExportStatus.Failed), CancellationToken.None);
            }
            catch (Exception e) when (Infrastructure.Hosting.StorageUnavailable.IsStorageAway(e))
            {
                // The storage is away (issue 20): the job's lease lapses and a worker takes it up again later.
                logger.LogWarning("Could not mark export {JobId} failed ({Reason})", jobId, e.GetBaseException().Message);
            }
        }
    }

    private async Task PrepareAsync(Guid jobId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var job = await db.ExportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null || job.Status is not ExportStatus.Preparing)
        {
            return;
        }

        // Each report renews the lease: a worker still at it keeps its job.
        async Task Report(int percent)
        {
            var lease = clock.GetUtcNow().UtcDateTime + Lease;
            await db.ExportJobs.Where(j => j.Id == jobId && j.Status == ExportStatus.Preparing)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Percent, percent).SetProperty(j => j.LeaseUntilUtc, lease), ct);
        }

        await Report(0);
        var document = await scope.ServiceProvider.GetRequiredService<DataExporter>().BuildAsync(job.UserId, Report, ct);
        using var zip = new MemoryStream();
        scope.ServiceProvider.GetRequiredService<DataExporter>().WriteZip(document, zip);
        var now = clock.GetUtcNow().UtcDateTime;
        await scope.ServiceProvider.GetRequiredService<ExportFiles>().StoreAsync(db, jobId, zip.ToArray(), now, ExportService.Lifetime, ct);
    }
}
