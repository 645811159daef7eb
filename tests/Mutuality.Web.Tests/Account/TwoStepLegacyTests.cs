using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Account;

/// <summary>
/// Issue 12, item 11: versions before this one stored the authenticator key and recovery codes as plain text. An account
/// with such rows keeps signing in, and the next start rewrites them encrypted.
/// </summary>
public sealed class TwoStepLegacyTests
{
    private sealed class RestartableApp : AppFactory
    {
        public RestartableApp()
        {
        }

        private RestartableApp(RestartableApp stopped)
            : base(stopped)
        {
        }

        public RestartableApp Restart()
        {
            KeepData = true;
            Dispose();
            var next = new RestartableApp(this);
            _ = next.Services; // start it
            return next;
        }
    }

    private static string NewBase32Key()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        return string.Concat(Enumerable.Range(0, 32).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]));
    }

    private static async Task<HttpStatusCode> SignInWithCodeAsync(AppFactory app, TestPerson person, string key)
    {
        using var client = app.NewClient();
        var first = await client.PostFormAsync("/Account/Login", ("Input.Email", person.Email), ("Input.Password", TestPerson.DefaultPassword));
        Assert.StartsWith("/Account/LoginWith2fa", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var second = await client.PostFormAsync("/Account/LoginWith2fa?rememberMe=False&returnUrl=%2F", ("Code", Totp.Code(key, app.Clock.GetUtcNow())));
        return second.StatusCode;
    }

    private static Task<List<string>> RawSecretsAsync(AppFactory app, TestPerson person)
        => app.WithDbAsync(db => db.Database
            .SqlQuery<string>($"SELECT \"Value\" FROM \"AspNetUserTokens\" WHERE \"UserId\" IN (SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Email\" = {person.Email})")
            .ToListAsync());

    [Fact]
    public async Task An_account_whose_two_step_secrets_were_stored_in_plain_text_keeps_signing_in_and_the_next_start_encrypts_them()
    {
        var app = new RestartableApp();
        try
        {
            var person = await app.CreatePersonAsync("Veteran");
            var key = NewBase32Key();
            string[] recovery = ["AB3CD-EF4GH", "JK5LM-NP6QR", "ST7UV-WX2YZ"];

            // What an older version left behind: the key and the codes as plain text, two-step on.
            await app.WithDbAsync(async db =>
            {
                await db.Database.ExecuteSqlAsync($"INSERT INTO \"AspNetUserTokens\" (\"UserId\", \"LoginProvider\", \"Name\", \"Value\") SELECT \"Id\", '[AspNetUserStore]', 'AuthenticatorKey', {key} FROM \"AspNetUsers\" WHERE \"Email\" = {person.Email}");
                await db.Database.ExecuteSqlAsync($"INSERT INTO \"AspNetUserTokens\" (\"UserId\", \"LoginProvider\", \"Name\", \"Value\") SELECT \"Id\", '[AspNetUserStore]', 'RecoveryCodes', {string.Join(';', recovery)} FROM \"AspNetUsers\" WHERE \"Email\" = {person.Email}");
                await db.Users.Where(u => u.Id == person.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.TwoFactorEnabled, true));
            });
            Assert.Contains(key, await RawSecretsAsync(app, person));

            // Before any restart, the plain rows are read as they are: signing in works.
            Assert.Equal(HttpStatusCode.Redirect, await SignInWithCodeAsync(app, person, key));

            app = app.Restart();
            app.Clock.Advance(TimeSpan.FromSeconds(30));

            // After the start, only ciphertext is stored…
            var raw = await RawSecretsAsync(app, person);
            Assert.Equal(2, raw.Count);
            Assert.All(raw, v => Assert.StartsWith("CfDJ8", v, StringComparison.Ordinal));
            Assert.DoesNotContain(raw, v => v.Contains(key, StringComparison.Ordinal) || recovery.Any(c => v.Contains(c, StringComparison.Ordinal)));

            // …and the same authenticator app and recovery codes still sign in.
            Assert.Equal(HttpStatusCode.Redirect, await SignInWithCodeAsync(app, person, key));
            using var client = app.NewClient();
            await client.PostFormAsync("/Account/Login", ("Input.Email", person.Email), ("Input.Password", TestPerson.DefaultPassword));
            var recovered = await client.PostFormAsync("/Account/LoginWithRecoveryCode?returnUrl=%2F", ("RecoveryCode", recovery[1]));
            Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
            Assert.Equal("/", recovered.Headers.Location!.OriginalString);
        }
        finally
        {
            app.Dispose();
        }
    }
}
