using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Mutuality.Domain.People;
using Mutuality.Web.Features.Requests;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Requests;

public sealed class RequestMailTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static async Task AskAsync(TestClient client, string need)
    {
        var response = await client.PostFormAsync("/Requests/New", ("Input.Need", need), ("Input.Type", "Emotional"), ("Input.Urgency", "ThisWeek"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task OptInAsync(TestClient client, int from, int to)
        => Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Requests/Email", ("EmailNewRequests", "true"), ("QuietFromHour", from.ToString()), ("QuietToHour", to.ToString()))).StatusCode);

    private async Task<int> MailsEventuallyAsync(string email, int atLeast)
    {
        for (var i = 0; i < 50 && Mailbox.To(app, email).Count < atLeast; i++)
        {
            await Task.Delay(100);
        }

        await Task.Delay(200);
        return Mailbox.To(app, email).Count;
    }

    [Fact]
    public async Task WithoutOptingIn_NoEmailIsSent()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        await AskAsync(robin, "A walk after work");
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<RequestMail>().SendDueAsync(CancellationToken.None);
        }

        Assert.Empty(Mailbox.To(app, couple.B.Email));
    }

    [Fact]
    public async Task OptedIn_OutsideQuietHours_OneEmailPerRequest_WithoutTheRequestText()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        await OptInAsync(sam, 0, 0);
        await AskAsync(robin, "secret-need-text");
        Assert.Equal(1, await MailsEventuallyAsync(couple.B.Email, 1));
        using (var scope = app.Services.CreateScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<RequestMail>().SendDueAsync(CancellationToken.None));
        }

        var mail = Mailbox.To(app, couple.B.Email).Single();
        Assert.Contains("Robin has made a request", mail.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-need-text", mail.TextBody, StringComparison.Ordinal);
        Assert.Empty(Mailbox.To(app, couple.A.Email));
    }

    [Fact]
    public async Task OptedIn_DuringQuietHours_WaitsUntilTheyEnd_ThenSendsOnce()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);
        // Quiet hours starting at Sam's current local hour in New York, for two hours.
        var samHour = TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, TimeZones.Find("America/New_York")!).Hour;
        await OptInAsync(sam, samHour, (samHour + 2) % 24);
        await AskAsync(robin, "Call me tonight?");
        Assert.Empty(Mailbox.To(app, couple.B.Email));

        app.Clock.Advance(TimeSpan.FromHours(2));
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<RequestMail>().SendDueAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<RequestMail>().SendDueAsync(CancellationToken.None);
        }

        Assert.Equal(1, await MailsEventuallyAsync(couple.B.Email, 1));
    }

    [Fact]
    public async Task EmailSettings_WithAnImpossibleHour_SayWhatToFix()
    {
        var couple = await app.CreateCoupleAsync();
        using var sam = await app.SignedInAsync(couple.B);
        var response = await sam.PostFormAsync("/Requests/Email", ("EmailNewRequests", "true"), ("QuietFromHour", "25"), ("QuietToHour", "8"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Quiet from: choose an hour from 00 to 23.", (await TestClient.ParseAsync(response)).FieldErrors());
    }
}
