using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace Mutuality.Web.Features.Shared.PersonalData;

/// <summary>The export ZIP's CSV files: each part of a person's data adds its own.</summary>
public sealed class ExportCsv(ZipArchive zip)
{
    /// <summary>
    /// One CSV file: a header of the property names, then one line per item (times in ISO 8601 UTC, enums by
    /// name). A text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
    /// </summary>
    public void Add<T>(string name, IEnumerable<T> rows)
    {
        var properties = typeof(T).GetProperties().Where(p => p.PropertyType != typeof(JsonElement) && !p.PropertyType.IsGenericType || Nullable.GetUnderlyingType(p.PropertyType) is not null).ToArray();
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions(), false);
        csv.WriteRecord([.. properties.Select(p => p.Name)]);
        foreach (var row in rows)
        {
            csv.WriteRecord([.. properties.Select(p => Cell(p.GetValue(row)))]);
        }
    }

    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        DateTime d => d.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        string s when s.Length > 0 && "=+-@\t\r".Contains(s[0], StringComparison.Ordinal) => "'" + s,
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
