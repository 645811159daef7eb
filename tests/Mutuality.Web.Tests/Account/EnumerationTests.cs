using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Mutuality.Web.Data;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Account;

/// <summary>A test host whose password hasher is cheap and counts every hash and every check it does.</summary>
public sealed class CountingHasherApp : AppFactory
{
    public CountingHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IPasswordHasher<AppUser>>();
            services.AddSingleton<IPasswordHasher<AppUser>>(Hasher);
        });
    }

    public sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 1 }));
        private int _work;

        /// <summary>Hashes made plus hashes checked so far.</summary>
        public int Work => Volatile.Read(ref _work);

        public string HashPassword(AppUser user, string password)
        {
            Interlocked.Increment(ref _work);
            return _inner.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _work);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

/// <summary>Issue 12, item 10: no answer, and no amount of hashing work, tells whether an address has an account.</summary>
public sealed class EnumerationTests(CountingHasherApp app) : IClassFixture<CountingHasherApp>
{
    private const string WrongPassword = "not the right one at all";

    private async Task<(int Work, string Answer, HttpStatusCode Status)> SignInAsync(string email, string password)
    {
        using var client = app.NewClient();
        var token = await client.TokenAsync("/Account/Login");
        var before = app.Hasher.Work;
        using var form = new FormUrlEncodedContent([new("Input.Email", email), new("Input.Password", password), new("__RequestVerificationToken", token)]);
        var response = await client.Http.PostAsync("/Account/Login", form);
        var work = app.Hasher.Work - before;
        var page = await TestClient.ParseAsync(response);
        return (work, page.QuerySelector(".form-errors")?.TextContent.Trim() ?? string.Empty, response.StatusCode);
    }

    private async Task<TestPerson> UnconfirmedAsync() => await PublicLinkFixtures.UnconfirmedAsync(app);

    private async Task<TestPerson> LockedAsync()
    {
        var person = await app.CreatePersonAsync("Locked");
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(person.Id.ToString());
        await users.SetLockoutEndDateAsync(user!, new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return person;
    }

    [Fact]
    public async Task An_unknown_address_an_unconfirmed_and_a_locked_account_cost_the_same_hashing_and_answer_the_same_as_a_wrong_password()
    {
        var real = await app.CreatePersonAsync("Robin");
        var wrong = await SignInAsync(real.Email, WrongPassword);
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.True(wrong.Work >= 1, "checking a wrong password hashes it");
        Assert.Contains("don't match an account", wrong.Answer, StringComparison.Ordinal);

        var unknown = await SignInAsync($"nobody-{Guid.NewGuid():N}@example.org", WrongPassword);
        var unconfirmed = await SignInAsync((await UnconfirmedAsync()).Email, WrongPassword);
        var locked = await SignInAsync((await LockedAsync()).Email, WrongPassword);

        foreach (var (name, other) in new[] { ("unknown address", unknown), ("unconfirmed account", unconfirmed), ("locked account", locked) })
        {
            Assert.True(wrong.Work == other.Work, $"{name}: {other.Work} hashing steps, a wrong password: {wrong.Work}");
            Assert.Equal(wrong.Answer, other.Answer);
            Assert.Equal(wrong.Status, other.Status);
        }
    }

    [Fact]
    public async Task Unconfirmed_and_locked_accounts_say_so_only_once_the_right_password_is_given()
    {
        var unconfirmed = await SignInAsync((await UnconfirmedAsync()).Email, TestPerson.DefaultPassword);
        Assert.Contains("confirm your e-mail", unconfirmed.Answer, StringComparison.Ordinal);
        var locked = await SignInAsync((await LockedAsync()).Email, TestPerson.DefaultPassword);
        Assert.Contains("locked", locked.Answer, StringComparison.Ordinal);
    }

    private static KeyValuePair<string, string>[] Registration(string email, string password) =>
    [
        new("Input.Email", email), new("Input.DisplayName", "Robin"), new("Input.TimeZoneId", "Europe/London"),
        new("Input.Password", password), new("Input.ConfirmPassword", password),
    ];

    [Fact]
    public async Task Registering_a_taken_address_answers_and_costs_exactly_like_a_free_one_whatever_the_password()
    {
        var taken = await app.CreatePersonAsync("Taken");
        using var client = app.NewClient();
        foreach (var password in new[] { "aaaaaaaaaa", "a good long password" })
        {
            var beforeFree = app.Hasher.Work;
            var free = await client.PostFormAsync("/Account/Register", Registration($"free-{Guid.NewGuid():N}@example.org", password), "/Account/Register");
            var freeWork = app.Hasher.Work - beforeFree;
            var beforeTaken = app.Hasher.Work;
            var used = await client.PostFormAsync("/Account/Register", Registration(taken.Email.ToUpperInvariant(), password), "/Account/Register");
            var takenWork = app.Hasher.Work - beforeTaken;

            Assert.Equal(free.StatusCode, used.StatusCode);
            Assert.Equal(free.Headers.Location, used.Headers.Location);
            Assert.Equal(freeWork, takenWork);
            if (free.StatusCode == HttpStatusCode.OK)
            {
                // The weak password: the same explanation for both, before anything about the address.
                var freeErrors = (await TestClient.ParseAsync(free)).QuerySelector("#pw-error")?.TextContent;
                Assert.False(string.IsNullOrWhiteSpace(freeErrors));
                Assert.Equal(freeErrors, (await TestClient.ParseAsync(used)).QuerySelector("#pw-error")?.TextContent);
            }
            else
            {
                Assert.EndsWith("/Account/RegisterConfirmation", free.Headers.Location!.OriginalString, StringComparison.Ordinal);
            }
        }
    }
}
