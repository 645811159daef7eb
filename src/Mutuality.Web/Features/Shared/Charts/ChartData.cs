using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mutuality.Web.Features.Shared.Charts;

/// <summary>How a chart is drawn: lines over time, bars side by side, or a radar of kinds.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChartType>))]
public enum ChartType
{
    [JsonStringEnumMemberName("line")]
    Line,

    [JsonStringEnumMemberName("bar")]
    Bar,

    [JsonStringEnumMemberName("radar")]
    Radar,
}

/// <summary>
/// One series of a chart: its name in the legend, one number per label (null = no point there), whether it is drawn
/// dashed (the partner's, or "how much it matters"), and which of the four chart colours it takes (its place when
/// null). Series also differ by point shape, so no series is told apart by colour alone.
/// </summary>
public sealed record ChartSeries(string Label, IReadOnlyList<double?> Data, bool Dashed = false, int? Colour = null);

/// <summary>
/// Issue 19 (item 5): the one schema of every chart. A page puts it on a canvas with the chart tag helper
/// (<c>&lt;canvas chart="…" aria-label="…"&gt;</c>, <see cref="ChartTagHelper"/>), which writes it as JSON into
/// <c>data-chart</c>; wwwroot/js/charts.js is the one renderer that reads it. Every chart also has its numbers in a
/// table on the page (its text alternative), which the canvas's aria-label points to.
/// </summary>
public sealed record ChartData(ChartType Type, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The lowest value of the value axis (or of the radar's rings); the data's own when null.</summary>
    public double? Min { get; init; }

    /// <summary>The highest value of the value axis; the data's own when null.</summary>
    public double? Max { get; init; }

    /// <summary>The step between the axis's ticks; chosen by the renderer when null.</summary>
    public double? Step { get; init; }

    /// <summary>What the values count, as the value axis's title ("%", "things given"); none when null.</summary>
    public string? Unit { get; init; }

    /// <summary>Whether a line joins the points either side of a missing one (a month not answered).</summary>
    public bool SpanGaps { get; init; }

    /// <summary>The JSON the renderer reads (camelCase; the type as "line", "bar" or "radar").</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a chart's JSON back strictly (an unknown or missing member is refused), for tests and checks.</summary>
    public static ChartData Parse(string json) => JsonSerializer.Deserialize<ChartData>(json, Json)
        ?? throw new JsonException("A chart's data is null.");

    /// <summary>What is wrong with the chart's shape, if anything: every series has one value per label.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Type))
        {
            problems.Add($"unknown chart type {Type}");
        }

        if (Series.Count == 0)
        {
            problems.Add("no series");
        }

        foreach (var series in Series)
        {
            if (string.IsNullOrWhiteSpace(series.Label))
            {
                problems.Add("a series without a name");
            }

            if (series.Data.Count != Labels.Count)
            {
                problems.Add($"series '{series.Label}' has {series.Data.Count} values for {Labels.Count} labels");
            }

            if (series.Colour is < 0 or > 3)
            {
                problems.Add($"series '{series.Label}' asks for colour {series.Colour} (0 to 3)");
            }
        }

        if (Min is { } min && Max is { } max && min >= max)
        {
            problems.Add($"min {min} is not below max {max}");
        }

        return problems;
    }
}
