using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mutuality.Domain.Notifications;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Notifications;
using Mutuality.Web.Features.Notifications.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Account.Manage;

/// <summary>
/// Notifications on this person's devices (issue 15): their devices and ntfy topics, a test notice, what notifies,
/// quiet hours, discreet wording, and everything off in one tap. Only ever the caller's own rows.
/// </summary>
public sealed class NotificationsModel(CallerContext callers, AppDbContext db, Notices notices, VapidKeys vapid, IOptions<NotificationOptions> options, TimeProvider clock) : PageModel
{
    public sealed record DeviceRow(Guid Id, string Name, DeviceChannel Channel, DateTime CreatedAtUtc, DateTime? LastDeliveredAtUtc, string? LastProblem);

    public IReadOnlyList<DeviceRow> Devices { get; private set; } = [];

    public NotificationPreference Preference { get; private set; } = new();

    public string TimeZoneId { get; private set; } = "UTC";

    public string PublicKey { get; private set; } = "";

    public string? AppleNote { get; private set; }

    /// <summary>The partner's name, when there is one (the "your turn" consent needs two).</summary>
    public string? PartnerName { get; private set; }

    public YourTurnState YourTurn { get; private set; } = YourTurnState.Off;

    [TempData]
    public string? Status { get; set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    private async Task<Caller> LoadAsync()
    {
        var caller = await callers.RequireAsync();
        TimeZoneId = caller.TimeZoneId;
        Devices = await db.PushDevices.AsNoTracking().Where(d => d.UserId == caller.UserId).OrderBy(d => d.CreatedAtUtc)
            .Select(d => new DeviceRow(d.Id, d.Name, d.Channel, d.CreatedAtUtc, d.LastDeliveredAtUtc, d.LastProblem)).ToListAsync();
        Preference = await db.NotificationPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == caller.UserId)
            ?? new NotificationPreference { UserId = caller.UserId };
        PublicKey = (await vapid.GetAsync()).PublicKey;
        AppleNote = vapid.AppleUnavailableReason;
        PartnerName = caller.HasPartner ? (string.IsNullOrWhiteSpace(caller.PartnerName) ? "your partner" : caller.PartnerName) : null;
        YourTurn = await Notifications.YourTurn.StateAsync(db, caller.CoupleId, caller.UserId, caller.PartnerId);
        return caller;
    }

    private static string CleanName(string? name, string fallback)
    {
        var trimmed = (name ?? "").Trim();
        return trimmed.Length == 0 ? fallback : trimmed.Length > 60 ? trimmed[..60] : trimmed;
    }

