using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Features.Account.Security;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Account;

/// <summary>Simultaneous sign-in attempts for one account (issue 20, item 1), through real HTTP, truly in parallel.</summary>
public sealed class SignInRaceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<HttpStatusCode[]> WrongPasswordsAtOnceAsync(TestPerson person, int count)
    {
        // Each attempt from its own browser, with its own antiforgery token, all released together.
        var browsers = Enumerable.Range(0, count).Select(_ => app.NewClient()).ToList();
        var tokens = await Task.WhenAll(browsers.Select(b => b.TokenAsync("/Account/Login")));
        using var start = new ManualResetEventSlim(false);
        var attempts = browsers.Select((b, i) => Task.Run(async () =>
        {
            start.Wait();
            using var form = new FormUrlEncodedContent(
            [
                new("Input.Email", person.Email),
                new("Input.Password", "not the password " + i),
                new("__RequestVerificationToken", tokens[i]),
            ]);
            using var response = await b.Http.PostAsync("/Account/Login", form);
            return response.StatusCode;
        })).ToList();
        start.Set();
        var statuses = await Task.WhenAll(attempts);
        browsers.ForEach(b => b.Dispose());
        return statuses;
    }

    [Fact]
    public async Task TenSimultaneousWrongPasswords_NeverAnswer500_AndEachIsRecordedForTheOwner()
    {
        var person = await app.CreatePersonAsync("Besieged");

        var statuses = await WrongPasswordsAtOnceAsync(person, 10);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var recorded = await app.WithDbAsync(db => db.SecurityEvents.CountAsync(e => e.UserId == person.Id
            && (e.Kind == SecurityEventKinds.SignInFailed || e.Kind == SecurityEventKinds.LockedOut)));
        Assert.Equal(10, recorded);
    }

    [Fact]
    public async Task FiveSimultaneousWrongPasswords_LockTheAccount_SoTheRightOneIsRefusedAfterwards()
    {
        var person = await app.CreatePersonAsync("Guarded");

        var statuses = await WrongPasswordsAtOnceAsync(person, 5);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var lockedUntil = await app.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockedUntil);
        Assert.True(lockedUntil > app.Clock.GetUtcNow(), $"Locked until {lockedUntil}, which is not after {app.Clock.GetUtcNow()}");

        using var owner = app.NewClient();
        var response = await owner.PostFormAsync("/Account/Login", ("Input.Email", person.Email), ("Input.Password", TestPerson.DefaultPassword));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
