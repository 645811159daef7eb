using System.Net;
using Mutuality.Web.Tests.Infrastructure;
using Mutuality.Web.Tests.Platform;

namespace Mutuality.Web.Tests.Account;

/// <summary>Issue 12, items 12 and 13: what every signed-in response carries, and return addresses that can't break a redirect.</summary>
public sealed partial class SignedInResponseTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Every_endpoint_the_authorisation_matrix_discovers_answers_a_signed_in_person_with_no_store()
    {
        var endpoints = await AuthorisationMatrixTests.DiscoverAsync(app.Services);
        Assert.True(endpoints.Count > 50, $"only {endpoints.Count} endpoints discovered");
        var couple = await app.CreateCoupleAsync();
        var failures = new List<string>();
        foreach (var endpoint in endpoints.Where(e => !e.Route.Contains("Logout", StringComparison.OrdinalIgnoreCase) && !e.Route.Contains("Delete", StringComparison.OrdinalIgnoreCase)))
        {
            // A fresh signed-in client for each, so no endpoint's effect (leaving the couple, revoking a session) hides another's answer.
            using var client = await app.SignedInAsync(couple.A);
            var url = RouteParameter().Replace(endpoint.Route, Guid.NewGuid().ToString()) + (endpoint.Handler is null ? string.Empty : $"?handler={endpoint.Handler}");
            using var cancel = new CancellationTokenSource();
            HttpResponseMessage response;
            if (endpoint.Method is "GET" or "ANY")
            {
                response = await client.Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
            }
            else
            {
                response = await client.PostFormAsync(url, []);
            }

            using (response)
            {
                await cancel.CancelAsync();
                if (response.Headers.CacheControl?.NoStore != true)
                {
                    failures.Add($"{endpoint.Key}: {(int)response.StatusCode} with Cache-Control \"{response.Headers.CacheControl}\"");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} signed-in responses may be cached:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task The_fragments_named_in_the_audit_carry_no_store()
    {
        var couple = await app.CreateCoupleAsync();
        using var client = await app.SignedInAsync(couple.A);
        foreach (var url in new[] { "/Feed?handler=List", "/Account/Manage/Export", "/" })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url}: {(int)response.StatusCode} Cache-Control \"{response.Headers.CacheControl}\"");
        }
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/Couple\t")]
    [InlineData("/\u0001/evil.example")]
    [InlineData("/Moments\r\nSet-Cookie: x=1")]
    [InlineData("/\u007f")]
    public async Task A_control_character_in_the_return_address_gives_a_safe_redirect_home(string returnUrl)
    {
        var person = await app.CreatePersonAsync("Robin");
        using var client = app.NewClient();
        var response = await client.PostFormAsync("/Account/Login?returnUrl=" + Uri.EscapeDataString(returnUrl), ("Input.Email", person.Email), ("Input.Password", TestPerson.DefaultPassword));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);

        foreach (var page in new[] { "/Account/Login", "/Account/Register", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/ConfirmEmail" })
        {
            using var fresh = app.NewClient();
            var status = (await fresh.GetAsync(page + "?returnUrl=" + Uri.EscapeDataString(returnUrl))).StatusCode;
            Assert.True((int)status < 500, $"{page}: {(int)status}");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{[^}]+\}")]
    private static partial System.Text.RegularExpressions.Regex RouteParameter();
}
