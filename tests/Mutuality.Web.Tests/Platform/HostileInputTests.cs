using System.Net;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Mutuality.Web.Tests.Platform;

/// <summary>
/// Property-based hostile input across the forms: thousands of generated values (oversized, empty, control
/// characters, emoji and combining marks, script and SQL payloads, huge numbers, impossible dates) are posted
/// as a browser would. Never a 5xx; a rejection stores nothing; what is stored is shown back as text.
/// </summary>
public sealed class HostileInputTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    public static readonly string[] Payloads =
    [
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "'; DROP TABLE \"AspNetUsers\"; --",
        "' OR '1'='1", "1; DELETE FROM \"Couples\"", "{{7*7}}", "${jndi:ldap://x/a}", "../../../../etc/passwd", "%00", "\u0000",
        "\u202Egnp.exe", "👩‍❤️‍👨", "🫶🏽🫶🏽🫶🏽", "e\u0301\u0301\u0301\u0301", "ﷺ", "𝕳𝖊𝖑𝖑𝖔", "null", "undefined", "-1", "0",
        "99999999999999999999999999", "1e309", "NaN", "-Infinity", "2026-02-30", "0001-01-01", "9999-12-31T23:59:59", "13:99",
        " ", "", "\t\r\n", "Europe/London", "a@b.c", "robin@example.org", "K7QP-M2XD", "correct horse battery",
    ];

    public static readonly Gen<string> Hostile = Gen.Frequency(
        (4, (IGen<string>)Gen.OneOf(Payloads)),
        (2, Gen.String[0, 40]),
        (1, Gen.Int[300, 20_000].Select(n => new string('x', n))),
        (2, Gen.Char["\u0001\u0007\u001b\u200b\u200d\u202e\uFEFF\uFFFD\r\n\t<>\"'&;%\\/€ß"].Array[1, 30].Select(a => new string(a))),
        (2, Gen.Select(Gen.OneOf(Payloads), Gen.String[0, 12]).Select(t => t.Item2 + t.Item1 + t.Item2)));

    private sealed record Form(string Url, string[] Fields, bool SignedIn, int Weight);

    private static readonly Form[] Forms =
    [
        new("/Account/Register", ["Input.Email", "Input.DisplayName", "Input.TimeZoneId", "Input.Password", "Input.ConfirmPassword"], false, 6),
        new("/Account/Login", ["Input.Email", "Input.Password", "Input.RememberMe"], false, 5),
        new("/Account/ForgotPassword", ["Email"], false, 2),
        new("/Account/ResendConfirmation", ["Email"], false, 1),
        new("/Account/ResetPassword", ["Input.Email", "Input.Password", "Input.ConfirmPassword", "Input.Code"], false, 2),
        new("/Couple/Join", ["Code"], true, 4),
        new("/Account/Manage", ["Input.DisplayName", "Input.TimeZoneId"], true, 4),
        new("/Account/Manage/TwoFactor?handler=Enable", ["Code"], true, 2),
        new("/Account/Manage/ChangePassword", ["Input.OldPassword", "Input.NewPassword", "Input.ConfirmPassword"], true, 1),
    ];

    /// <summary>Text a browser cannot put in a form: NUL characters and unpaired UTF-16 surrogates.</summary>
    private static bool IsUnsendable(string s)
    {
        if (s.Contains('\0', StringComparison.Ordinal))
        {
            return true;
        }

        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public async Task GeneratedHostileInput_AcrossEveryForm_NeverErrors_AndRejectionsStoreNothing()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("MUTUALITY_FUZZ_ITER"), out var n) ? n : 4_000;
        var person = await app.CreatePersonAsync("Fuzzy");
        using var anonymous = app.NewClient();
        using var signedIn = await app.SignedInAsync(person);
        var anonymousToken = await anonymous.TokenAsync();
        var signedInToken = await signedIn.TokenAsync();
        var values = 0;
        var byForm400 = new List<string>();

        var formGen = Gen.Frequency(Forms.Select(f => (f.Weight, f)).ToArray());
        var caseGen = formGen.SelectMany(form => Hostile.Array[form.Fields.Length].Select(values => (form, values)));
        var tried = 0;
        var byStatus = new Dictionary<int, int>();

        await caseGen.SampleAsync(async c =>
        {
            var (form, fieldValues) = c;
            var client = form.SignedIn ? signedIn : anonymous;
            var token = form.SignedIn ? signedInToken : anonymousToken;
            var usersBefore = form.Url == "/Account/Register" ? await app.WithDbAsync(db => db.Users.CountAsync()) : 0;
            var fields = form.Fields.Zip(fieldValues, (k, v) => new KeyValuePair<string, string>(k, v)).Append(new("__RequestVerificationToken", token));
            using var content = new FormUrlEncodedContent(fields);
            var response = await client.Http.PostAsync(form.Url, content);
            var status = (int)response.StatusCode;
            lock (byStatus)
            {
                tried++;
                values += fieldValues.Length;
                byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
                if (status == 400 && !fieldValues.Any(IsUnsendable) && byForm400.Count < 5)
                {
                    byForm400.Add($"{form.Url} [{string.Join(" | ", fieldValues.Select(v => v.Length > 40 ? v[..40] : v))}]");
                }
            }

            Assert.True(status < 500, $"{form.Url} answered {status} for [{string.Join(" | ", fieldValues.Select(v => v.Length > 80 ? v[..80] + "…" : v))}]");
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>alert(1)</script>", body, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x onerror", body, StringComparison.Ordinal);

            if (response.StatusCode == HttpStatusCode.Redirect && form.SignedIn)
            {
                // An accepted change (say, a new password) renews the sign-in: take the page's fresh token.
                signedInToken = await signedIn.TokenAsync();
            }

            if (form.Url == "/Account/Register" && response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal(usersBefore, await app.WithDbAsync(db => db.Users.CountAsync()));
            }

            if (form.Url == "/Account/Manage" && response.StatusCode == HttpStatusCode.OK)
            {
                // A rejected profile change keeps the last good name.
                var stored = await app.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.DisplayName).SingleAsync());
                Assert.False(string.IsNullOrWhiteSpace(stored));
            }
        }, iter: iterations, threads: 1);

        var statuses = string.Join(", ", byStatus.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}×{kv.Value}"));
        var summary = $"hostile inputs tried: {values} values in {tried} posts across {Forms.Length} forms; statuses {statuses}";
        TestReport.Write(output, summary);
        Assert.Equal(iterations, tried);
        // A 400 ("that request didn't make sense") is right only for text no browser can send (NUL, unpaired surrogates).
        Assert.True(byForm400.Count == 0, "unexpected 400s: " + string.Join("\n", byForm400)); // every post carried a valid antiforgery token: all were really tried

        // Whatever was accepted is shown back as text.
        var page = await signedIn.GetPageAsync("/Account/Manage");
        var storedName = await app.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.DisplayName).SingleAsync());
        Assert.Equal(storedName, page.QuerySelector("#Input_DisplayName")!.GetAttribute("value"));
    }
}
