namespace Mutuality.Web.Infrastructure.Mail;

public enum MailDelivery
{
    /// <summary>Write each message as an .eml file into a folder (development, tests).</summary>
    Pickup,

    /// <summary>Send through an SMTP server with MailKit.</summary>
    Smtp,
}

/// <summary>Settings under "Mail".</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public MailDelivery Delivery { get; set; } = MailDelivery.Pickup;

    /// <summary>Pickup folder; relative paths are under the data folder. Default "mail-pickup".</summary>
    public string PickupFolder { get; set; } = "mail-pickup";

    public string FromAddress { get; set; } = "mutuality@localhost";

    public string FromName { get; set; } = "Mutuality";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    /// <summary>"StartTls" (default), "SslOnConnect" or "None".</summary>
    public string SmtpSecurity { get; set; } = "StartTls";

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>The public address of this instance, used in links inside e-mails, e.g. https://mutuality.example.org.
    /// Empty means "the address of the request that caused the e-mail".</summary>
    public string? PublicBaseUrl { get; set; }
}
