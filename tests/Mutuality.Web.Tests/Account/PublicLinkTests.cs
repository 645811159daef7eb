using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutuality.Web.Data;
using Mutuality.Web.Features.CheckIns;
using Mutuality.Web.Features.ScheduledMail;
using Mutuality.Web.Infrastructure.Mail;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Account;

/// <summary>Issue 12, item 7: every absolute link comes from one rule, and outside Development only from Mail:PublicBaseUrl.</summary>
public static class PublicLinkFixtures
{
    /// <summary>A production host whose operator has not set Mail:PublicBaseUrl.</summary>
    public sealed class ProductionWithoutAddress : AppFactory
    {
        protected override string HostEnvironment => "Production";
    }

    /// <summary>A production host with Mail:PublicBaseUrl = https://mutuality.test.</summary>
    public sealed class ProductionWithAddress : AppFactory
    {
        protected override string HostEnvironment => "Production";

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Mail:PublicBaseUrl"] = "https://mutuality.test/" };
    }

    public static TestClient FromHost(AppFactory app, string host)
    {
        var client = app.NewClient();
        client.Http.DefaultRequestHeaders.Host = host;
        return client;
    }

    public static async Task<TestPerson> UnconfirmedAsync(AppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"new-{Guid.NewGuid():N}@example.org";
        var user = new AppUser { UserName = email, Email = email, DisplayName = "New", TimeZoneId = "Europe/London", CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime };
        Assert.True((await users.CreateAsync(user, TestPerson.DefaultPassword)).Succeeded);
        return new TestPerson(user.Id, "New", email);
    }

    public static (string, string)[] Registration(string email) =>
    [
        ("Input.Email", email), ("Input.DisplayName", "Robin"), ("Input.TimeZoneId", "Europe/London"),
        ("Input.Password", TestPerson.DefaultPassword), ("Input.ConfirmPassword", TestPerson.DefaultPassword),
    ];
}

public sealed class LinksWithoutPublicAddressTests(PublicLinkFixtures.ProductionWithoutAddress app) : IClassFixture<PublicLinkFixtures.ProductionWithoutAddress>
{
    [Fact]
    public async Task A_password_reset_asked_through_a_forged_host_sends_nothing_and_says_the_operator_must_set_the_public_address()
    {
        var person = await app.CreatePersonAsync("Robin");
        using var client = PublicLinkFixtures.FromHost(app, "attacker.example");
        var response = await client.PostFormAsync("/Account/ForgotPassword", ("Email", person.Email));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Mail:PublicBaseUrl", page, StringComparison.Ordinal);
        Assert.Contains("Nothing was sent", page, StringComparison.Ordinal);
        Assert.DoesNotContain("we've sent it a link", page, StringComparison.Ordinal);
        Assert.Empty(Mailbox.To(app, person.Email));
    }

