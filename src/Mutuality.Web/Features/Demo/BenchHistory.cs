using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Mutuality.Domain.CheckIns;
using Mutuality.Domain.People;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Features.CheckIns;
using Mutuality.Web.Features.CheckIns.Data;
using Mutuality.Web.Features.Moments.Data;
using Mutuality.Web.Features.Requests.Data;
using CheckInVisibility = Mutuality.Domain.CheckIns.Visibility;
using SupportVisibility = Mutuality.Domain.Support.Visibility;

namespace Mutuality.Web.Features.Demo;

/// <summary>
/// Generates a couple with <c>days</c> of daily history for bench/run.sh dashboard: about 2 check-ins (one each,
/// daily cadence), 3 moments (one in five private, one in six a pebble) and half a request per day, with the
/// request's events. Inserted in batches through EF, so free text is encrypted at rest as usual. Deterministic
/// (fixed seed). Reached only through the bench endpoints (<c>Bench:BareEndpoints=true</c>).
/// </summary>
public sealed class BenchHistory(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    private static readonly string[] Notes = ["Made dinner so you could rest", "Listened after a long day", "Picked up the prescription", "Sent a kind message at lunch", "Took the early school run", "Planned a walk on Sunday"];

    public sealed record Generated(Guid CoupleId, string Email, string PartnerEmail, int Days, int Rows, long Milliseconds);

    public async Task<Generated> GenerateAsync(string email, string password, int days, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var now = clock.GetUtcNow().UtcDateTime;
        var start = now.AddDays(-days - 1);
        var partnerEmail = "partner-" + email;
        var a = await UserAsync(email, "Robin", "Europe/London", password, start);
        var b = await UserAsync(partnerEmail, "Sam", "America/New_York", password, start);
        var couple = new Web.Data.Couple { Id = Guid.CreateVersion7(), CreatedAtUtc = start };
        couple.Members.Add(new CoupleMember { Id = Guid.CreateVersion7(), CoupleId = couple.Id, UserId = a, JoinedAtUtc = start });
        couple.Members.Add(new CoupleMember { Id = Guid.CreateVersion7(), CoupleId = couple.Id, UserId = b, JoinedAtUtc = start });
        db.Couples.Add(couple);
        db.CheckInCoupleSettings.Add(new CheckInCoupleSettings { CoupleId = couple.Id, Cadence = (int)Cadence.Daily, UpdatedAtUtc = start });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        var random = new Random(days);
        var london = TimeZones.FindOrUtc("Europe/London");
        var rows = 0;
        var today = TimeZones.LocalDay(now, london);
        for (var d = days; d >= 1; d--)
        {
            var day = today.AddDays(-d);
            var morning = TimeZones.ToUtc(day, new TimeOnly(8, 0), london);
            foreach (var (author, i) in new[] { (a, 0), (b, 1) })
            {
                var sent = morning.AddHours(12 + i + random.NextDouble());
                db.CheckIns.Add(new CheckInEntry
                {
                    Id = Guid.CreateVersion7(),
                    CoupleId = couple.Id,
                    AuthorId = author,
                    Cadence = (int)Cadence.Daily,
                    PeriodStart = day,
                    PeriodLabel = new CheckInPeriod(Cadence.Daily, day).Label,
                    ContentJson = CheckInJson.Write(Content(random)),
                    CreatedAtUtc = sent.AddMinutes(-3),
                    UpdatedAtUtc = sent,
                    SubmittedAtUtc = sent,
                });
                rows++;
            }

            for (var m = 0; m < 3; m++)
            {
                var at = morning.AddHours(1 + (m * 4) + random.NextDouble());
                var pebble = random.Next(6) == 0;
                var direction = pebble || random.Next(3) > 0 ? MomentDirection.Gave : MomentDirection.Received;
                var visibility = !pebble && random.Next(5) == 0 ? SupportVisibility.Private : SupportVisibility.Shared;
                var responded = !pebble && direction == MomentDirection.Gave && visibility == SupportVisibility.Shared && random.Next(2) == 0;
                db.SupportMoments.Add(new SupportMoment
                {
                    Id = Guid.CreateVersion7(),
                    CoupleId = couple.Id,
                    AuthorId = m % 2 == 0 ? a : b,
                    Kind = pebble ? MomentKind.Pebble : MomentKind.Moment,
                    Direction = direction,
                    Type = (SupportType)(1 + random.Next(5)),
                    Note = Notes[random.Next(Notes.Length)],
                    OccurredAtUtc = at,
                    CreatedAtUtc = at,
                    AuthorTimeZoneId = "Europe/London",
                    Visibility = visibility,
                    ResponseKind = responded ? MomentResponseKind.Helped : null,
                    ResponseRating = responded ? 4 : null,
                    RespondedAtUtc = responded ? at.AddHours(2) : null,
                });
                rows++;
            }

            if (d % 2 == 0)
            {
                rows += Request(couple.Id, d % 4 == 0 ? a : b, d % 4 == 0 ? b : a, morning.AddHours(3), random);
            }

            if (d % 60 == 0)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return new Generated(couple.Id, email, partnerEmail, days, rows, watch.ElapsedMilliseconds);
    }

    private int Request(Guid coupleId, Guid requester, Guid partner, DateTime asked, Random random)
    {
        var met = random.Next(4) > 0;
        var answered = asked.AddHours(1 + (random.NextDouble() * 10));
        var request = new SupportRequest
        {
            Id = Guid.CreateVersion7(),
            CoupleId = coupleId,
            RequesterId = requester,
            PartnerId = partner,
            Feeling = "a bit stretched",
            Need = "Could you take over dinner tonight?",
            AskedType = (SupportType)(1 + random.Next(5)),
            Urgency = Urgency.Today,
            WindowEndsUtc = asked.AddHours(12),
            RequesterTimeZoneId = "Europe/London",
            State = met ? RequestState.Done : RequestState.Open,
            FirstAnsweredAtUtc = met ? answered : null,
            GivenType = met ? SupportType.Practical : null,
            DoneAtUtc = met ? answered.AddHours(1) : null,
            Outcome = met ? RequestOutcome.Met : null,
            CreatedAtUtc = asked,
            UpdatedAtUtc = met ? answered.AddHours(1) : asked,
        };
        db.SupportRequests.Add(request);
        db.RequestEvents.Add(new RequestEvent { Id = Guid.CreateVersion7(), CoupleId = coupleId, RequestId = request.Id, ActorId = requester, Kind = RequestEventKind.Asked, AtUtc = asked });
        if (met)
        {
            db.RequestEvents.Add(new RequestEvent { Id = Guid.CreateVersion7(), CoupleId = coupleId, RequestId = request.Id, ActorId = partner, Kind = RequestEventKind.TookOn, AtUtc = answered });
            db.RequestEvents.Add(new RequestEvent { Id = Guid.CreateVersion7(), CoupleId = coupleId, RequestId = request.Id, ActorId = partner, Kind = RequestEventKind.MarkedDone, GivenType = SupportType.Practical, AtUtc = answered.AddHours(1) });
        }

        return met ? 4 : 2;
    }

    private static CheckInContent Content(Random random)
    {
        StateReport Report() => StateReport.Empty with
        {
            Feelings = [new FeelingChoice(random.Next(2) == 0 ? "calm" : "tired", 1 + random.Next(3))],
            Ratings = new Ratings(1 + random.Next(7), 1 + random.Next(7), 1 + random.Next(7)),
            Desires = new SharedText("A quiet evening together", CheckInVisibility.Partner),
        };
        return new CheckInContent(Report(), Report(), MyImpact.Empty, YourImpact.Empty);
    }

    private async Task<Guid> UserAsync(string email, string name, string zone, string password, DateTime created)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, TimeZoneId = zone, CreatedAtUtc = created };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        return user.Id;
    }
}
