using System.Data;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Couples;
using Mutuality.Web.Infrastructure.Hosting;
using Mutuality.Web.Infrastructure.Settings;

namespace Mutuality.Web.Infrastructure.Security;

/// <summary>
/// The attempt limits (sign-in, registration, reset, confirmation, two-step, invitation, join) and the export limit,
/// counted in the database so that several nodes together allow only the configured number (issue 18, item 5). Each
/// request that counts adds one to its bucket's row for the current fixed window (<c>INSERT … ON CONFLICT DO UPDATE …
/// RETURNING</c>, one statement, so nodes never lose a count); past the limit it answers 429 like the in-process limiter,
/// which keeps running beside it. The bucket is stored as a SHA-256 of (kind, client address or person, endpoint), so the
/// table holds no addresses; rows older than two hours are deleted now and then.
/// <para>On with <c>Nodes:Several=true</c> or <c>RateLimits:InDatabase=true</c>, on PostgreSQL only.</para>
/// </summary>
public sealed class SharedAttemptLimits(RequestDelegate next)
{
    public static bool Enabled(DatabaseOptions options, IConfiguration configuration)
        => options.Provider == DatabaseProvider.Postgres
           && (configuration.GetValue<bool>("Nodes:Several") || configuration.GetValue<bool>("RateLimits:InDatabase"));

    public async Task InvokeAsync(HttpContext http, IOptions<RateLimitOptions> options, AppDbContext db, TimeProvider clock)
    {
        var limits = options.Value;
        var policy = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
        var reading = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        (string Key, int Limit, TimeSpan Window)? bucket = policy switch
        {
            AppSetup.AuthRateLimit when AppSetup.IsAttempt(http)
                => ($"auth|{http.Connection.RemoteIpAddress}|{AppSetup.EndpointKey(http)}", limits.AuthPerMinute, TimeSpan.FromMinutes(1)),
            AppSetup.ExportRateLimit when !reading
                => ("export|" + (CallerContext.UserIdOf(http.User)?.ToString() ?? http.Connection.RemoteIpAddress?.ToString()), limits.ExportsPerHour, TimeSpan.FromHours(1)),
            _ => null,
        };
        if (bucket is { } b)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var window = new DateTime(now.Ticks - (now.Ticks % b.Window.Ticks), DateTimeKind.Utc);
            if (await CountAsync(db, Hash(b.Key), window, now, http.RequestAborted) > b.Limit)
            {
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return;
            }
        }

        await next(http);
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Counts one attempt in the bucket's window and returns the window's count, this one included.</summary>
    internal static async Task<int> CountAsync(AppDbContext db, string bucket, DateTime window, DateTime now, CancellationToken ct)
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
            command.CommandText = """
                INSERT INTO "RateLimitWindows" ("Bucket", "WindowStartUtc", "Count") VALUES (@bucket, @window, 1)
                ON CONFLICT ("Bucket", "WindowStartUtc") DO UPDATE SET "Count" = "RateLimitWindows"."Count" + 1
                RETURNING "Count"
                """;
            Add(command, "bucket", bucket);
            Add(command, "window", window);
            var count = Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            if (Random.Shared.Next(100) == 0)
            {
                await using var sweep = connection.CreateCommand();
                sweep.CommandText = """DELETE FROM "RateLimitWindows" WHERE "WindowStartUtc" < @before""";
                Add(sweep, "before", now.AddHours(-2));
                await sweep.ExecuteNonQueryAsync(ct);
            }

            return count;
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static void Add(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

/// <summary>One bucket's count in one fixed window (<see cref="SharedAttemptLimits"/>).</summary>
public sealed class RateLimitWindow
{
    /// <summary>SHA-256 (hex) of the bucket: kind, client address or person, endpoint.</summary>
    public string Bucket { get; set; } = string.Empty;

    public DateTime WindowStartUtc { get; set; }

    public int Count { get; set; }
}

public sealed class RateLimitWindowConfiguration : IEntityTypeConfiguration<RateLimitWindow>
{
    public void Configure(EntityTypeBuilder<RateLimitWindow> builder)
    {
        builder.ToTable("RateLimitWindows");
        builder.HasKey(x => new { x.Bucket, x.WindowStartUtc });
        builder.Property(x => x.Bucket).HasMaxLength(64);
        builder.HasIndex(x => x.WindowStartUtc);
    }
}
