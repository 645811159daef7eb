using System.ComponentModel.DataAnnotations;

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
    [Required(AllowEmptyStrings = false, ErrorMessage = "Mail:PickupFolder must name a folder.")]
    public string PickupFolder { get; set; } = "mail-pickup";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Mail:FromAddress must be an e-mail address.")]
    [RegularExpression(@"^[^@\s]+@[^@\s]+$", ErrorMessage = "Mail:FromAddress must be an e-mail address (name@host).")]
    public string FromAddress { get; set; } = "mutuality@localhost";

    public string FromName { get; set; } = "Mutuality";

    public string? SmtpHost { get; set; }

    [Range(1, 65535, ErrorMessage = "Mail:SmtpPort must be a port number from 1 to 65535.")]
    public int SmtpPort { get; set; } = 587;

    /// <summary>"StartTls" (default), "SslOnConnect" or "None".</summary>
    [RegularExpression("^(StartTls|SslOnConnect|None)$", ErrorMessage = "Mail:SmtpSecurity must be StartTls, SslOnConnect or None.")]
    public string SmtpSecurity { get; set; } = "StartTls";

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>The public address of this instance, used in links inside e-mails, e.g. https://mutuality.example.org.
    /// Empty means "the address of the request that caused the e-mail".</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The rules one field cannot say alone; each message names the setting.</summary>
    public static string? Failure(MailOptions o)
    {
        return o switch
        {
            { Delivery: MailDelivery.Smtp, SmtpHost: null or "" } => "Mail:SmtpHost must be set when Mail:Delivery is Smtp.",
            { PublicBaseUrl: { Length: > 0 } url } when !Settings.ValidatedSettings.IsWebAddress(url)
                => $"Mail:PublicBaseUrl must be an absolute http or https address, e.g. https://mutuality.example.org (it is \"{url}\").",
            _ => null,
        };
    }
}
