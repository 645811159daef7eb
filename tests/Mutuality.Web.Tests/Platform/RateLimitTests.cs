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

/// <summary>Issue 12, item 9: the bucket is the endpoint, so case, trailing slashes, queries and tokens in the path don't open new ones.</summary>
public sealed class RateLimitVariantTests(RateLimitVariantTests.TightApp app) : IClassFixture<RateLimitVariantTests.TightApp>
{
    public sealed class TightApp : AppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["RateLimits:AuthPerMinute"] = "3" };
    }

    private static async Task AssertFourthIsRefusedAsync(Func<string, Task<HttpResponseMessage>> attempt, params string[] variants)
    {
        Assert.Equal(4, variants.Length);
        var statuses = new List<HttpStatusCode>();
        foreach (var url in variants)
        {
            statuses.Add((await attempt(url)).StatusCode);
        }

        Assert.All(statuses.Take(3), s => Assert.True(s is not HttpStatusCode.TooManyRequests and not HttpStatusCode.InternalServerError, $"{string.Join(", ", statuses)}"));
        Assert.True(statuses[3] == HttpStatusCode.TooManyRequests, $"the fourth attempt through a variant of the path: {string.Join(", ", statuses)}");
    }

    [Theory]
    [InlineData("/Account/Login", "Input.Email")]
    [InlineData("/Account/Register", "Input.Email")]
    [InlineData("/Account/ForgotPassword", "Email")]
    [InlineData("/Account/ResetPassword", "Input.Email")]
    [InlineData("/Account/ResendConfirmation", "Email")]
    [InlineData("/Account/LoginWith2fa", "Input.Code")]
    [InlineData("/Account/LoginWithRecoveryCode", "Input.RecoveryCode")]
    public async Task Attempts_through_case_slash_and_query_variants_of_a_form_share_one_bucket(string url, string field)
    {
        using var client = app.NewClient();
        await AssertFourthIsRefusedAsync(
            u => client.PostFormAsync(u, (field, "nobody@example.org")),
            url, url.ToLowerInvariant(), url.ToUpperInvariant() + "/", url + "/?again=1");
    }

    [Fact]
    public async Task Confirmation_links_with_guessed_codes_share_one_bucket_whatever_the_spelling_of_the_path()
    {
        using var client = app.NewClient();
        var id = Guid.NewGuid();
        await AssertFourthIsRefusedAsync(
            client.GetAsync,
            $"/Account/ConfirmEmail?userId={id}&code=a1", $"/account/confirmemail?userId={id}&code=a2",
            $"/ACCOUNT/ConfirmEmail/?userId={id}&code=a3", $"/Account/ConfirmEmail/?code=a4&userId={id}");
    }

    internal static Task FourthIsRefusedAsync(Func<string, Task<HttpResponseMessage>> attempt, params string[] variants) => AssertFourthIsRefusedAsync(attempt, variants);
}

/// <summary>Its own host, so signing in here does not draw on the sign-in bucket the tests above use up.</summary>
public sealed class JoinRateLimitVariantTests(RateLimitVariantTests.TightApp app) : IClassFixture<RateLimitVariantTests.TightApp>
{
    [Fact]
    public async Task Invitation_codes_in_the_form_and_in_any_join_path_share_one_bucket()
    {
        using var client = await app.SignedInAsync(await app.CreatePersonAsync("Guesser"));
        await RateLimitVariantTests.FourthIsRefusedAsync(
            u => u.EndsWith("/GET", StringComparison.Ordinal) ? client.GetAsync(u[..^4]) : client.PostFormAsync(u, ("Code", "ZZZZ-ZZZ2")),
            "/Couple/Join", "/couple/join/", "/Couple/Join/anything-at-all/GET", "/COUPLE/JOIN/another-token");
    }
}
