using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutuality.Web.Data;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Account;

public sealed class AccountTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string NewEmail() => $"p-{Guid.NewGuid():N}@example.org";

    private static (string, string)[] Registration(string email, string name = "Robin", string zone = "Europe/Berlin", string password = "a long enough secret")
        =>
        [
            ("Input.Email", email), ("Input.DisplayName", name), ("Input.TimeZoneId", zone),
            ("Input.Password", password), ("Input.ConfirmPassword", password),
        ];

    [Fact]
    public async Task Register_ThenConfirm_ThenSignIn_Works()
    {
        using var client = app.NewClient();
        var email = NewEmail();

        var registered = await client.SubmitFormAsync("/Account/Register", "main form[method=post]", Registration(email));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/Account/RegisterConfirmation", registered.Headers.Location!.OriginalString);

        var stored = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.Equal("Robin", stored.DisplayName);
        Assert.Equal("Europe/Berlin", stored.TimeZoneId);
        Assert.False(stored.EmailConfirmed);

        // Before confirming, signing in is refused with a plain reason.
        var early = await client.SubmitFormAsync("/Account/Login", "main form[method=post]", ("Input.Email", email), ("Input.Password", "a long enough secret"));
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("confirm your e-mail", (await TestClient.ParseAsync(early)).MainText(), StringComparison.Ordinal);

        // Opened in another browser, so the password is still asked for (the registering browser is signed in: ConfirmSignsInTests).
        var link = Mailbox.LinkTo(app, email, "/Account/ConfirmEmail");
        using (var elsewhere = app.NewClient())
        {
            Assert.Contains("confirmed", (await elsewhere.GetPageAsync(link)).MainText(), StringComparison.Ordinal);
        }

        await client.SignInAsync(email, "a long enough secret");
        var home = await client.GetPageAsync("/");
        Assert.Contains("Welcome, Robin", home.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_WithAnAddressThatHasAnAccount_DoesNotRevealIt_AndTellsTheOwner()
    {
        var existing = await app.CreatePersonAsync("Existing");
        using var client = app.NewClient();
        var response = await client.SubmitFormAsync("/Account/Register", "main form[method=post]", Registration(existing.Email, "Impostor"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/RegisterConfirmation", response.Headers.Location!.OriginalString);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == existing.Email)));
        Assert.Equal("Existing", await app.WithDbAsync(db => db.Users.Where(u => u.Email == existing.Email).Select(u => u.DisplayName).SingleAsync()));
        Assert.Contains(Mailbox.To(app, existing.Email), m => m.Subject?.Contains("tried to create", StringComparison.Ordinal) == true);
    }

    public static TheoryData<string, string, string, string, string, string> BadRegistrations => new()
    {
        { "empty everything", "", "", "", "", "E-mail" },
        { "not an e-mail", "not-an-email", "Robin", "Europe/London", "a long enough secret", "E-mail" },
        { "oversized e-mail", new string('a', 300) + "@example.org", "Robin", "Europe/London", "a long enough secret", "E-mail" },
        { "oversized name", "{new}", new string('x', 500), "Europe/London", "a long enough secret", "Display name" },
        { "blank name", "{new}", "   ", "Europe/London", "a long enough secret", "Display name" },
        { "unknown zone", "{new}", "Robin", "Mars/Base", "a long enough secret", "Time zone" },
        { "SQL-ish zone", "{new}", "Robin", "'; DROP TABLE \"AspNetUsers\"; --", "a long enough secret", "Time zone" },
        { "short password", "{new}", "Robin", "Europe/London", "short", "Password" },
        { "huge password", "{new}", "Robin", "Europe/London", new string('p', 10_000), "Password" },
        { "script in e-mail", "<script>alert(1)</script>@x.org", "Robin", "Europe/London", "a long enough secret", "E-mail" },
        { "lone surrogate in name", "{new}", "Ro\uD800bin" + new string('x', 70), "Europe/London", "a long enough secret", "Display name" },
    };

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task Register_WithBadInput_ExplainsTheFieldAndStoresNothing(string because, string email, string name, string zone, string password, string field)
    {
        using var client = app.NewClient();
        email = email == "{new}" ? NewEmail() : email;
        var before = await app.WithDbAsync(db => db.Users.CountAsync());
        var response = await client.SubmitFormAsync("/Account/Register", "main form[method=post]", Registration(email, name, zone, password));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{because}: got {(int)response.StatusCode}");
        var page = await TestClient.ParseAsync(response);
        Assert.Contains(page.FieldErrors(), e => e.StartsWith(field, StringComparison.Ordinal));
        Assert.Equal(before, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Register_WithInvalidUtf8Bytes_IsHandledWithoutError_AndStoresNoBrokenText()
    {
        using var client = app.NewClient();
        var token = await client.TokenAsync("/Account/Register");
        var email = NewEmail();
        var raw = $"Input.Email={Uri.EscapeDataString(email)}&Input.DisplayName=%FF%FE%C3&Input.TimeZoneId=Europe%2FLondon"
            + $"&Input.Password=a+long+enough+secret&Input.ConfirmPassword=a+long+enough+secret&__RequestVerificationToken={Uri.EscapeDataString(token)}";
        using var content = new StringContent(raw, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
        var response = await client.Http.PostAsync("/Account/Register", content);
        Assert.True((int)response.StatusCode < 500, $"got {(int)response.StatusCode}");
        var stored = await app.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.Email == email).Select(u => u.DisplayName).SingleOrDefaultAsync());
        if (stored is not null)
        {
            // Undecodable bytes arrive as U+FFFD replacement characters: valid text, never broken bytes.
            Assert.True(stored.All(c => !char.IsSurrogate(c)), "stored an unpaired surrogate");
        }
    }

    [Fact]
    public async Task Register_WithHostileDisplayName_StoresItAsTextAndEncodesIt()
    {
        using var client = app.NewClient();
        var email = NewEmail();
        var response = await client.SubmitFormAsync("/Account/Register", "main form[method=post]", Registration(email, "<script>x</script>"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var user = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.Equal("<script>x</script>", user.DisplayName);
        await app.WithDbAsync(async db =>
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, true));
        });
        await client.SignInAsync(email, "a long enough secret");
        var html = await (await client.GetAsync("/")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>x</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;x&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_FiveTimes_LocksTheAccount()
    {
        var person = await app.CreatePersonAsync("Locky");
        using var client = app.NewClient();
        for (var i = 0; i < 5; i++)
        {
            var attempt = await client.SubmitFormAsync("/Account/Login", "main form[method=post]", ("Input.Email", person.Email), ("Input.Password", "wrong password here"));
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }

        var locked = await client.SubmitFormAsync("/Account/Login", "main form[method=post]", ("Input.Email", person.Email), ("Input.Password", TestPerson.DefaultPassword));
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("locked", (await TestClient.ParseAsync(locked)).MainText(), StringComparison.Ordinal);

        // Identity keeps the lockout end itself (on the system clock): about 15 minutes from now.
        var lockoutEnd = await app.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.InRange(lockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(16));

        // Once the window has passed, the right password works again.
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddSeconds(-1))));
        await client.SignInAsync(person.Email, TestPerson.DefaultPassword);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("nobody@example.org", "some password")]
    [InlineData("' OR 1=1 --", "' OR 1=1 --")]
    public async Task SignIn_WithBadInput_NeverErrors(string email, string password)
    {
        using var client = app.NewClient();
        var response = await client.SubmitFormAsync("/Account/Login", "main form[method=post]", ("Input.Email", email), ("Input.Password", password));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await TestClient.ParseAsync(response)).FieldErrors());
    }

    [Fact]
    public async Task SignIn_WithOversizedInput_NeverErrors()
    {
        using var client = app.NewClient();
        var response = await client.SubmitFormAsync("/Account/Login", "main form[method=post]", ("Input.Email", new string('e', 100_000)), ("Input.Password", new string('p', 100_000)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ForgotPassword_ThenReset_ChangesThePassword_AndSaysTheSameForUnknownAddresses()
    {
        var person = await app.CreatePersonAsync("Forgetful");
        using var client = app.NewClient();

        var unknown = await client.PostFormAsync("/Account/ForgotPassword", ("Email", NewEmail()));
        var known = await client.PostFormAsync("/Account/ForgotPassword", ("Email", person.Email));
        Assert.Equal((await TestClient.ParseAsync(unknown)).MainText(), (await TestClient.ParseAsync(known)).MainText());

        var link = Mailbox.LinkTo(app, person.Email, "/Account/ResetPassword");
        var code = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query)["code"]!;
        var reset = await client.PostFormAsync("/Account/ResetPassword",
            ("Input.Email", person.Email), ("Input.Password", "a brand new secret"), ("Input.ConfirmPassword", "a brand new secret"), ("Input.Code", code));
        Assert.Contains("has been changed", (await TestClient.ParseAsync(reset)).MainText(), StringComparison.Ordinal);

        await client.SignInAsync(person.Email, "a brand new secret");
    }

    [Fact]
    public async Task ResetPassword_WithATamperedCode_SaysTheLinkDoesNotWork()
    {
        var person = await app.CreatePersonAsync("Tamper");
        using var client = app.NewClient();
        var reset = await client.PostFormAsync("/Account/ResetPassword",
            ("Input.Email", person.Email), ("Input.Password", "a brand new secret"), ("Input.ConfirmPassword", "a brand new secret"), ("Input.Code", "not-a-real-code!!"));
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("doesn't work", (await TestClient.ParseAsync(reset)).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoFactor_TurnOn_ThenSignInNeedsTheAppCode_OrARecoveryCode()
    {
        var person = await app.CreatePersonAsync("Careful");
        using var client = await app.SignedInAsync(person);

        var setup = await client.GetPageAsync("/Account/Manage/TwoFactor");
        var key = setup.QuerySelector("#shared-key")!.TextContent;
        Assert.StartsWith("data:image/png;base64,", setup.QuerySelector("img.qr")!.GetAttribute("src"), StringComparison.Ordinal);

        var wrong = await client.PostFormAsync("/Account/Manage/TwoFactor?handler=Enable", ("Code", "000000"));
        Assert.Contains("didn't match", (await TestClient.ParseAsync(wrong)).MainText(), StringComparison.Ordinal);

        // Authenticator codes follow the app's clock, as the phone app's follow the phone's.
        var enabled = await client.PostFormAsync("/Account/Manage/TwoFactor?handler=Enable", ("Code", Totp.Code(key, app.Clock.GetUtcNow())));
        var enabledPage = await TestClient.ParseAsync(enabled);
        var recoveryCodes = enabledPage.QuerySelectorAll("ul.codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, recoveryCodes.Count);

        // A new sign-in now asks for the second step.
        using var fresh = app.NewClient();
        var first = await fresh.SubmitFormAsync("/Account/Login", "main form[method=post]", ("Input.Email", person.Email), ("Input.Password", TestPerson.DefaultPassword));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/Account/LoginWith2fa", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        app.Clock.Advance(TimeSpan.FromSeconds(30)); // the code that turned it on counts once; the next one signs in
        var second = await fresh.PostFormAsync("/Account/LoginWith2fa?rememberMe=False&returnUrl=%2F", ("Code", Totp.Code(key, app.Clock.GetUtcNow())));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal("/", second.Headers.Location!.OriginalString);

        // A recovery code works once.
        using var third = app.NewClient();
        await third.SubmitFormAsync("/Account/Login", "main form[method=post]", ("Input.Email", person.Email), ("Input.Password", TestPerson.DefaultPassword));
        var recovered = await third.PostFormAsync("/Account/LoginWithRecoveryCode?returnUrl=%2F", ("RecoveryCode", recoveryCodes[0]));
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        using var fourth = app.NewClient();
        await fourth.SubmitFormAsync("/Account/Login", "main form[method=post]", ("Input.Email", person.Email), ("Input.Password", TestPerson.DefaultPassword));
        var reused = await fourth.PostFormAsync("/Account/LoginWithRecoveryCode?returnUrl=%2F", ("RecoveryCode", recoveryCodes[0]));
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
    }

    [Fact]
    public async Task Profile_Update_ValidatesAndSaves()
    {
        var person = await app.CreatePersonAsync("Renamer");
        using var client = await app.SignedInAsync(person);
        var bad = await client.PostFormAsync("/Account/Manage", ("Input.DisplayName", ""), ("Input.TimeZoneId", "Nowhere/Land"));
        var errors = (await TestClient.ParseAsync(bad)).FieldErrors();
        Assert.Contains(errors, e => e.StartsWith("Display name", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Time zone", StringComparison.Ordinal));

        var good = await client.PostFormAsync("/Account/Manage", ("Input.DisplayName", "Renamed"), ("Input.TimeZoneId", "Asia/Tokyo"));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var user = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == person.Id));
        Assert.Equal(("Renamed", "Asia/Tokyo"), (user.DisplayName, user.TimeZoneId));
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var person = await app.CreatePersonAsync("Leaver");
        using var client = await app.SignedInAsync(person);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Couple")).StatusCode);
        var response = await client.PostFormAsync("/Account/Logout", [], "/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Couple")).StatusCode);
    }
}
