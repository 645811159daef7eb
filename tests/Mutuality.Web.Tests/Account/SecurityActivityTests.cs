using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutuality.Web.Data;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Account;

public sealed class SecurityActivityTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task SignOutEverywhereElse_EndsTheOtherSessions_AndKeepsThisOne()
    {
        var person = await app.CreatePersonAsync("Traveller");
        using var laptop = await app.SignedInAsync(person);
        using var phone = await app.SignedInAsync(person);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/Couple")).StatusCode);

        var page = await laptop.GetPageAsync("/Account/Manage/Security");
        Assert.Equal(2, page.QuerySelectorAll("tbody tr").Length);

        var response = await laptop.PostFormAsync("/Account/Manage/Security?handler=SignOutOthers", [], "/Account/Manage/Security");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var phoneAfter = await phone.GetAsync("/Couple");
        Assert.Equal(HttpStatusCode.Redirect, phoneAfter.StatusCode);
        Assert.StartsWith("/Account/Login", phoneAfter.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/Couple")).StatusCode);

        var events = (await laptop.GetPageAsync("/Account/Manage/Security")).MainText();
        Assert.Contains("All other sessions signed out", events, StringComparison.Ordinal);
        Assert.Contains("Signed in", events, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeSession_OfSomeoneElse_Returns404_AndTheirSessionLives()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        var samSession = await app.WithDbAsync(db => db.UserSessions.Where(s => s.UserId == couple.B.Id).Select(s => s.Id).FirstAsync());

        var response = await robin.PostFormAsync($"/Account/Manage/Security?handler=Revoke&id={samSession}", [], "/Account/Manage/Security");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sam.GetAsync("/Couple")).StatusCode);

        // The partner's sessions and activity never appear on this page.
        var page = await robin.GetPageAsync("/Account/Manage/Security");
        Assert.Single(page.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task ProfileChange_KeepsTheSameSession()
    {
        var person = await app.CreatePersonAsync("Steady");
        using var client = await app.SignedInAsync(person);
        await client.PostFormAsync("/Account/Manage", ("Input.DisplayName", "Steadier"), ("Input.TimeZoneId", "Europe/Paris"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Couple")).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.UserSessions.CountAsync(s => s.UserId == person.Id && s.RevokedAtUtc == null)));
    }

    [Fact]
    public async Task WrongPassword_IsRecordedForTheOwner()
    {
        var person = await app.CreatePersonAsync("Watchful");
        using var stranger = app.NewClient();
        await stranger.PostFormAsync("/Account/Login", ("Input.Email", person.Email), ("Input.Password", "not the password at all"));
        using var owner = await app.SignedInAsync(person);
        Assert.Contains("A sign-in attempt with a wrong password", (await owner.GetPageAsync("/Account/Manage/Security")).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangedSecurityStamp_SignsAnOldCookieOut_OnceTheCheckIsDue_NotBefore()
    {
        var person = await app.CreatePersonAsync("Stamped");
        using var client = await app.SignedInAsync(person);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(person.Id.ToString()))!);
        }

        // Within the interval the cookie is trusted (Identity's own rule); once it has passed, the stamp is checked.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Couple")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var after = await client.GetAsync("/Couple");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnchangedSecurityStamp_KeepsTheCookie_AfterTheCheck()
    {
        var person = await app.CreatePersonAsync("Unstamped");
        using var client = await app.SignedInAsync(person);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Couple")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Couple")).StatusCode);
    }
}

/// <summary>Issue 12, item 8: signing out ends the session on the server, so a copied cookie is worthless at once.</summary>
public sealed class SignOutRevokesTheSessionTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task After_signing_out_a_copy_of_the_cookie_no_longer_opens_any_page()
    {
        var person = await app.CreatePersonAsync("Careful");
        var jar = new System.Net.CookieContainer();
        using var browser = new TestClient(app.CreateDefaultClient(new Uri("http://localhost"), new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(jar)));
        await browser.SignInAsync(person.Email, TestPerson.DefaultPassword);

        // Someone copies the sign-in cookie (e.g. from a shared computer) before the owner signs out.
        var copied = jar.GetCookieHeader(new Uri("http://localhost/"));
        Assert.Contains("mutuality.auth=", copied, StringComparison.Ordinal);
        using var thief = app.CreateDefaultClient(new Uri("http://localhost"));
        thief.DefaultRequestHeaders.Add("Cookie", copied);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/Couple")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/Account/Logout", [], "/")).StatusCode);

        var after = await thief.GetAsync("/Couple");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.UserSessions.CountAsync(s => s.UserId == person.Id && s.RevokedAtUtc == null)));
    }
}
