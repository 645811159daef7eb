using System.Net;
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
        var response = await PostFormAsync("/Account/Login", ("Input.Email", email), ("Input.Password", password));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in failed: {(int)response.StatusCode} {Truncate(await response.Content.ReadAsStringAsync())}");
    }

    private static string Truncate(string s) => s.Length > 1500 ? s[..1500] + "…" : s;

    public void Dispose() => Http.Dispose();
}
