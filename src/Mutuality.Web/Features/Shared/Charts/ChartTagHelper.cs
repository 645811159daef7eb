using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Mutuality.Web.Features.Shared.Charts;

/// <summary>
/// <c>&lt;canvas chart="@Model.Chart" aria-label="…; the same numbers are in the table below."&gt;</c>: writes the
/// chart's one schema (<see cref="ChartData"/>) as JSON into <c>data-chart</c> for wwwroot/js/charts.js and marks the
/// canvas as an image. A chart without an aria-label naming its text alternative does not render: it throws, so a
/// page test finds it.
/// </summary>
[HtmlTargetElement("canvas", Attributes = "chart")]
public sealed class ChartTagHelper : TagHelper
{
    [HtmlAttributeName("chart")]
    public ChartData Chart { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(Chart);
        if (!output.Attributes.TryGetAttribute("aria-label", out var label) || label.Value?.ToString() is not { Length: > 0 })
        {
            throw new InvalidOperationException("A chart needs an aria-label that says where its numbers are as text (the table).");
        }

        if (Chart.Problems() is { Count: > 0 } problems)
        {
            throw new InvalidOperationException("A chart's data does not fit its schema: " + string.Join("; ", problems));
        }

        output.Attributes.SetAttribute("role", "img");
        output.Attributes.SetAttribute("data-chart", Chart.ToJson());
    }
}
