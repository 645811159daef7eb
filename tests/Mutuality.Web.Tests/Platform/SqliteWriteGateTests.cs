using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Hosting;

namespace Mutuality.Web.Tests.Platform;

/// <summary>
/// ADR 0003: every write on SQLite passes the one writer's gate, including the statements EF runs without a
/// transaction (ExecuteUpdate, ExecuteDelete, raw SQL). The busy timeout is as short as Microsoft.Data.Sqlite allows
/// (one second; zero there means "wait for ever"), so a write that meets the lock instead of the gate fails with
/// SQLITE_BUSY. Nothing here measures time: the order of events is observed through the gate's queue.
/// </summary>
[Trait("Runs", "Once")]
public sealed class SqliteWriteGateTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "mutuality-gate", Guid.NewGuid().ToString("N") + ".db");
    private readonly Guid _person = Guid.CreateVersion7();

    public SqliteWriteGateTests()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        using var db = NewContext(gate: null);
        db.Database.Migrate();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        db.Users.Add(new AppUser { Id = _person, UserName = "gate@example.org", Email = "gate@example.org", DisplayName = "start", CreatedAtUtc = DateTime.UtcNow });
        db.SaveChanges();
    }

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = _file, DefaultTimeout = 1, Pooling = false }.ToString();

    private SqliteAppDbContext NewContext(SqliteWriteGate? gate)
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(ConnectionString);
        if (gate is not null)
        {
            options.AddInterceptors(gate);
        }

        return new SqliteAppDbContext(options.Options);
    }

    public static TheoryData<string> WritesWithoutATransaction => ["ExecuteUpdate", "raw SQL", "ExecuteDelete"];

    private Task<int> SecondWriteAsync(AppDbContext db, string kind) => kind switch
    {
        "ExecuteUpdate" => db.Users.Where(u => u.Id == _person).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, u => u.DisplayName + " then second")),
        "raw SQL" => db.Database.ExecuteSqlAsync($"UPDATE AspNetUsers SET DisplayName = DisplayName || ' then second' WHERE Id = {_person.ToString().ToUpperInvariant()}"),
        _ => db.Users.Where(u => u.Id == _person && u.DisplayName == "first").ExecuteDeleteAsync(),
    };

    [Theory]
    [MemberData(nameof(WritesWithoutATransaction))]
    public async Task A_write_outside_a_transaction_waits_its_turn_behind_an_open_write_transaction_and_succeeds_after_it_commits(string kind)
    {
        using var gate = new SqliteWriteGate();
        var queued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.Queued += () => queued.TrySetResult();
        await using var first = NewContext(gate);
        await using var second = NewContext(gate);

        await using var transaction = await first.Database.BeginTransactionAsync();
        await first.Users.Where(u => u.Id == _person).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "first"));

        var secondWrite = Task.Run(() => SecondWriteAsync(second, kind));
        var whicheverFirst = await Task.WhenAny(secondWrite, queued.Task);
        if (whicheverFirst == secondWrite)
        {
            // It did not queue at the gate: it met SQLite's lock instead (SQLITE_BUSY surfaces here).
            await secondWrite;
        }

        Assert.Same(queued.Task, whicheverFirst);
        Assert.False(secondWrite.IsCompleted);
        await transaction.CommitAsync();

        // The second write ran after the first committed: it saw (and built on, or removed) the first one's value.
        Assert.Equal(1, await secondWrite);
        await using var check = NewContext(gate: null);
        var left = await check.Users.Where(u => u.Id == _person).Select(u => u.DisplayName).ToListAsync();
        Assert.Equal(kind == "ExecuteDelete" ? [] : ["first then second"], left);
    }

    [Fact]
    public async Task Without_the_gate_the_same_write_fails_with_SQLITE_BUSY_so_the_test_above_can_fail()
    {
        await using var first = NewContext(gate: null);
        await using var second = NewContext(gate: null);

        await using var transaction = await first.Database.BeginTransactionAsync();
        await first.Users.Where(u => u.Id == _person).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "first"));

        var failure = await Assert.ThrowsAsync<SqliteException>(() => SecondWriteAsync(second, "ExecuteUpdate"));
        Assert.Equal(5, failure.SqliteErrorCode); // SQLITE_BUSY
    }

    [Fact]
    public async Task A_read_outside_a_transaction_does_not_wait_for_the_writer()
    {
        using var gate = new SqliteWriteGate();
        var queued = false;
        gate.Queued += () => queued = true;
        await using var first = NewContext(gate);
        await using var reader = NewContext(gate);

        await using var transaction = await first.Database.BeginTransactionAsync();
        await first.Users.Where(u => u.Id == _person).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "first"));

        // WAL: the reader sees the last committed value without waiting for the open transaction.
        Assert.Equal("start", await reader.Users.Where(u => u.Id == _person).Select(u => u.DisplayName).SingleAsync());
        Assert.False(queued);
    }

    [Theory]
    [InlineData("SELECT 1", false)]
    [InlineData("-- tag\nSELECT \"a\".\"Id\" FROM \"AspNetUsers\" AS \"a\"", false)]
    [InlineData("  select 1;", false)]
    [InlineData("UPDATE \"AspNetUsers\" SET \"DisplayName\" = 'x'", true)]
    [InlineData("DELETE FROM \"AspNetUsers\"", true)]
    [InlineData("WITH x AS (SELECT 1) DELETE FROM \"AspNetUsers\"", true)]
    [InlineData("SELECT 1; DELETE FROM \"AspNetUsers\"", true)]
    [InlineData("INSERT INTO t VALUES (1) RETURNING id", true)]
    [InlineData("PRAGMA journal_mode=WAL;", true)]
    public void Only_a_plain_SELECT_counts_as_a_read(string sql, bool mayWrite)
        => Assert.Equal(mayWrite, SqliteWriteGate.MayWrite(sql));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var part in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(part);
        }
    }
}