    [Fact]
    public async Task Registering_makes_no_account_and_says_why_while_no_confirmation_link_can_be_sent()
    {
        using var client = PublicLinkFixtures.FromHost(app, "attacker.example");
        Assert.Contains("Mail:PublicBaseUrl", await (await client.GetAsync("/Account/Register")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var email = $"fresh-{Guid.NewGuid():N}@example.org";
        var response = await client.PostFormAsync("/Account/Register", PublicLinkFixtures.Registration(email));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Mail:PublicBaseUrl", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.Empty(Mailbox.To(app, email));
    }

    [Fact]
    public async Task Resending_a_confirmation_sends_nothing_and_says_why()
    {
        var person = await PublicLinkFixtures.UnconfirmedAsync(app);
        using var client = PublicLinkFixtures.FromHost(app, "attacker.example");
        var response = await client.PostFormAsync("/Account/ResendConfirmation", ("Email", person.Email));
        Assert.Contains("Mail:PublicBaseUrl", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Mailbox.To(app, person.Email));
    }

    [Fact]
    public async Task No_invitation_or_calendar_link_is_made_from_the_request_host()
    {
        var person = await app.CreatePersonAsync("Robin");
        using var client = PublicLinkFixtures.FromHost(app, "attacker.example");
        await client.SignInAsync(person.Email, TestPerson.DefaultPassword);
        var invite = await (await client.PostFormAsync("/Couple?handler=Invite")).Content.ReadAsStringAsync();
        Assert.Contains("Mail:PublicBaseUrl", invite, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker.example", invite, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Invitations.AnyAsync()));

        var couple = await app.CreateCoupleAsync();
        using var robin = PublicLinkFixtures.FromHost(app, "attacker.example");
        await robin.SignInAsync(couple.A.Email, TestPerson.DefaultPassword);
        var feed = await (await robin.PostFormAsync("/CheckIns/Settings?handler=Feed")).Content.ReadAsStringAsync();
        Assert.Contains("Mail:PublicBaseUrl", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker.example", feed, StringComparison.Ordinal);
    }

    [Fact]
    public void The_one_rule_gives_no_address_outside_Development_without_configuration()
    {
        var address = app.Services.GetRequiredService<PublicAddress>();
        Assert.Null(address.Configured);
        Assert.Null(address.Absolute(null, "/CheckIns/Form"));
    }
}

public sealed class LinksFromPublicAddressTests(PublicLinkFixtures.ProductionWithAddress app) : IClassFixture<PublicLinkFixtures.ProductionWithAddress>
{
    [Fact]
    public async Task A_password_reset_link_uses_the_configured_address_whatever_the_request_host()
    {
        var person = await app.CreatePersonAsync("Robin");
        using var client = PublicLinkFixtures.FromHost(app, "attacker.example");
        await client.PostFormAsync("/Account/ForgotPassword", ("Email", person.Email));
        var mail = Assert.Single(Mailbox.To(app, person.Email));
        Assert.Contains("https://mutuality.test/Account/ResetPassword?code=", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker.example", mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confirmation_link_uses_the_configured_address_whatever_the_request_host()
    {
        using var client = PublicLinkFixtures.FromHost(app, "attacker.example");
        var email = $"fresh-{Guid.NewGuid():N}@example.org";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Account/Register", PublicLinkFixtures.Registration(email))).StatusCode);
        var mail = Assert.Single(Mailbox.To(app, email));
        Assert.Contains("https://mutuality.test/Account/ConfirmEmail?userId=", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker.example", mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invitation_and_calendar_links_on_pages_use_the_configured_address()
    {
        var person = await app.CreatePersonAsync("Robin");
        using var client = PublicLinkFixtures.FromHost(app, "attacker.example");
        await client.SignInAsync(person.Email, TestPerson.DefaultPassword);
        var invite = await TestClient.ParseAsync(await client.PostFormAsync("/Couple?handler=Invite"));
        Assert.StartsWith("https://mutuality.test/Couple/Join/", invite.QuerySelector("#invite-link")!.GetAttribute("value"), StringComparison.Ordinal);

        var couple = await app.CreateCoupleAsync();
        using var robin = PublicLinkFixtures.FromHost(app, "attacker.example");
        await robin.SignInAsync(couple.A.Email, TestPerson.DefaultPassword);
        var feed = await TestClient.ParseAsync(await robin.PostFormAsync("/CheckIns/Settings?handler=Feed"));
        Assert.StartsWith("https://mutuality.test/CheckIns/Calendar/", feed.QuerySelector("#feed-link")!.GetAttribute("value"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task E_mails_sent_later_by_a_worker_carry_links_from_the_same_address()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        await robin.PostFormAsync("/CheckIns/Settings?handler=Reminder", ("ReminderTime", "08:30"), ("EmailReminders", "true"));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CheckInReminderMailer>().SendDueAsync();
        }

        var reminder = Assert.Single(Mailbox.To(app, couple.A.Email), m => m.Subject == "Your check-in time");
        Assert.Contains("https://mutuality.test/CheckIns/Form", reminder.TextBody, StringComparison.Ordinal);

        // The monthly reminder goes out from the scheduled-mail worker, with no request at all.
        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/Monthly?handler=Day", [new("Input.DayOfMonth", "3")], "/Monthly")).StatusCode);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ScheduledMailRunner>().RunDueAsync(app.Clock.GetUtcNow());
        }

        var monthly = Assert.Single(Mailbox.To(app, couple.A.Email), m => m.Subject == "Today is your monthly check-in");
        Assert.Contains("https://mutuality.test/Monthly/Prepare", monthly.TextBody, StringComparison.Ordinal);
    }
}

public sealed class LinksInDevelopmentTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task In_Development_without_configuration_a_link_uses_the_requests_own_address()
    {
        var person = await app.CreatePersonAsync("Robin");
        using var client = PublicLinkFixtures.FromHost(app, "dev.localhost:5000");
        await client.PostFormAsync("/Account/ForgotPassword", ("Email", person.Email));
        var mail = Assert.Single(Mailbox.To(app, person.Email));
        Assert.Contains("http://dev.localhost:5000/Account/ResetPassword?code=", mail.TextBody, StringComparison.Ordinal);
    }
}
