namespace Mutuality.Web.Features.Help;

/// <summary>One place to turn to, configured by the operator for their country or community.</summary>
public sealed class HelpResource
{
    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    public string? Phone { get; set; }

    public string? Url { get; set; }
}

/// <summary>Settings under "Help": crisis resources and where "quick exit" goes.</summary>
public sealed class HelpOptions
{
    public const string Section = "Help";

    public string QuickExitUrl { get; set; } = "https://www.wikipedia.org/";

    public List<HelpResource> Resources { get; set; } = [];
}
