using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.People;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Hosting;
using Mutuality.Web.Infrastructure.Mail;

namespace Mutuality.Web.Features.Requests;

/// <summary>
/// Opt-in e-mail about a partner's new request: at most once per request (claimed with a conditional update
/// before sending), never during the recipient's quiet hours (it waits for <see cref="Interval"/>), and
/// only while the request still awaits an answer. The e-mail names the partner but carries no request text.
/// </summary>
public sealed class RequestMail(AppDbContext db, TimeProvider clock, IMailSender sender, PublicAddress address, IHttpContextAccessor http) : IRecurringJob
{
    /// <summary>How often the request e-mails that quiet hours held back are looked for.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    Task IRecurringJob.RunAsync(CancellationToken ct) => SendDueAsync(ct);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7);

    /// <summary>Sends the e-mail for one request if it is due now. True when it was sent by this call.</summary>
    public async Task<bool> NewRequestAsync(Guid requestId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await (
                from r in db.SupportRequests.AsNoTracking()
                join p in db.RequestMailPreferences.AsNoTracking() on r.PartnerId equals p.UserId
                join u in db.Users.AsNoTracking() on r.PartnerId equals u.Id
                join q in db.Users.AsNoTracking() on r.RequesterId equals q.Id
                where r.Id == requestId && r.EmailedAtUtc == null && p.EmailNewRequests
                select new { r.State, r.WindowEndsUtc, r.FirstAnsweredAtUtc, r.CreatedAtUtc, u.Email, u.DisplayName, u.TimeZoneId, p.QuietFromHour, p.QuietToHour, Requester = q.DisplayName })
            .SingleOrDefaultAsync(ct);
        if (due is null || due.Email is null
            || !SupportRequests.AwaitsAnswer(new RequestSnapshot(due.State, due.WindowEndsUtc, due.FirstAnsweredAtUtc), now)
            || now - due.CreatedAtUtc > MaxDelay
            || QuietHours.IsQuiet(now, TimeZones.FindOrUtc(due.TimeZoneId), due.QuietFromHour, due.QuietToHour))
        {
            return false;
        }

        var claimed = await db.SupportRequests
            .Where(r => r.Id == requestId && r.EmailedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.EmailedAtUtc, now), ct);
        if (claimed == 0)
        {
            return false;
        }

        var link = Link($"/Requests/View/{requestId}");
        var text = $"Hello {due.DisplayName},\n\n{due.Requester} has made a request in Mutuality.\n\n"
            + (link is null ? "Open Mutuality and look under Requests to see it.\n" : $"See it here: {link}\n")
            + "\nAny answer — even a kind \"no, but…\" — helps. You can turn these e-mails off under Requests → E-mail.\n";
        var html = $"<p>Hello {WebUtility.HtmlEncode(due.DisplayName)},</p><p>{WebUtility.HtmlEncode(due.Requester)} has made a request in Mutuality.</p>"
            + (link is null ? "<p>Open Mutuality and look under Requests to see it.</p>" : $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">See the request</a></p>")
            + "<p>Any answer — even a kind \"no, but…\" — helps. You can turn these e-mails off under Requests → E-mail.</p>";
        await sender.SendAsync(new OutgoingMail(due.Email, due.DisplayName, $"{due.Requester} has made a request", text, html), ct);
        return true;
    }

    /// <summary>Sends every e-mail that is due (those held back by quiet hours). Returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - MaxDelay;
        var ids = await (
                from r in db.SupportRequests.AsNoTracking()
                join p in db.RequestMailPreferences.AsNoTracking() on r.PartnerId equals p.UserId
                where r.EmailedAtUtc == null && p.EmailNewRequests && r.State == RequestState.Open && r.FirstAnsweredAtUtc == null
                    && r.WindowEndsUtc > now && r.CreatedAtUtc > since
                select r.Id)
            .Take(200)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var id in ids)
        {
            if (await NewRequestAsync(id, ct))
            {
                sent++;
            }
        }

        return sent;
    }

    private string? Link(string path) => address.Absolute(http.HttpContext, path);
}
