using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Hosting;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Platform;

/// <summary>Issue 18, item 6: migrations run once, whether by the <c>migrate</c> command or by nodes starting together.</summary>
[Trait("Runs", "Once")]
public sealed class MigrateOnceTests
{
    private static PostgresAppDbContext NewContext(string connectionString)
        => new(new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory"))
            .Options);

    [Fact]
    public async Task Three_nodes_migrating_one_fresh_database_together_apply_each_migration_once_and_two_find_nothing_to_do()
    {
        var database = NodesPostgres.CreateEmptyDatabase("mut_migrate_");
        try
        {
            var nodes = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
            {
                await using var db = NewContext(database);
                return await DatabaseMigrator.MigrateAsync(db);
            })).ToList();
            var applied = await Task.WhenAll(nodes);

            await using var check = NewContext(database);
            var all = check.Database.GetMigrations().ToList();
            Assert.NotEmpty(all);
            Assert.Equal(all, Assert.Single(applied, a => a.Count > 0));
            Assert.Equal(2, applied.Count(a => a.Count == 0));
            Assert.Empty(await check.Database.GetPendingMigrationsAsync());
            var history = await check.Database.SqlQueryRaw<string>("SELECT \"MigrationId\" AS \"Value\" FROM \"__EFMigrationsHistory\"").ToListAsync();
            Assert.Equal(all.Order(), history.Order());
        }
        finally
        {
            NodesPostgres.Drop(database);
        }
    }

    [Fact]
    public void The_migrate_command_applies_what_is_pending_and_then_says_the_database_is_up_to_date()
    {
        var database = NodesPostgres.CreateEmptyDatabase("mut_migrate_");
        var folder = Directory.CreateTempSubdirectory("mutuality-migrate.").FullName;
        try
        {
            string[] args = ["migrate", "--Database:Provider=Postgres", $"--Database:ConnectionString={database}", $"--Database:DataFolder={folder}"];
            var first = new StringWriter();
            var errors = new StringWriter();
            Assert.Equal(0, Maintenance.Run(args, first, errors));
            Assert.Contains("migrate: applied", first.ToString(), StringComparison.Ordinal);

            var second = new StringWriter();
            Assert.Equal(0, Maintenance.Run(args, second, errors));
            Assert.Equal("migrate: the database is up to date", second.ToString().Trim());
            Assert.Equal(string.Empty, errors.ToString());
        }
        finally
        {
            NodesPostgres.Drop(database);
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_migrate_command_on_a_database_it_cannot_reach_says_so_and_fails()
    {
        var folder = Directory.CreateTempSubdirectory("mutuality-migrate.").FullName;
        try
        {
            var errors = new StringWriter();
            var code = Maintenance.Run(["migrate", "--Database:Provider=Postgres", "--Database:ConnectionString=Host=127.0.0.1;Port=1;Username=x;Password=y;Timeout=2", $"--Database:DataFolder={folder}"], new StringWriter(), errors);
            Assert.Equal(1, code);
            Assert.StartsWith("migrate failed:", errors.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
