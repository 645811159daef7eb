// bench/run.sh moments, third path: the same moment row inserted by raw ADO.NET — no EF, no ASP.NET, no rendering —
// on the app's connection settings, by 16 concurrent workers for a fixed time. Prints "req/s p99ms".
//   Mutuality.Bench.Raw Sqlite|Postgres CONNECTION_STRING SECONDS [WORKERS]
// The row is a copy of a moment the app wrote (the bare path's, in bench/run.sh): every column as stored — the
// note already encrypted by the app — with a new id and the current time, so only the client side differs.
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

var provider = args[0];
var connectionString = args[1];
var seconds = double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
var workers = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 16;
var sqlite = provider == "Sqlite";

// The app's settings: SQLite pooled with a 30 s busy timeout and synchronous=NORMAL on every connection (WAL is set on
// the file), one writer at a time (its write gate, ADR 0003); PostgreSQL with automatic preparation (MaxAutoPrepare 64).
if (!sqlite)
{
    connectionString = new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64 }.ToString();
}

DbConnection Open()
{
    DbConnection c = sqlite ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
    c.Open();
    if (sqlite)
    {
        using var pragma = c.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous=NORMAL;";
        pragma.ExecuteNonQuery();
    }

    return c;
}

// The template row: the newest moment, every column.
string[] columns;
object?[] template;
using (var c = Open())
{
    using var read = c.CreateCommand();
    read.CommandText = "SELECT * FROM \"SupportMoments\" ORDER BY \"CreatedAtUtc\" DESC LIMIT 1";
    using var reader = read.ExecuteReader();
    if (!reader.Read())
    {
        Console.Error.WriteLine("no moment to copy: run the bare path first");
        return 1;
    }

    columns = [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
    template = [.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i))];
}

var insert = $"INSERT INTO \"SupportMoments\" ({string.Join(", ", columns.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
var gate = new SemaphoreSlim(1, 1);
var stop = Stopwatch.StartNew();
var until = TimeSpan.FromSeconds(seconds);
var latencies = new List<double>[workers];

void Work(int w)
{
    var mine = latencies[w] = [];
    using var c = Open();
    using var command = c.CreateCommand();
    command.CommandText = insert;
    var parameters = new DbParameter[columns.Length];
    for (var i = 0; i < columns.Length; i++)
    {
        parameters[i] = command.CreateParameter();
        parameters[i].ParameterName = $"p{i}";
        command.Parameters.Add(parameters[i]);
    }

    while (stop.Elapsed < until)
    {
        var t0 = Stopwatch.GetTimestamp();
        var now = DateTime.UtcNow;
        for (var i = 0; i < columns.Length; i++)
        {
            parameters[i].Value = columns[i] switch
            {
                "Id" => Guid.CreateVersion7(),
                "OccurredAtUtc" or "CreatedAtUtc" => now,
                _ => template[i] ?? DBNull.Value,
            };
        }

        if (sqlite)
        {
            gate.Wait();
        }

        try
        {
            command.ExecuteNonQuery();
        }
        finally
        {
            if (sqlite)
            {
                gate.Release();
            }
        }

        mine.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
    }
}

var threads = Enumerable.Range(0, workers).Select(w => new Thread(() => Work(w))).ToList();
threads.ForEach(t => t.Start());
threads.ForEach(t => t.Join());
var elapsed = stop.Elapsed.TotalSeconds;
var all = latencies.SelectMany(l => l).Order().ToList();
var p99 = all.Count == 0 ? 0 : all[Math.Min(all.Count - 1, (int)Math.Ceiling(all.Count * 0.99) - 1)];
Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{all.Count / elapsed:0.0} {p99:0.00}"));
return 0;
