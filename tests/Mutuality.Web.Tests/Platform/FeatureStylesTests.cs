using System.Net;
using System.Text.RegularExpressions;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Platform;

/// <summary>
/// Issue 19 item 3: a feature's styles sit beside its page (CSS isolation) instead of being appended to one shared
/// stylesheet. The bundle must reach the browser and the phone's cache, and the shared stylesheet must not grow
/// feature rules back.
/// </summary>
public sealed partial class FeatureStylesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    [Trait("Runs", "Once")]
    public async Task TheFeaturesStyles_AreLinkedByEveryPage_ServedAndKeptForOffline()
    {
        using var client = app.NewClient();
        var page = await (await client.GetAsync("/Account/Login")).Content.ReadAsStringAsync();
        var link = StylesLink().Match(page);
        Assert.True(link.Success, "The layout does not link the features' styles bundle.");

        var bundle = await client.GetAsync(WebUtility.HtmlDecode(link.Groups[1].Value));
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal("text/css", bundle.Content.Headers.ContentType?.MediaType);
        var css = await bundle.Content.ReadAsStringAsync();
        // The check-in's feelings chips are scoped to their partial: the rule carries the scope attribute.
        Assert.Matches(@"\.chip\[b-[a-z0-9]+\]", css);

        var worker = await (await client.GetAsync("/sw.js")).Content.ReadAsStringAsync();
        Assert.Contains("\"/Mutuality.Web.styles.css\"", worker, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Runs", "Once")]
    public void TheSharedStylesheet_HoldsNoClassThatOnlyOneFeatureUses()
    {
        var root = RepositoryRoot();
        var web = Path.Combine(root, "src", "Mutuality.Web");
        var site = File.ReadAllText(Path.Combine(web, "wwwroot", "css", "site.css"));
        var views = Directory.EnumerateFiles(Path.Combine(web, "Features"), "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(web, "Infrastructure"), "*.cs", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Path.Combine(web, "wwwroot", "js"), "*.js"))
            .Select(f => (File: f, Text: File.ReadAllText(f)))
            .ToList();
        var featuresRoot = Path.Combine(web, "Features") + Path.DirectorySeparatorChar;

        var owned = new List<string>();
        foreach (var name in ClassName().Matches(site).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).Except(Utilities))
        {
            var users = views.Where(v => Regex.IsMatch(v.Text, $@"(?<![\w-]){Regex.Escape(name)}(?![\w-])")).Select(v => v.File).ToList();
            var places = users.Select(u => u.StartsWith(featuresRoot, StringComparison.Ordinal) ? u[featuresRoot.Length..].Split(Path.DirectorySeparatorChar)[0] : "shared").Distinct().ToList();
            if (places is [var only] && only is not "Shared" and not "shared")
            {
                owned.Add($".{name} (only {only} uses it: move it to that page's .cshtml.css)");
            }
        }

        Assert.True(owned.Count == 0, string.Join(Environment.NewLine, owned));
    }

    /// <summary>
    /// Razor gives a scoped rule's last element the page's scope attribute, but never writes it on an element a tag
    /// helper renders (every form, input, select and textarea here, and anything with an <c>asp-</c> attribute), so such
    /// a rule silently does nothing: the insights period form lost its layout that way. Those rules must reach the
    /// element through <c>::deep</c> from a plain ancestor. Likewise a class the page itself never writes (it is in a
    /// partial) is out of the page's scope.
    /// </summary>
    [Fact]
    [Trait("Runs", "Once")]
    public void ScopedRules_ReachTheirElements_NeverOnesATagHelperRendersOrAnotherViewWrites()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "Mutuality.Web");
        var features = Path.Combine(web, "Features");
        // The framework's helpers take every form, input, select and textarea (and anything with asp-); the app's own are
        // read from their [HtmlTargetElement] (tag, and the attribute that selects it when it is written out).
        var helpers = Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => TargetElement().Matches(File.ReadAllText(f)))
            .Select(m => (Tag: m.Groups[1].Value, Attribute: m.Groups[2].Success ? m.Groups[2].Value : null))
            .Concat(TagHelperElements.Select(t => (Tag: t, Attribute: (string?)null)))
            .ToList();
        bool IsHelper(string tag, string attributes) => attributes.Contains(" asp-", StringComparison.Ordinal)
            || helpers.Any(h => string.Equals(h.Tag, tag, StringComparison.OrdinalIgnoreCase)
                && (h.Attribute is null || Regex.IsMatch(attributes, $@"(?<![\w-]){Regex.Escape(h.Attribute)}\s*=")));
        var silent = new List<string>();
        foreach (var css in Directory.EnumerateFiles(features, "*.cshtml.css", SearchOption.AllDirectories))
        {
            var view = File.ReadAllText(css[..^".css".Length]);
            var helperClasses = Tag().Matches(view)
                .Where(t => IsHelper(t.Groups[1].Value, t.Groups[2].Value))
                .Select(t => ClassAttribute().Match(t.Groups[2].Value))
                .Where(c => c.Success)
                .SelectMany(c => c.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(c => !c.Contains('@', StringComparison.Ordinal))
                .ToHashSet(StringComparer.Ordinal);
            var rules = Comment().Replace(File.ReadAllText(css), string.Empty);
            foreach (var selector in Selector().Matches(rules).Select(m => m.Groups[1].Value.Trim()).Where(s => !s.StartsWith('@')))
            {
                foreach (var part in selector.Split(',').Select(p => p.Trim()).Where(p => !p.Contains("::deep", StringComparison.Ordinal)))
                {
                    var last = Combinator().Split(PseudoArgument().Replace(part, string.Empty)).Last(c => c.Length > 0);
                    var element = ElementName().Match(last).Value.ToLowerInvariant();
                    if (TagHelperElements.Contains(element) || ClassName().Matches(last).Any(c => helperClasses.Contains(c.Groups[1].Value)))
                    {
                        silent.Add($"{Path.GetRelativePath(features, css)}: \"{part}\" targets an element a tag helper renders (write it with ::deep)");
                    }

                    // A page's scope reaches only its own markup: a class written in a partial never gets this page's attribute.
                    foreach (var missing in ClassName().Matches(last).Select(c => c.Groups[1].Value).Where(c => !Regex.IsMatch(view, $@"(?<![\w-]){Regex.Escape(c)}(?![\w-])")))
                    {
                        silent.Add($"{Path.GetRelativePath(features, css)}: \"{part}\" styles .{missing}, which its page never writes (move the rule beside the view that does)");
                    }
                }
            }
        }

        Assert.True(silent.Count == 0, string.Join(Environment.NewLine, silent));
    }

    private static readonly HashSet<string> TagHelperElements = ["form", "input", "select", "textarea"];

    [GeneratedRegex(@"\[HtmlTargetElement\(""([\w-]+)""(?:[^\]]*?Attributes\s*=\s*""([\w-]+)"")?")]
    private static partial Regex TargetElement();

    [GeneratedRegex(@"<([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\bclass=""([^""]*)""")]
    private static partial Regex ClassAttribute();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"([^{}]+)\{")]
    private static partial Regex Selector();

    [GeneratedRegex(@"\s*[>+~]\s*|\s+")]
    private static partial Regex Combinator();

    [GeneratedRegex(@"\((?:[^()]|\([^()]*\))*\)")]
    private static partial Regex PseudoArgument();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9]*")]
    private static partial Regex ElementName();

    /// <summary>Helpers any page may use, whoever uses them today.</summary>
    private static readonly string[] Utilities = ["no-print"];

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mutuality.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Mutuality.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"<link rel=""stylesheet"" href=""(/Mutuality\.Web\.styles\.css[^""]*)""")]
    private static partial Regex StylesLink();

    [GeneratedRegex(@"\.([a-z][a-z0-9-]+)")]
    private static partial Regex ClassName();
}
