using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Security;

namespace Mutuality.Web.Features.Account.Privacy;

/// <summary>Export jobs waiting for the background worker.</summary>
public sealed class ExportBacklog
{
    private readonly Channel<Guid> _jobs = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Guid jobId) => _jobs.Writer.TryWrite(jobId);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken ct) => _jobs.Reader.ReadAllAsync(ct);
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

    /// <summary>The file of a ready, unexpired export of this person; null for anyone else's, or one that is gone.</summary>
    public async Task<string?> FileForAsync(Guid userId, Guid jobId, CancellationToken ct = default)
    {
        await SweepAsync(ct);
        var name = await db.ExportJobs.AsNoTracking()
            .Where(j => j.Id == jobId && j.UserId == userId && j.Status == ExportStatus.Ready)
            .Select(j => j.FileName).SingleOrDefaultAsync(ct);
        return name is not null && File.Exists(files.PathOf(name)) ? files.PathOf(name) : null;
    }

    /// <summary>Deletes the files of exports past their time and marks them expired.</summary>
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
            await db.SaveChangesAsync(ct);
        }
    }
}

/// <summary>Prepares queued exports one at a time, reporting progress in the job row; picks up unfinished ones at start.</summary>
public sealed class ExportWorker(IServiceScopeFactory scopes, ExportBacklog queue, ExportFiles files, TimeProvider clock, ILogger<ExportWorker> logger, Infrastructure.Hosting.StorageState storage) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A database that is away or a full disk at start must not stop the app: wait and try again (issue 20).
        while (true)
        {
            try
            {
                if (storage.Problem is null)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    foreach (var id in await db.ExportJobs.Where(j => j.Status == ExportStatus.Queued || j.Status == ExportStatus.Preparing).Select(j => j.Id).ToListAsync(stoppingToken))
                    {
                        queue.Enqueue(id);
                    }

                    break;
                }
            }
            catch (Exception e) when (Infrastructure.Hosting.StorageUnavailable.IsStorageAway(e))
            {
                logger.LogWarning("Could not look for unfinished exports ({Reason}); trying again shortly", e.GetBaseException().Message);
            }

            await Task.Delay(Infrastructure.Hosting.StartupStorage.RetryEvery, stoppingToken);
        }

        await foreach (var jobId in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await PrepareAsync(jobId, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Export {JobId} failed", jobId);
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<AppDbContext>().ExportJobs.Where(j => j.Id == jobId)
                        .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ExportStatus.Failed), CancellationToken.None);
                }
                catch (Exception e) when (Infrastructure.Hosting.StorageUnavailable.IsStorageAway(e))
                {
                    logger.LogWarning("Could not mark export {JobId} failed ({Reason})", jobId, e.GetBaseException().Message);
                }
            }
        }
    }

    private async Task PrepareAsync(Guid jobId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var job = await db.ExportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null || job.Status is not (ExportStatus.Queued or ExportStatus.Preparing))
        {
            return;
        }

        async Task Report(ExportStatus status, int percent)
            => await db.ExportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, status).SetProperty(j => j.Percent, percent), ct);

        await Report(ExportStatus.Preparing, 0);
        var document = await scope.ServiceProvider.GetRequiredService<DataExporter>().BuildAsync(job.UserId, p => Report(ExportStatus.Preparing, p), ct);
        var name = ExportFiles.NewFileName();
        var path = files.PathOf(name);
        await using (var file = new FileStream(path + ".part", FileMode.CreateNew, FileAccess.Write))
        {
            PrivateFiles.Restrict(path + ".part");
            DataExporter.WriteZip(document, file);
        }

        File.Move(path + ".part", path);
        var now = clock.GetUtcNow().UtcDateTime;
        var updated = await db.ExportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ExportStatus.Ready)
            .SetProperty(j => j.Percent, 100)
            .SetProperty(j => j.FileName, name)
            .SetProperty(j => j.ReadyAtUtc, now)
            .SetProperty(j => j.ExpiresAtUtc, now + ExportService.Lifetime), ct);
        if (updated == 0)
        {
            // The account was deleted meanwhile.
            files.Delete(name);
        }
    }
}
