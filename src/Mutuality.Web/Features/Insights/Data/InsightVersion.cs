using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mutuality.Web.Features.Insights.Data;

/// <summary>
/// A change counter per couple and UTC month (docs/adr/0004-insights-aggregation.md, "Monthly rollup"): database
/// triggers on <c>SupportMoments</c>, <c>SupportRequests</c> and <c>CheckIns</c> add one to it for every month a
/// written, changed or deleted row's dates fall in (an instant marks the months of the instant ±14 hours, so every
/// local month in any zone that could hold it is marked). The insights keep a completed month's tallies only while its
/// counter is unchanged. Triggers, not application code, so that no write path can be missed. Holds no content.
/// </summary>
public sealed class InsightVersion
{
    public Guid CoupleId { get; set; }

    /// <summary>The UTC month, <c>yyyy-MM</c> (for a day-valued column: that day's month).</summary>
    public string Month { get; set; } = string.Empty;

    public long Version { get; set; }
}

internal sealed class InsightVersionConfiguration : IEntityTypeConfiguration<InsightVersion>
{
    public void Configure(EntityTypeBuilder<InsightVersion> builder)
    {
        builder.HasKey(v => new { v.CoupleId, v.Month });
        builder.Property(v => v.Month).HasMaxLength(7).IsRequired();
    }
}

/// <summary>
/// The trigger SQL behind <see cref="InsightVersion"/>, written out by the migration that adds them (kept here so both
/// providers' migrations say the same thing; a later change belongs in a new migration, not here).
/// </summary>
internal static class InsightVersionTriggers
{
    /// <summary>The tables whose rows the insights roll up, with their date columns (true: an instant; false: a day).</summary>
    private static readonly (string Table, (string Column, bool Instant)[] Dates)[] Watched =
    [
        ("SupportMoments", [("OccurredAtUtc", true)]),
        ("SupportRequests", [("CreatedAtUtc", true), ("DoneAtUtc", true)]),
        ("CheckIns", [("PeriodStart", false)]),
    ];

    public static IEnumerable<string> SqliteUp()
    {
        foreach (var (table, dates) in Watched)
        {
            foreach (var (op, rows) in new[] { ("INSERT", new[] { "NEW" }), ("UPDATE", new[] { "OLD", "NEW" }), ("DELETE", new[] { "OLD" }) })
            {
                var statements = string.Concat(rows.SelectMany(row => dates.Select(d =>
                {
                    var months = d.Instant
                        ? $"SELECT strftime('%Y-%m', {row}.\"{d.Column}\", '-14 hours') AS m UNION SELECT strftime('%Y-%m', {row}.\"{d.Column}\", '+14 hours')"
                        : $"SELECT strftime('%Y-%m', {row}.\"{d.Column}\") AS m";
                    return $"""
                          INSERT INTO "InsightVersions" ("CoupleId", "Month", "Version")
                          SELECT {row}."CoupleId", m, 1 FROM ({months}) WHERE m IS NOT NULL
                          ON CONFLICT ("CoupleId", "Month") DO UPDATE SET "Version" = "Version" + 1;

                        """;
                })));
                yield return $"""
                    CREATE TRIGGER "TR_{table}_InsightVersions_{op}" AFTER {op} ON "{table}" FOR EACH ROW BEGIN
                    {statements}END;
                    """;
            }
        }
    }

    public static IEnumerable<string> SqliteDown()
        => Watched.SelectMany(w => new[] { "INSERT", "UPDATE", "DELETE" }.Select(op => $"DROP TRIGGER IF EXISTS \"TR_{w.Table}_InsightVersions_{op}\";"));

    public static IEnumerable<string> PostgresUp()
    {
        yield return """
            CREATE FUNCTION "InsightVersions_Bump"(couple uuid, month text) RETURNS void LANGUAGE sql AS $$
              INSERT INTO "InsightVersions" ("CoupleId", "Month", "Version") VALUES (couple, month, 1)
              ON CONFLICT ("CoupleId", "Month") DO UPDATE SET "Version" = "InsightVersions"."Version" + 1
            $$;
            """;
        yield return """
            CREATE FUNCTION "InsightVersions_BumpInstant"(couple uuid, at timestamptz) RETURNS void LANGUAGE plpgsql AS $$
            DECLARE a text; b text;
            BEGIN
              IF at IS NULL THEN RETURN; END IF;
              a := to_char((at AT TIME ZONE 'UTC') - interval '14 hours', 'YYYY-MM');
              b := to_char((at AT TIME ZONE 'UTC') + interval '14 hours', 'YYYY-MM');
              PERFORM "InsightVersions_Bump"(couple, a);
              IF b <> a THEN PERFORM "InsightVersions_Bump"(couple, b); END IF;
            END $$;
            """;
        foreach (var (table, dates) in Watched)
        {
            string Calls(string row) => string.Concat(dates.Select(d => d.Instant
                ? $"""    PERFORM "InsightVersions_BumpInstant"({row}."CoupleId", {row}."{d.Column}");{"\n"}"""
                : $"""    PERFORM "InsightVersions_Bump"({row}."CoupleId", to_char({row}."{d.Column}", 'YYYY-MM'));{"\n"}"""));
            yield return $"""
                CREATE FUNCTION "TR_{table}_InsightVersions"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP <> 'INSERT' THEN
                {Calls("OLD")}  END IF;
                  IF TG_OP <> 'DELETE' THEN
                {Calls("NEW")}  END IF;
                  RETURN NULL;
                END $$;
                """;
            yield return $"""
                CREATE TRIGGER "TR_{table}_InsightVersions" AFTER INSERT OR UPDATE OR DELETE ON "{table}"
                FOR EACH ROW EXECUTE FUNCTION "TR_{table}_InsightVersions"();
                """;
        }
    }

    public static IEnumerable<string> PostgresDown()
    {
        foreach (var (table, _) in Watched)
        {
            yield return $"DROP TRIGGER IF EXISTS \"TR_{table}_InsightVersions\" ON \"{table}\";";
            yield return $"DROP FUNCTION IF EXISTS \"TR_{table}_InsightVersions\"();";
        }

        yield return "DROP FUNCTION IF EXISTS \"InsightVersions_BumpInstant\"(uuid, timestamptz);";
        yield return "DROP FUNCTION IF EXISTS \"InsightVersions_Bump\"(uuid, text);";
    }
}