    /// <summary>This browser's push subscription, sent by the page's script after the person allowed notifications.</summary>
    public async Task<IActionResult> OnPostSubscribeAsync(string? endpoint, string? p256dh, string? auth, string? name)
    {
        var caller = await callers.RequireAsync();
        var problem = NetworkGuard.AddressProblem(endpoint, options.Value.AllowPrivateNetworks)
            ?? (KeyLength(p256dh) != 65 || KeyLength(auth) != 16 ? "This browser's push keys look wrong; try again, or try another browser." : null);
        if (problem is not null)
        {
            return await ProblemAsync(problem);
        }

        var hash = Notices.Hash(endpoint!);
        var device = await db.PushDevices.FirstOrDefaultAsync(d => d.UserId == caller.UserId && d.EndpointHash == hash);
        if (device is null)
        {
            device = new PushDevice { Id = Guid.NewGuid(), UserId = caller.UserId, Channel = DeviceChannel.WebPush, EndpointHash = hash, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
            db.PushDevices.Add(device);
        }

        device.Endpoint = endpoint!.Trim();
        device.P256dh = p256dh;
        device.Auth = auth;
        device.Name = CleanName(name, "This device");
        await db.SaveChangesAsync();
        Status = $"Notifications are on for \u201c{device.Name}\u201d.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostNtfyAsync(string? topicUrl, string? token, string? name)
    {
        var caller = await callers.RequireAsync();
        if (NetworkGuard.AddressProblem(topicUrl, options.Value.AllowPrivateNetworks) is { } problem)
        {
            return await ProblemAsync(problem);
        }

        if (token is { Length: > 200 })
        {
            return await ProblemAsync("That token is longer than ntfy tokens are.");
        }

        var hash = Notices.Hash(topicUrl!);
        var device = await db.PushDevices.FirstOrDefaultAsync(d => d.UserId == caller.UserId && d.EndpointHash == hash);
        if (device is null)
        {
            device = new PushDevice { Id = Guid.NewGuid(), UserId = caller.UserId, Channel = DeviceChannel.Ntfy, EndpointHash = hash, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
            db.PushDevices.Add(device);
        }

        device.Endpoint = topicUrl!.Trim();
        device.Token = string.IsNullOrWhiteSpace(token) ? null : token.Trim();
        device.Name = CleanName(name, "ntfy");
        await db.SaveChangesAsync();
        Status = $"Notices will go to the ntfy topic \u201c{device.Name}\u201d, always in discreet words.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTestAsync(Guid id)
    {
        var caller = await callers.RequireAsync();
        if (!await db.PushDevices.AnyAsync(d => d.Id == id && d.UserId == caller.UserId))
        {
            return NotFound();
        }

        await notices.NotifyAsync(caller.UserId, NoticeKind.Test, null, "/Account/Manage/Notifications", deviceId: id);
        Status = "A test notification is on its way. It can take a few seconds.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id)
    {
        var caller = await callers.RequireAsync();
        var removed = await db.PushDevices.Where(d => d.Id == id && d.UserId == caller.UserId).ExecuteDeleteAsync();
        if (removed == 0)
        {
            return NotFound();
        }

        Status = "Removed. That device will hear nothing more from Mutuality.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPreferencesAsync(string[]? kinds, bool discreet, bool urgentThroughQuiet, string? quietFrom, string? quietUntil)
    {
        var caller = await callers.RequireAsync();
        TimeOnly? from = null, until = null;
        if (!string.IsNullOrWhiteSpace(quietFrom) || !string.IsNullOrWhiteSpace(quietUntil))
        {
            if (!TimeOnly.TryParse(quietFrom, System.Globalization.CultureInfo.InvariantCulture, out var f)
                || !TimeOnly.TryParse(quietUntil, System.Globalization.CultureInfo.InvariantCulture, out var u))
            {
                return await ProblemAsync("Quiet hours need both a start and an end time (or neither, for no quiet hours).");
            }

            (from, until) = (f, u);
        }

        var preference = await PreferenceForUpdateAsync(caller.UserId);
        var chosen = (kinds ?? []).Select(k => Enum.TryParse<NoticeKind>(k, out var kind) ? kind : (NoticeKind?)null).ToHashSet();
        foreach (var kind in NoticeWording.Choosable)
        {
            preference.Set(kind, chosen.Contains(kind));
        }

        preference.AllOff = false;
        preference.Discreet = discreet;
        preference.UrgentThroughQuiet = urgentThroughQuiet;
        preference.QuietFrom = from;
        preference.QuietUntil = until;
        await db.SaveChangesAsync();
        Status = "Saved.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAllOffAsync(bool on)
    {
        var caller = await callers.RequireAsync();
        var preference = await PreferenceForUpdateAsync(caller.UserId);
        preference.AllOff = !on;
        if (!on)
        {
            // Nothing waiting goes out either.
            await db.NotificationOutbox.Where(o => o.UserId == caller.UserId && o.SentAtUtc == null).ExecuteDeleteAsync();
        }

        await db.SaveChangesAsync();
        Status = on ? "Notifications are back on, with the choices below." : "All notifications are off. Nothing will buzz until you turn them back on.";
        return RedirectToPage();
    }

    /// <summary>
    /// "Tell me when my partner has checked in": saying yes proposes it (or agrees, when the partner already has);
    /// saying no turns it off for both. Only ever the caller's own couple.
    /// </summary>
    public async Task<IActionResult> OnPostYourTurnAsync(bool on)
    {
        var caller = await callers.RequireAsync();
        if (caller.CoupleId is not { } couple || caller.PartnerId is not { } partner)
        {
            return await ProblemAsync("This needs your partner in Mutuality first: it is something the two of you turn on together.");
        }

        var name = string.IsNullOrWhiteSpace(caller.PartnerName) ? "your partner" : caller.PartnerName;
        if (!on)
        {
            await db.YourTurnConsents.Where(c => c.CoupleId == couple).ExecuteDeleteAsync();
            await db.NotificationOutbox.Where(o => (o.UserId == caller.UserId || o.UserId == partner) && o.Kind == NoticeKind.PartnerCheckedIn && o.SentAtUtc == null).ExecuteDeleteAsync();
            Status = $"Off for both of you. Nothing about {name}'s check-ins reaches you before you have checked in too.";
            return RedirectToPage();
        }

        if (!await db.YourTurnConsents.AnyAsync(c => c.CoupleId == couple && c.UserId == caller.UserId))
        {
            db.YourTurnConsents.Add(new YourTurnConsent { CoupleId = couple, UserId = caller.UserId, AgreedAtUtc = clock.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // the same yes, sent twice at once: it stands
            }
        }

        Status = (await Notifications.YourTurn.StateAsync(db, couple, caller.UserId, partner)).BothOn
            ? $"On for both of you: each of you hears when the other has checked in, and nothing more."
            : $"You've asked. It starts when {name} turns it on too.";
        return RedirectToPage();
    }

    private async Task<NotificationPreference> PreferenceForUpdateAsync(Guid userId)
    {
        var preference = await db.NotificationPreferences.FirstOrDefaultAsync(p => p.UserId == userId);
        if (preference is null)
        {
            preference = new NotificationPreference { UserId = userId };
            db.NotificationPreferences.Add(preference);
        }

        return preference;
    }

    private async Task<IActionResult> ProblemAsync(string problem)
    {
        await LoadAsync();
        Problem = problem;
        return Page();
    }

    private static int KeyLength(string? base64Url)
    {
        if (string.IsNullOrWhiteSpace(base64Url) || base64Url.Length > 200)
        {
            return -1;
        }

        var s = base64Url.Trim().Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        try
        {
            return Convert.FromBase64String(s).Length;
        }
        catch (FormatException)
        {
            return -1;
        }
    }
}
