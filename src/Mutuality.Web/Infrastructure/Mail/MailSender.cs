using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Mutuality.Web.Infrastructure.Hosting;
using Mutuality.Web.Infrastructure.Security;

namespace Mutuality.Web.Infrastructure.Mail;

/// <summary>One outgoing e-mail, as plain text and HTML.</summary>
public sealed record OutgoingMail(string ToAddress, string ToName, string Subject, string TextBody, string HtmlBody);

public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}

/// <summary>Builds MIME messages with MimeKit and delivers them to a pickup folder or an SMTP server with MailKit.</summary>
public sealed class MailKitSender(IOptions<MailOptions> options, DataFolder dataFolder, ILogger<MailKitSender> logger) : IMailSender
{
    private readonly MailOptions _options = options.Value;

    public string PickupFolder => Path.IsPathRooted(_options.PickupFolder)
        ? _options.PickupFolder
        : Path.Combine(dataFolder.Path, _options.PickupFolder);

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(_options.FromName, _options.FromAddress));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        message.Subject = mail.Subject;
        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();

        if (_options.Delivery == MailDelivery.Smtp)
        {
            using var client = new SmtpClient();
            var security = _options.SmtpSecurity switch
            {
                "SslOnConnect" => SecureSocketOptions.SslOnConnect,
                "None" => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(_options.SmtpHost ?? throw new InvalidOperationException("Mail:SmtpHost is not set."), _options.SmtpPort, security, cancellationToken);
            if (!string.IsNullOrEmpty(_options.SmtpUser))
            {
                await client.AuthenticateAsync(_options.SmtpUser, _options.SmtpPassword ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
            logger.LogInformation("Sent mail {MessageId} via SMTP", message.MessageId);
            return;
        }

        PrivateFiles.Folder(PickupFolder);
        // Write under a temporary name in the same folder (".tmp", which no "*.eml" reader picks up), then move it into
        // place: a rename within one file system is atomic, so whoever watches the folder never opens half a message.
        var path = Path.Combine(PickupFolder, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        var temporary = path + ".tmp";
        try
        {
            await message.WriteToAsync(temporary, cancellationToken);
            PrivateFiles.Restrict(temporary);
            File.Move(temporary, path);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        logger.LogInformation("Wrote mail {MessageId} to the pickup folder", message.MessageId);
    }
}
