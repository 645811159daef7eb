using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Account;

/// <summary>
/// Issue 12, item 11: an authenticator code counts once (also under simultaneous submissions), and turning two-step
/// off or making new recovery codes asks for the password (or a current code) again. All through real HTTP; the
/// codes are computed independently of the app (<see cref="Totp"/>) on the app's clock.
/// </summary>
public sealed class TwoStepTests(AppFactory app) : IClassFixture<AppFactory>
{
    internal sealed record TwoStep(string Key, IReadOnlyList<string> RecoveryCodes);

    /// <summary>Turns two-step on through the page, as a person with an authenticator app would.</summary>
    internal static async Task<TwoStep> TurnOnAsync(AppFactory app, TestClient client)
    {
        var setup = await client.GetPageAsync("/Account/Manage/TwoFactor");
        var key = setup.QuerySelector("#shared-key")!.TextContent;
        var enabled = await client.PostFormAsync("/Account/Manage/TwoFactor?handler=Enable", ("Code", Totp.Code(key, app.Clock.GetUtcNow())));
        var codes = (await TestClient.ParseAsync(enabled)).QuerySelectorAll("ul.codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, codes.Count);
        return new TwoStep(key, codes);
    }

    /// <summary>A new browser that has given the right password and now stands at the second step.</summary>
    private async Task<TestClient> AtSecondStepAsync(TestPerson person)
    {
        var client = app.NewClient();
        var first = await client.PostFormAsync("/Account/Login", ("Input.Email", person.Email), ("Input.Password", TestPerson.DefaultPassword));
        Assert.StartsWith("/Account/LoginWith2fa", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return client;
    }

    private static Task<HttpResponseMessage> SecondStepAsync(TestClient client, string code)
        => client.PostFormAsync("/Account/LoginWith2fa?rememberMe=False&returnUrl=%2F", ("Code", code));

    private static void AssertSignedIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("didn't match", (await TestClient.ParseAsync(response)).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_that_signed_in_once_does_not_sign_in_again_within_its_window()
    {
        var person = await app.CreatePersonAsync("Once");
        using var owner = await app.SignedInAsync(person);
        var twoStep = await TurnOnAsync(app, owner);

        // The code that turned two-step on has been used: it does not sign in too.
        using (var replay = await AtSecondStepAsync(person))
        {
            await AssertRefusedAsync(await SecondStepAsync(replay, Totp.Code(twoStep.Key, app.Clock.GetUtcNow())));
        }

        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = Totp.Code(twoStep.Key, app.Clock.GetUtcNow());
        using (var first = await AtSecondStepAsync(person))
        {
            AssertSignedIn(await SecondStepAsync(first, code));
        }

        // The same code again, from another browser, still inside the window in which it is otherwise valid.
        app.Clock.Advance(TimeSpan.FromSeconds(20));
        using (var second = await AtSecondStepAsync(person))
        {
            await AssertRefusedAsync(await SecondStepAsync(second, code));

            // An earlier code that is still inside the allowed drift does not count either, once a later one has.
            await AssertRefusedAsync(await SecondStepAsync(second, Totp.Code(twoStep.Key, app.Clock.GetUtcNow().AddSeconds(-60))));

            // The next code does.
            app.Clock.Advance(TimeSpan.FromSeconds(30));
            AssertSignedIn(await SecondStepAsync(second, Totp.Code(twoStep.Key, app.Clock.GetUtcNow())));
        }
    }

    [Fact]
    public async Task One_code_submitted_from_several_browsers_at_the_same_moment_signs_in_exactly_one()
    {
        var person = await app.CreatePersonAsync("Racer");
        using var owner = await app.SignedInAsync(person);
        var twoStep = await TurnOnAsync(app, owner);
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = Totp.Code(twoStep.Key, app.Clock.GetUtcNow());

        const int Browsers = 4; // below the lockout's five failures, so only the code decides
        var browsers = new List<TestClient>();
        try
        {
            var posts = new List<(TestClient Client, FormUrlEncodedContent Form)>();
            for (var i = 0; i < Browsers; i++)
            {
                var browser = await AtSecondStepAsync(person);
                browsers.Add(browser);
                var token = await browser.TokenAsync("/Account/LoginWith2fa?rememberMe=False&returnUrl=%2F");
                posts.Add((browser, new FormUrlEncodedContent([new("Code", code), new("__RequestVerificationToken", token)])));
            }

            // Every request is ready before any is sent; then all go at once, each on its own thread.
            using var start = new Barrier(Browsers);
            var sends = posts.Select(p => Task.Run(async () =>
            {
                start.SignalAndWait();
                return await p.Client.Http.PostAsync("/Account/LoginWith2fa?rememberMe=False&returnUrl=%2F", p.Form);
            })).ToList();
            var responses = await Task.WhenAll(sends);

            var seen = string.Join(", ", responses.Select(r => $"{(int)r.StatusCode} {r.Headers.Location?.OriginalString}"));
            Assert.True(1 == responses.Count(r => r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString == "/"), seen);
            Assert.Equal(Browsers - 1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));

            // What the losers saved afterwards (their failed attempts) did not undo the winner's claim: the code stays used.
            using var late = await AtSecondStepAsync(person);
            await AssertRefusedAsync(await SecondStepAsync(late, code));
        }
        finally
        {
            foreach (var browser in browsers)
            {
                browser.Dispose();
            }
        }
    }

    [Fact]
    public async Task Turning_two_step_off_with_a_wrong_password_says_so_on_the_form_and_changes_nothing()
    {
        var person = await app.CreatePersonAsync("Keeper");
        using var client = await app.SignedInAsync(person);
        await TurnOnAsync(app, client);
        var before = await TokensAsync(person);

        foreach (var (given, says) in new[] { ("", "please enter your password"), ("not my password at all", "isn't your password"), ("123456", "isn't your password") })
        {
            var refused = await client.PostFormAsync("/Account/Manage/TwoFactor?handler=Disable", ("Confirm", given));
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = await TestClient.ParseAsync(refused);
            var error = page.QuerySelector("#confirm-disable-error")!.TextContent;
            Assert.Contains(says, error, StringComparison.Ordinal);
            Assert.Contains("Nothing has been changed", error, StringComparison.Ordinal);
            Assert.Contains("Two-step sign-in is on", page.MainText(), StringComparison.Ordinal);
        }

        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal(before, await TokensAsync(person));

        var off = await client.PostFormAsync("/Account/Manage/TwoFactor?handler=Disable", ("Confirm", TestPerson.DefaultPassword));
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Contains("Add a second step", (await TestClient.ParseAsync(off)).MainText(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task Turning_two_step_off_also_accepts_a_current_code_from_the_app_but_not_one_already_used()
    {
        var person = await app.CreatePersonAsync("Coder");
        using var client = await app.SignedInAsync(person);
        var twoStep = await TurnOnAsync(app, client);

        // The code that turned it on was used already.
        var reused = await client.PostFormAsync("/Account/Manage/TwoFactor?handler=Disable", ("Confirm", Totp.Code(twoStep.Key, app.Clock.GetUtcNow())));
        Assert.Contains("isn't your password or a current code", (await TestClient.ParseAsync(reused)).QuerySelector("#confirm-disable-error")!.TextContent, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));

        app.Clock.Advance(TimeSpan.FromSeconds(30));
        await client.PostFormAsync("/Account/Manage/TwoFactor?handler=Disable", ("Confirm", Totp.Code(twoStep.Key, app.Clock.GetUtcNow())));
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task New_recovery_codes_need_the_password_and_a_wrong_one_keeps_the_old_codes_working()
    {
        var person = await app.CreatePersonAsync("Recoverer");
        using var client = await app.SignedInAsync(person);
        var twoStep = await TurnOnAsync(app, client);
        var before = await TokensAsync(person);

        var refused = await client.PostFormAsync("/Account/Manage/TwoFactor?handler=RecoveryCodes", ("Confirm", "a guess at the password"));
        var refusedPage = await TestClient.ParseAsync(refused);
        Assert.Contains("isn't your password", refusedPage.QuerySelector("#confirm-recoverycodes-error")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(refusedPage.QuerySelectorAll("ul.codes code"));
        Assert.Equal(before, await TokensAsync(person));

        // The old codes still work.
        using (var other = await AtSecondStepAsync(person))
        {
            var recovered = await other.PostFormAsync("/Account/LoginWithRecoveryCode?returnUrl=%2F", ("RecoveryCode", twoStep.RecoveryCodes[0]));
            Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        }

        var made = await client.PostFormAsync("/Account/Manage/TwoFactor?handler=RecoveryCodes", ("Confirm", TestPerson.DefaultPassword));
        var fresh = (await TestClient.ParseAsync(made)).QuerySelectorAll("ul.codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, fresh.Count);
        Assert.Empty(fresh.Intersect(twoStep.RecoveryCodes));

        // The old ones stop working; the new ones work.
        using (var other = await AtSecondStepAsync(person))
        {
            Assert.Equal(HttpStatusCode.OK, (await other.PostFormAsync("/Account/LoginWithRecoveryCode?returnUrl=%2F", ("RecoveryCode", twoStep.RecoveryCodes[1]))).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await other.PostFormAsync("/Account/LoginWithRecoveryCode?returnUrl=%2F", ("RecoveryCode", fresh[0]))).StatusCode);
        }
    }

    /// <summary>The account's stored two-step rows as they are in the database (ciphertext included), to prove nothing changed.</summary>
    private Task<List<string>> TokensAsync(TestPerson person)
        => app.WithDbAsync(db => db.Database
            .SqlQuery<string>($"SELECT \"Name\" || ':' || \"Value\" AS \"Value\" FROM \"AspNetUserTokens\" WHERE \"UserId\" IN (SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Email\" = {person.Email}) ORDER BY \"Name\"")
            .ToListAsync());
}
