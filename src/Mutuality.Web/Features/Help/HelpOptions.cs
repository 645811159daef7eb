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

    /// <summary>Quick exit must lead somewhere real, and each resource needs a name and, if it has one, a real address.</summary>
    public static string? Failure(HelpOptions o)
    {
        return !Infrastructure.Settings.ValidatedSettings.IsWebAddress(o.QuickExitUrl)
            ? $"Help:QuickExitUrl must be an absolute http or https address (it is \"{o.QuickExitUrl}\")."
            : o.Resources.Select((r, i) => string.IsNullOrWhiteSpace(r.Name)
                    ? $"Help:Resources:{i}:Name must be set."
                    : r.Url is { Length: > 0 } url && !Infrastructure.Settings.ValidatedSettings.IsWebAddress(url)
                        ? $"Help:Resources:{i}:Url must be an absolute http or https address (it is \"{url}\")."
                        : null)
                .FirstOrDefault(f => f is not null);
    }
}
