using System.Net;
using System.Text;
using Mutuality.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Mutuality.Web.Tests.Account;

/// <summary>
/// Issue 12, item 12, as a property: for generated return addresses — control characters, tabs, backslashes,
/// protocol-relative and absolute addresses, percent-encoded tricks, characters beyond ASCII, broken UTF-8, very long —
/// every page that takes a returnUrl answers without a server error, and every redirect it gives stays on this site
/// with a Location a browser reads as exactly that (printable ASCII, starting with one "/"). Through real HTTP.
/// </summary>
public sealed class ReturnUrlPropertyTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    private static readonly string[] Fragments =
    [
        "/", "//", "\\", "/\\", "\\\\", "\t", "\r", "\n", "\r\n", "\0", "\u0001", "\u007f", "\u0085", "\u00a0", "\u2028", "\ufeff",
        "evil.example", "http:", "https://evil.example", "javascript:alert(1)", "@evil.example", "%09", "%0d%0a", "%2F", "%5C",
        "%2F%2Fevil.example", "é", "\u4e2d", "\ud83d\ude00", "\ud800", "?", "#", " ", "~", "..", "Moments", "Account/Manage", "a=b&c",
    ];

    /// <summary>Known shapes first, then generated ones (a fixed seed, so a failure can be replayed).</summary>
    private static List<(string Label, string Query)> Cases(int generated)
    {
        var cases = new List<(string, string)>();
        void Add(string value) => cases.Add((Show(value), Encode(value)));

        foreach (var known in new[] { "/\t/evil.example", "\\\\evil", "\\evil", "%09", "/%09/evil.example", "//evil.example", "/\\evil.example", "https://evil.example/",
                     "/Moments\r\nSet-Cookie: x=1", "/é", "/\ud800", " /Moments", "/Moments ", new string('a', 5000), "/" + new string('a', 1999), "/" + new string('a', 3000), "" })
        {
            Add(known);
        }

        // Sent as they are (already percent-encoded, some as broken UTF-8), so the server does the decoding.
        foreach (var raw in new[] { "%09", "%2F%09%2Fevil.example", "%2F%ED%A0%80", "%2F%FF", "%2F%C3", "%2F%0D%0ALocation:%20x", "%2F%5Cevil", "%5C%5Cevil", "%2F%252F%252Fevil" })
        {
            cases.Add(("raw " + raw, raw));
        }

        var random = new Random(1212);
        for (var i = 0; i < generated; i++)
        {
            var value = new StringBuilder();
            var parts = random.Next(1, 7);
            for (var p = 0; p < parts; p++)
            {
                value.Append(random.Next(4) switch
                {
                    0 => ((char)random.Next(0, 0x80)).ToString(),
                    1 => ((char)random.Next(0x80, 0xFFFF)).ToString(),
                    _ => Fragments[random.Next(Fragments.Length)],
                });
            }

            if (random.Next(8) == 0)
            {
                value.Append('x', random.Next(1990, 2100));
            }

            Add(value.ToString());
        }

        return cases;
    }

    /// <summary>Percent-encodes every UTF-16 unit's UTF-8 bytes (lone surrogates as the replacement character), as a form would.</summary>
    private static string Encode(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in new UTF8Encoding(false, false).GetBytes(value))
        {
            builder.Append(b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
                ? ((char)b).ToString()
                : "%" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    private static string Show(string value)
        => value.Length > 60 ? $"{Escape(value[..30])}…({value.Length} chars)" : Escape(value);

    private static string Escape(string value)
        => string.Concat(value.Select(c => c is >= ' ' and < (char)0x7f ? c.ToString() : $"\\u{(int)c:x4}"));

    private static void AssertSafe(string what, HttpResponseMessage response)
    {
        Assert.True((int)response.StatusCode < 500, $"{what}: {(int)response.StatusCode}");
        if (response.Headers.Location is { } location)
        {
            var to = location.OriginalString;
            Assert.True(to.StartsWith('/') && !to.StartsWith("//", StringComparison.Ordinal) && !to.StartsWith("/\\", StringComparison.Ordinal)
                && to.All(c => c is > ' ' and < (char)0x7f), $"{what}: redirected to {Escape(to)}");
        }
    }

    [Fact]
    public async Task Every_page_that_takes_a_return_address_answers_hostile_ones_with_a_safe_redirect_and_never_a_server_error()
    {
        var person = await app.CreatePersonAsync("Wanderer");
        var cases = Cases(generated: 60);
        using var signedIn = app.NewClient();
        using var anonymous = app.NewClient();
        var requests = 0;
        foreach (var (label, query) in cases)
        {
            // Signing in with the right password redirects to the return address (or home).
            var signIn = await signedIn.PostFormAsync("/Account/Login?returnUrl=" + query, ("Input.Email", person.Email), ("Input.Password", TestPerson.DefaultPassword));
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            AssertSafe($"POST sign-in with {label}", signIn);

            // A refused sign-in shows the form again, carrying the address along (an unknown address: no lockout to trip).
            AssertSafe($"POST sign-in, refused, with {label}",
                await anonymous.PostFormAsync("/Account/Login?returnUrl=" + query, ("Input.Email", "nobody-here@example.org"), ("Input.Password", "not the password at all")));
            AssertSafe($"POST registration with {label}",
                await anonymous.PostFormAsync("/Account/Register?returnUrl=" + query, ("Input.Email", "not-an-address"), ("Input.Password", "x")));
            foreach (var page in new[] { "/Account/Login", "/Account/Register", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/ConfirmEmail" })
            {
                AssertSafe($"GET {page} with {label}", await anonymous.GetAsync(page + "?returnUrl=" + query));
            }

            requests += 8;
        }

        output.WriteLine($"{cases.Count} return addresses, {requests} requests, no server error, every redirect on this site");
    }

    [Fact]
    public async Task The_second_step_of_signing_in_redirects_only_on_this_site_whatever_the_return_address()
    {
        var person = await app.CreatePersonAsync("Stepper");
        using var owner = await app.SignedInAsync(person);
        var twoStep = await TwoStepTests.TurnOnAsync(app, owner);
        var cases = Cases(generated: 12);
        var recovery = new Queue<string>(twoStep.RecoveryCodes);
        foreach (var (label, query) in cases)
        {
            using var client = app.NewClient();
            var first = await client.PostFormAsync("/Account/Login?returnUrl=" + query, ("Input.Email", person.Email), ("Input.Password", TestPerson.DefaultPassword));
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            AssertSafe($"POST sign-in (two-step) with {label}", first);

            app.Clock.Advance(TimeSpan.FromSeconds(30)); // each code counts once
            var second = await client.PostFormAsync("/Account/LoginWith2fa?rememberMe=False&returnUrl=" + query, ("Code", Totp.Code(twoStep.Key, app.Clock.GetUtcNow())));
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
            AssertSafe($"POST second step with {label}", second);

            if (recovery.Count > 0)
            {
                using var other = app.NewClient();
                await other.PostFormAsync("/Account/Login", ("Input.Email", person.Email), ("Input.Password", TestPerson.DefaultPassword));
                var recovered = await other.PostFormAsync("/Account/LoginWithRecoveryCode?returnUrl=" + query, ("RecoveryCode", recovery.Dequeue()));
                Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
                AssertSafe($"POST recovery code with {label}", recovered);
            }
        }
    }
}
