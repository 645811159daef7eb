using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Mail;
using Mutuality.Domain.People;
using Mutuality.Domain.Rituals;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Shared;
using Mutuality.Web.Infrastructure;
using Mutuality.Web.Infrastructure.Mail;

namespace Mutuality.Web.Features.ScheduledMail;

/// <summary>Someone a scheduled e-mail goes to, and their couple.</summary>
public sealed record MailRecipient(Guid UserId, string Email, string DisplayName, TimeZoneInfo Zone, Guid CoupleId, Guid? PartnerId, string PartnerName);

/// <summary>
/// The words of the scheduled e-mails. The digest is built only from what the recipient may see: their own
/// moments (private or shared), their partner's <em>shared</em> moments and pebbles, and the couple's requests.
/// It counts; it never quotes free text (like the request e-mail), so nothing written reaches an inbox.
/// </summary>
public sealed class ScheduledMailText(AppDbContext db)
{
    public static string Day(DateOnly day) => Formats.WeekdayAndDate(day);

    public async Task<OutgoingMail> WeeklyDigestAsync(MailRecipient to, DateTime fromUtc, DateTime toUtc, DateOnly localDay, string? link, CancellationToken ct)
    {
        var me = to.UserId;
        var partner = to.PartnerName;

        // The same rule as every page: the couple's moments, and of those only mine or shared ones.
        var moments = await db.SupportMoments.AsNoTracking()
            .Where(m => m.CoupleId == to.CoupleId && (m.AuthorId == me || m.Visibility == Visibility.Shared)
                && m.OccurredAtUtc >= fromUtc && m.OccurredAtUtc < toUtc)
            .Select(m => new { Mine = m.AuthorId == me, m.Kind, m.Direction, m.Type })
            .ToListAsync(ct);
        var gave = moments.Where(m => m.Kind == MomentKind.Moment && (m.Mine ? m.Direction == MomentDirection.Gave : m.Direction == MomentDirection.Received)).ToList();
        var received = moments.Where(m => m.Kind == MomentKind.Moment && (m.Mine ? m.Direction == MomentDirection.Received : m.Direction == MomentDirection.Gave)).ToList();
        var partnerShared = moments.Count(m => !m.Mine && m.Kind == MomentKind.Moment);
        var pebblesIn = moments.Count(m => !m.Mine && m.Kind == MomentKind.Pebble);
        var pebblesOut = moments.Count(m => m.Mine && m.Kind == MomentKind.Pebble);

        // Requests are seen by both partners.
        var met = await db.SupportRequests.AsNoTracking()
            .Where(r => r.CoupleId == to.CoupleId && r.DoneAtUtc >= fromUtc && r.DoneAtUtc < toUtc)
            .Select(r => r.RequesterId)
            .ToListAsync(ct);
        var metForMe = met.Count(id => id == me);
        var metByMe = met.Count - metForMe;
        var waiting = await db.SupportRequests.AsNoTracking()
            .CountAsync(r => r.CoupleId == to.CoupleId && r.PartnerId == me && r.State == RequestState.Open && r.FirstAnsweredAtUtc == null && r.WindowEndsUtc > toUtc, ct);

        var day = await db.MonthlyRhythms.AsNoTracking().Where(r => r.CoupleId == to.CoupleId).Select(r => (int?)r.DayOfMonth).SingleOrDefaultAsync(ct);
        var nextMonthly = day is { } d ? MonthlyRhythm.NextOccurrence(d, toUtc, to.Zone) : (DateOnly?)null;

        var lines = new List<string>();
        if (gave.Count > 0)
        {
            lines.Add($"You gave support {Times(gave.Count)} ({Kinds(gave.Select(m => m.Type))}).");
        }

        if (received.Count > 0)
        {
            lines.Add($"You received support {Times(received.Count)} ({Kinds(received.Select(m => m.Type))}).");
        }

        if (partnerShared > 0)
        {
            lines.Add($"{partner} shared {Count(partnerShared, "moment")} with you.");
        }

        if (pebblesIn > 0)
        {
            lines.Add($"{partner} sent you {Count(pebblesIn, "pebble")}.");
        }

        if (pebblesOut > 0)
        {
            lines.Add($"You sent {partner} {Count(pebblesOut, "pebble")}.");
        }

        if (metForMe > 0)
        {
            lines.Add($"{partner} met {Count(metForMe, "request")} of yours.");
        }

        if (metByMe > 0)
        {
            lines.Add($"You met {Count(metByMe, "request")} from {partner}.");
        }

        if (waiting > 0)
        {
            lines.Add(waiting == 1 ? $"One request from {partner} is waiting for your answer — even a kind \"not now\" helps." : $"{waiting} requests from {partner} are waiting for your answer — even a kind \"not now\" helps.");
        }

        if (nextMonthly is { } n)
        {
            lines.Add(n == TimeZones.LocalDay(toUtc, to.Zone) ? "Your monthly check-in is today." : $"Your next monthly check-in is on {Day(n)}.");
        }

        var intro = lines.Count == 0 || (gave.Count + received.Count + partnerShared + pebblesIn + pebblesOut + metForMe + metByMe == 0)
            ? "It was a quiet week in Mutuality — that's perfectly fine. Small moments count whenever they come."
            : "Here are a few good things from your week in Mutuality.";
        return Compose(to, $"Your week in Mutuality, up to {Day(localDay)}", intro, lines, link, "See your insights",
            "You get this e-mail because you asked for a weekly digest. You can change the day or stop it under Your account → E-mails.");
    }

    public static OutgoingMail MonthlyReminder(MailRecipient to, string? link)
        => Compose(to, "Today is your monthly check-in", $"Today is your monthly check-in with {to.PartnerName}.",
            ["If you like, prepare privately first: appreciations, what went well, one hard thing, what you need next month.",
             "Then, whenever you're both ready, talk it through together, one topic at a time."],
            link, "Prepare for the check-in",
            "There's no score and no rush; it's for the two of you. You can turn this reminder off under Your account → E-mails.");

    private static OutgoingMail Compose(MailRecipient to, string subject, string intro, List<string> lines, string? link, string linkText, string footer)
    {
        var text = new StringBuilder($"Hello {to.DisplayName},\n\n{intro}\n\n");
        foreach (var line in lines)
        {
            text.Append("- ").Append(line).Append('\n');
        }

        text.Append('\n').Append(link is null ? "Open Mutuality to see more." : $"{linkText}: {link}").Append("\n\n").Append(footer).Append("\n\n— Mutuality\n");

        var html = new StringBuilder($"<p>Hello {Enc(to.DisplayName)},</p><p>{Enc(intro)}</p>");
        if (lines.Count > 0)
        {
            html.Append("<ul>");
            foreach (var line in lines)
            {
                html.Append("<li>").Append(Enc(line)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append(link is null ? "<p>Open Mutuality to see more.</p>" : $"<p><a href=\"{Enc(link)}\">{Enc(linkText)}</a></p>")
            .Append("<p>").Append(Enc(footer)).Append("</p><p>— Mutuality</p>");
        return new OutgoingMail(to.Email, to.DisplayName, subject, text.ToString(), html.ToString());
    }

    private static string Enc(string s) => WebUtility.HtmlEncode(s);

    private static string Times(int n) => n switch { 1 => "once", 2 => "twice", _ => $"{n} times" };

    private static string Count(int n, string noun) => n == 1 ? $"one {noun}" : $"{n} {noun}s";

    private static string Kinds(IEnumerable<SupportType> types) => string.Join(", ", types.Distinct().Order().Select(SupportText.TypeWord));
}
