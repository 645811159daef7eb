using System.Text.RegularExpressions;
using MimeKit;

namespace Mutuality.Web.Tests.Infrastructure;

/// <summary>Reads the .eml files the app wrote to its pickup folder.</summary>
public static partial class Mailbox
{
    public static IReadOnlyList<MimeMessage> To(AppFactory app, string email)
        => [.. app.MailFiles().Select(f => MimeMessage.Load(f)).Where(m => m.To.Mailboxes.Any(a => a.Address == email)).OrderBy(m => m.Date)];

    /// <summary>The first link in the newest message to the address whose path starts with the prefix, made relative.</summary>
    public static string LinkTo(AppFactory app, string email, string pathPrefix)
    {
        var all = To(app, email);
        var message = (all.Count > 0 ? all[^1] : null) ?? throw new InvalidOperationException($"No mail to {email}");
        var match = LinkPattern().Matches(message.TextBody ?? string.Empty)
            .Select(m => new Uri(m.Value))
            .FirstOrDefault(u => u.AbsolutePath.StartsWith(pathPrefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No {pathPrefix} link in the mail to {email}");
        return match.PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
