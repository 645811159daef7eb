using System.Security.Cryptography;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.CheckIns;
using Mutuality.Domain.People;
using Mutuality.Web.Data;
using Mutuality.Web.Features.CheckIns.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.CheckIns;

/// <summary>
/// A private iCal feed of a person's upcoming check-in times, at a secret URL. Only the token's hash is stored;
/// making a new link or turning it off revokes the old one. The feed holds times only, never check-in content.
/// </summary>
public sealed class CheckInCalendar(AppDbContext db, TimeProvider clock)
{
    public static readonly TimeOnly DefaultTime = new(20, 0);

    public const int DailyEvents = 14;

    public const int WeeklyEvents = 8;

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public async Task<bool> HasFeedAsync(Caller caller, CancellationToken ct = default)
        => await db.CheckInPersonSettings.AnyAsync(s => s.UserId == caller.UserId && s.FeedTokenHash != null, ct);

    /// <summary>Makes a new secret link (the old one stops working) and returns its token, shown once.</summary>
    public async Task<string> NewTokenAsync(Caller caller, CancellationToken ct = default)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var s = await db.CheckInPersonSettings.SingleOrDefaultAsync(x => x.UserId == caller.UserId, ct);
        if (s is null)
        {
            s = new CheckInPersonSettings { UserId = caller.UserId };
            db.CheckInPersonSettings.Add(s);
        }

        s.CoupleId = caller.CoupleId!.Value;
        s.FeedTokenHash = Hash(token);
        s.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task RevokeAsync(Caller caller, CancellationToken ct = default)
        => await db.CheckInPersonSettings.Where(s => s.UserId == caller.UserId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.FeedTokenHash, (string?)null), ct);

    /// <summary>The feed for a token, or null when the token is unknown, revoked, or its owner is no longer in that couple.</summary>
    public async Task<string?> FeedAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64)
        {
            return null;
        }

        var hash = Hash(token.Trim());
        var settings = await db.CheckInPersonSettings.AsNoTracking().SingleOrDefaultAsync(s => s.FeedTokenHash == hash, ct);
        if (settings is null)
        {
            return null;
        }

        var person = await db.Users.AsNoTracking().Where(u => u.Id == settings.UserId).Select(u => new { u.TimeZoneId }).SingleOrDefaultAsync(ct);
        var inCouple = await db.CoupleMembers.AnyAsync(m => m.UserId == settings.UserId && m.CoupleId == settings.CoupleId && m.LeftAtUtc == null, ct);
        if (person is null || !inCouple)
        {
            return null;
        }

        var cadence = await db.CheckInCoupleSettings.AsNoTracking().Where(s => s.CoupleId == settings.CoupleId).Select(s => (int?)s.Cadence).SingleOrDefaultAsync(ct) is 2 ? Cadence.Weekly : Cadence.Daily;
        var now = clock.GetUtcNow().UtcDateTime;
        var times = Upcoming(cadence, settings.ReminderTime ?? DefaultTime, TimeZones.FindOrUtc(person.TimeZoneId), now);

        var calendar = new Calendar();
        calendar.AddProperty("X-WR-CALNAME", "Mutuality check-ins");
        foreach (var start in times)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"checkin-{settings.UserId:N}-{start:yyyyMMddHHmm}@mutuality",
                Summary = cadence == Cadence.Weekly ? "Weekly check-in with your partner" : "Daily check-in with your partner",
                Description = "A few minutes in Mutuality: how you are, and how you think your partner is.",
                Start = new CalDateTime(start),
                End = new CalDateTime(start.AddMinutes(cadence == Cadence.Weekly ? 15 : 5)),
                DtStamp = new CalDateTime(now),
            });
        }

        return new CalendarSerializer().SerializeToString(calendar);
    }

    /// <summary>
    /// The next check-in times as UTC instants: each local day (or each local Sunday, weekly) at the person's
    /// reminder time in their own zone, so the wall-clock time holds across DST changes.
    /// </summary>
    public static IReadOnlyList<DateTime> Upcoming(Cadence cadence, TimeOnly time, TimeZoneInfo zone, DateTime utcNow)
    {
        var result = new List<DateTime>();
        var day = TimeZones.LocalDay(utcNow, zone);
        if (cadence == Cadence.Weekly)
        {
            day = Periods.Containing(Cadence.Weekly, day).End;
        }

        while (result.Count < (cadence == Cadence.Weekly ? WeeklyEvents : DailyEvents))
        {
            var instant = TimeZones.ToUtc(day, time, zone);
            if (instant >= utcNow.AddHours(-1))
            {
                result.Add(DateTime.SpecifyKind(instant, DateTimeKind.Utc));
            }

            day = day.AddDays(cadence == Cadence.Weekly ? 7 : 1);
        }

        return result;
    }
}
