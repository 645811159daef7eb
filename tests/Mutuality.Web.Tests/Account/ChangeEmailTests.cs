using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Account;

/// <summary>Issue 12, item 11: changing the e-mail address asks for the password (or a current code), then confirms the new address by a link.</summary>
public sealed class ChangeEmailTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string NewAddress() => $"new-{Guid.NewGuid():N}@example.org";

    private Task<string> StoredEmailAsync(TestPerson person)
        => app.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.Email!).SingleAsync());

    [Fact]
    public async Task Changing_the_email_with_a_wrong_or_missing_password_says_so_on_the_form_and_changes_and_sends_nothing()
    {
        var person = await app.CreatePersonAsync("Mover");
        using var client = await app.SignedInAsync(person);
        var target = NewAddress();

        foreach (var (given, says) in new[] { ("", "please enter your password"), ("definitely not it", "isn't your password") })
        {
            var refused = await client.PostFormAsync("/Account/Manage/ChangeEmail", ("Input.NewEmail", target), ("Input.Confirm", given));
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = await TestClient.ParseAsync(refused);
            var error = page.QuerySelector("#confirm-error")!.TextContent;
            Assert.Contains(says, error, StringComparison.Ordinal);
            Assert.Contains("Nothing has been changed", error, StringComparison.Ordinal);
            Assert.Equal(target, page.QuerySelector("input[name='Input.NewEmail']")!.GetAttribute("value")); // what was typed is kept
        }

        Assert.Empty(Mailbox.To(app, target));
        Assert.Equal(person.Email, await StoredEmailAsync(person));
    }

    [Fact]
    public async Task Changing_the_email_with_the_password_sends_a_link_and_the_address_moves_only_when_it_is_opened()
    {
        var person = await app.CreatePersonAsync("Relocator");
        using var client = await app.SignedInAsync(person);
        var target = NewAddress();

        var sent = await client.PostFormAsync("/Account/Manage/ChangeEmail", ("Input.NewEmail", target), ("Input.Confirm", TestPerson.DefaultPassword));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("We've sent a link to " + target, (await TestClient.ParseAsync(sent)).MainText(), StringComparison.Ordinal);
        Assert.Equal(person.Email, await StoredEmailAsync(person));

        var link = Mailbox.LinkTo(app, target, "/Account/ConfirmEmailChange");
        using var anywhere = app.NewClient();
        var opened = await anywhere.GetPageAsync(link);
        Assert.Contains("From now on you sign in with " + target, opened.MainText(), StringComparison.Ordinal);
        Assert.Equal(target, await StoredEmailAsync(person));
        Assert.Contains(Mailbox.To(app, person.Email), m => m.Subject?.Contains("was changed", StringComparison.Ordinal) == true);

        // The new address signs in; the old one no longer does; the link works once.
        using var fresh = app.NewClient();
        await fresh.SignInAsync(target, TestPerson.DefaultPassword);
        using var old = app.NewClient();
        var refused = await old.PostFormAsync("/Account/Login", ("Input.Email", person.Email), ("Input.Password", TestPerson.DefaultPassword));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("couldn't use that link", (await anywhere.GetPageAsync(link)).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_to_an_address_that_has_an_account_answers_the_same_and_tells_its_owner_instead()
    {
        var person = await app.CreatePersonAsync("Hopeful");
        var owner = await app.CreatePersonAsync("Owner");
        using var client = await app.SignedInAsync(person);

        var sent = await client.PostFormAsync("/Account/Manage/ChangeEmail", ("Input.NewEmail", owner.Email), ("Input.Confirm", TestPerson.DefaultPassword));
        Assert.Contains("We've sent a link to " + owner.Email, (await TestClient.ParseAsync(sent)).MainText(), StringComparison.Ordinal);
        var told = Assert.Single(Mailbox.To(app, owner.Email));
        Assert.DoesNotContain("/Account/ConfirmEmailChange", told.TextBody, StringComparison.Ordinal);
        Assert.Equal(person.Email, await StoredEmailAsync(person));
    }

    [Fact]
    public async Task With_two_step_on_a_current_code_also_confirms_the_change()
    {
        var person = await app.CreatePersonAsync("Twostep");
        using var client = await app.SignedInAsync(person);
        var twoStep = await TwoStepTests.TurnOnAsync(app, client);
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var target = NewAddress();

        var sent = await client.PostFormAsync("/Account/Manage/ChangeEmail", ("Input.NewEmail", target), ("Input.Confirm", Totp.Code(twoStep.Key, app.Clock.GetUtcNow())));
        Assert.Contains("We've sent a link to " + target, (await TestClient.ParseAsync(sent)).MainText(), StringComparison.Ordinal);
        Assert.Single(Mailbox.To(app, target));
    }
}
