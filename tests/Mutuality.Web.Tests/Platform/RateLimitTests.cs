using System.Net;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Platform;

public sealed class RateLimitTests(RateLimitTests.TightApp app) : IClassFixture<RateLimitTests.TightApp>
{
    public sealed class TightApp : AppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["RateLimits:AuthPerMinute"] = "3" };
    }

    [Theory]
    [InlineData("/Account/Login", "Input.Email")]
    [InlineData("/Account/Register", "Input.Email")]
    [InlineData("/Account/ForgotPassword", "Email")]
    public async Task AttemptsBeyondTheLimit_Answer429WithAFriendlyPage_WhileReadingStaysOpen(string url, string field)
    {
        using var client = app.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.PostFormAsync(url, (field, "nobody@example.org"))).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
        var limited = await client.PostFormAsync(url, (field, "nobody@example.org"));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("slow down", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }
}

public sealed class JoinRateLimitTests(RateLimitTests.TightApp app) : IClassFixture<RateLimitTests.TightApp>
{
    [Fact]
    public async Task JoinAttemptsBeyondTheLimit_Answer429_SoCodesCannotBeGuessed()
    {
        using var client = await app.SignedInAsync(await app.CreatePersonAsync("Guesser"));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.PostFormAsync("/Couple/Join", ("Code", $"ZZZZ-ZZZ{i + 2}"))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        var page = await client.PostFormAsync("/Couple/Join", ("Code", "ZZZZ-ZZZZ"));
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(html.Contains("slow down", StringComparison.Ordinal), html[html.IndexOf("<main", StringComparison.Ordinal)..]);
    }
}
