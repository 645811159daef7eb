using System.Net;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Platform;

/// <summary>With Mail:Delivery=Smtp the app hands its e-mails to a real SMTP server through MailKit.</summary>
public sealed class SmtpDeliveryTests : IAsyncLifetime
{
    private readonly SmtpSink _sink = new();
    private SmtpApp _app = null!;

    private sealed class SmtpApp(int port) : AppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Mail:Delivery"] = "Smtp",
            ["Mail:SmtpHost"] = "127.0.0.1",
            ["Mail:SmtpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:SmtpSecurity"] = "None",
            ["Mail:FromAddress"] = "hello@mutuality.test",
        };
    }

    public Task InitializeAsync()
    {
        _app = new SmtpApp(_sink.Port);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Register_WithSmtpDelivery_SendsTheConfirmationThroughTheServer()
    {
        using var client = _app.NewClient();
        var email = $"smtp-{Guid.NewGuid():N}@example.org";
        var response = await client.PostFormAsync("/Account/Register",
            ("Input.Email", email), ("Input.DisplayName", "Robin"), ("Input.TimeZoneId", "Europe/London"),
            ("Input.Password", "a long enough secret"), ("Input.ConfirmPassword", "a long enough secret"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Contains(_sink.Recipients, r => r.Contains(email, StringComparison.OrdinalIgnoreCase));
        var message = Assert.Single(_sink.Messages);
        Assert.Contains("Subject: Confirm your e-mail for Mutuality", message, StringComparison.Ordinal);
        Assert.Contains("/Account/ConfirmEmail", message, StringComparison.Ordinal);
        Assert.Empty(_app.MailFiles());
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _sink.DisposeAsync();
    }
}
