using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Mutuality.Web.Tests.Infrastructure;

/// <summary>
/// An HTTP client that behaves like a browser for forms: it keeps cookies and posts with the antiforgery
/// token taken from the page, as a real form post would.
/// </summary>
public sealed class TestClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    public async Task<IHtmlDocument> GetPageAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}{(response.Headers.Location is { } to ? " to " + to : "")}. Body: {Truncate(body)}");
        return await Parser.ParseDocumentAsync(body);
    }

    /// <summary>Reads the antiforgery token the layout puts on every page.</summary>
    public async Task<string> TokenAsync(string fromUrl = "/Help")
    {
        var page = await GetPageAsync(fromUrl);
        return page.QuerySelector("meta[name=request-verification-token]")?.GetAttribute("content")
            ?? throw new InvalidOperationException($"No antiforgery token on {fromUrl}");
    }

    /// <summary>Posts a form with the antiforgery token, as a browser would.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string? tokenFrom = null)
    {
        var token = await TokenAsync(tokenFrom ?? "/Help");
        var all = fields.Append(new("__RequestVerificationToken", token)).ToList();
        using var content = new FormUrlEncodedContent(all);
        return await Http.PostAsync(url, content);
    }

    public Task<HttpResponseMessage> PostFormAsync(string url, params (string Key, string Value)[] fields)
        => PostFormAsync(url, fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    /// <summary>
    /// Submits a form as the page rendered it, as a browser would: fetches <paramref name="pageUrl"/>, finds the form
    /// (<paramref name="formSelector"/>), and posts every field it carries — hidden ones such as the antiforgery token
    /// and the intent key, checked boxes and radios, selected options, text — with <paramref name="values"/> put in
    /// place of what was rendered for those names (a name given twice posts both values). Naming a field the form does
    /// not have fails the test, so a renamed field breaks the test that posts it. Values are not checked against what
    /// the form offers: tests of bad input send what a browser would not.
    /// </summary>
    public Task<HttpResponseMessage> SubmitFormAsync(string pageUrl, string formSelector, params (string Name, string Value)[] values)
        => SubmitFormAsync(pageUrl, formSelector, button: null, values);

    /// <summary>As <see cref="SubmitFormAsync(string, string, (string Name, string Value)[])"/>, pressing the submit button
    /// whose text is <paramref name="button"/> (its <c>formaction</c> and its own name and value go with the post).</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string pageUrl, string formSelector, string? button, params (string Name, string Value)[] values)
    {
        var page = await GetPageAsync(pageUrl);
        var matches = page.QuerySelectorAll(formSelector).OfType<IHtmlFormElement>().ToList();
        Assert.True(matches.Count == 1, $"{matches.Count} forms match '{formSelector}' on {pageUrl} (one must); its forms post to: "
            + string.Join(", ", page.Forms.Select(f => f.GetAttribute("action") ?? "(this page)")));
        var form = matches[0];
        var (fields, names, submitters) = RenderedFields(form);

        var missing = values.Select(v => v.Name).Where(n => !names.Contains(n)).Distinct().ToList();
        Assert.True(missing.Count == 0, $"The form '{formSelector}' on {pageUrl} has no field named {string.Join(", ", missing)}; it has {string.Join(", ", names.Order(StringComparer.Ordinal))}.");

        var action = form.GetAttribute("action");
        if (button is not null)
        {
            var pressed = submitters.FirstOrDefault(b => string.Equals(b.TextContent.Trim(), button, StringComparison.Ordinal) || string.Equals(b.GetAttribute("value"), button, StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"The form '{formSelector}' on {pageUrl} has no button '{button}'; it has: {string.Join(", ", submitters.Select(b => b.TextContent.Trim()))}");
            action = pressed.GetAttribute("formaction") ?? action;
            if (pressed.GetAttribute("name") is { Length: > 0 } name)
            {
                fields.Add(new(name, pressed.GetAttribute("value") ?? string.Empty));
            }
        }

        var replaced = values.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var posted = fields.Where(f => !replaced.Contains(f.Key)).Concat(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value))).ToList();
        var target = string.IsNullOrEmpty(action) ? pageUrl : new Uri(new Uri(new Uri("http://localhost"), pageUrl), action).PathAndQuery;
        using var content = new FormUrlEncodedContent(posted);
        return await Http.PostAsync(target, content);
    }

    /// <summary>What a browser would post for the form (its successful controls, submit buttons aside), every name a
    /// field may be posted under, and the submit buttons.</summary>
    private static (List<KeyValuePair<string, string>> Fields, HashSet<string> Names, List<IElement> Submitters) RenderedFields(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var submitters = new List<IElement>();
        foreach (var element in form.Elements)
        {
            var type = element.GetAttribute("type")?.ToLowerInvariant();
            var isSubmitter = element is IHtmlButtonElement { Type: "submit" } || (element is IHtmlInputElement && type is "submit" or "image");
            if (isSubmitter)
            {
                submitters.Add(element);
            }

            if (element.GetAttribute("name") is not { Length: > 0 } name || element.HasAttribute("disabled"))
            {
                continue;
            }

            names.Add(name);
            switch (element)
            {
                case IHtmlInputElement input when type is "checkbox" or "radio":
                    if (input.HasAttribute("checked"))
                    {
                        fields.Add(new(name, input.GetAttribute("value") ?? "on"));
                    }

                    break;
                case IHtmlInputElement when type is "submit" or "image" or "button" or "reset" or "file":
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.GetAttribute("value") ?? string.Empty));
                    break;
                case IHtmlTextAreaElement textArea:
                    fields.Add(new(name, textArea.TextContent.StartsWith('\n') ? textArea.TextContent[1..] : textArea.TextContent));
                    break;
                case IHtmlSelectElement select:
                    var options = select.Options.ToList();
                    var chosen = options.Where(o => o.HasAttribute("selected")).ToList();
                    if (chosen.Count == 0 && !select.IsMultiple && options.Count > 0)
                    {
                        chosen.Add(options[0]);
                    }

                    fields.AddRange(chosen.Select(o => new KeyValuePair<string, string>(name, o.GetAttribute("value") ?? o.TextContent.Trim())));
                    break;
            }
        }

        return (fields, names, submitters);
    }

    /// <summary>Posts without any antiforgery token (to prove it is required).</summary>
    public async Task<HttpResponseMessage> PostFormWithoutTokenAsync(string url, params (string Key, string Value)[] fields)
    {
        using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        return await Http.PostAsync(url, content);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
        => await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public async Task SignInAsync(string email, string password)
    {
        var response = await SubmitFormAsync("/Account/Login", "main form[method=post]", ("Input.Email", email), ("Input.Password", password));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in failed: {(int)response.StatusCode} {Truncate(await response.Content.ReadAsStringAsync())}");
    }

    private static string Truncate(string s) => s.Length > 1500 ? s[..1500] + "…" : s;

    public void Dispose() => Http.Dispose();
}
