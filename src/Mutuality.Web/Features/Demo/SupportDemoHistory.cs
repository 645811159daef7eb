using Mutuality.Domain.People;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Moments.Data;
using Mutuality.Web.Features.Requests.Data;
using Mutuality.Web.Features.Shared;

namespace Mutuality.Web.Features.Demo;

/// <summary>
/// Twelve weeks of Robin and Sam: at first Robin gives most of the support and needs go unsaid or missed;
/// then they start asking, answering (sometimes with a kind "no, but…") and matching the support to the need.
/// Every request state appears. Deterministic.
/// </summary>
public sealed class SupportDemoHistory(AppDbContext db) : IDemoHistory
{
    private const string Robin = "Europe/London";
    private const string Sam = "America/New_York";

    private static readonly Dictionary<SupportType, string[]> Notes = new()
    {
        [SupportType.Emotional] = ["Listened while I talked through the day without trying to fix it.", "Sat with me after the hard call.", "Held my hand in the waiting room."],
        [SupportType.Esteem] = ["Said they were proud of how I handled the meeting.", "Reminded me I'm good at this.", "Noticed how much effort the garden took."],
        [SupportType.Informational] = ["Helped me think through the job offer.", "Found the right form for the tax thing.", "Talked through how to answer my sister."],
        [SupportType.Practical] = ["Did the shopping so I could rest.", "Picked up the prescription.", "Sorted the car's MOT."],
        [SupportType.Companionship] = ["A long walk, phones at home.", "Cooked together on Sunday.", "Video call over breakfast across the ocean."],
    };

    private static readonly (string Feeling, string Need, SupportType Type)[] Needs =
    [
        ("Worn out after a week of deadlines.", "A quiet evening together, no plans.", SupportType.Companionship),
        ("Anxious about the appointment tomorrow.", "Could you call me tonight and just listen?", SupportType.Emotional),
        ("Unsure about the offer.", "Help me weigh the pros and cons on Saturday.", SupportType.Informational),
        ("Stretched thin.", "Could you take the bins and the laundry this week?", SupportType.Practical),
        ("Feeling like my work goes unseen.", "Tell me one thing you appreciated about this week.", SupportType.Esteem),
        ("Missing you.", "A video call before bed.", SupportType.Companionship),
    ];

    public async Task SeedAsync(DemoCouple couple, CancellationToken ct)
    {
        var random = new Random(42);
        var now = couple.NowUtc;
        var firstMonday = DateTime.SpecifyKind(TimeZones.MondayOf(DateOnly.FromDateTime(now)).AddDays(-11 * 7).ToDateTime(TimeOnly.MinValue), now.Kind);

        for (var week = 0; week < 12; week++)
        {
            var monday = firstMonday.AddDays(week * 7);
            var early = week < 4;
            var robinGives = early ? 5 : 3;
            var samGives = early ? 1 : 3 + (week > 8 ? 1 : 0);
            for (var i = 0; i < robinGives + samGives; i++)
            {
                var byRobin = i < robinGives;
                var at = monday.AddHours(8 + random.Next(0, 24 * 7 - 12));
                if (at > now.AddMinutes(-30))
                {
                    continue;
                }

                var type = (SupportType)random.Next(1, 6);
                var gave = random.Next(4) != 0;
                var author = byRobin == gave ? couple.RobinId : couple.SamId;
                var moment = new SupportMoment
                {
                    Id = Guid.CreateVersion7(),
                    CoupleId = couple.CoupleId,
                    AuthorId = author,
                    Kind = MomentKind.Moment,
                    Direction = gave ? MomentDirection.Gave : MomentDirection.Received,
                    Type = type,
                    Note = Notes[type][random.Next(Notes[type].Length)],
                    OccurredAtUtc = at,
                    CreatedAtUtc = at.AddMinutes(random.Next(5, 120)),
                    AuthorTimeZoneId = author == couple.RobinId ? Robin : Sam,
                    Visibility = random.Next(10) == 0 ? Visibility.Private : Visibility.Shared,
                };
                if (gave && moment.Visibility == Visibility.Shared && random.Next(10) < (early ? 4 : 7))
                {
                    var roll = random.Next(10);
                    moment.ResponseKind = roll < (early ? 5 : 7) ? MomentResponseKind.Helped : roll < 9 ? MomentResponseKind.HadNotNoticed : MomentResponseKind.NotQuite;
                    moment.ResponseRating = moment.ResponseKind == MomentResponseKind.Helped ? (early ? random.Next(2, 5) : random.Next(3, 6)) : null;
                    moment.ResponseNote = moment.ResponseKind == MomentResponseKind.NotQuite ? "I needed you to listen first; the plan could wait." : null;
                    moment.RespondedAtUtc = moment.CreatedAtUtc.AddHours(random.Next(1, 20));
                }

                db.SupportMoments.Add(moment);
            }

            for (var p = 0; p < (early ? 1 : 2); p++)
            {
                var at = monday.AddHours(9 + random.Next(0, 24 * 6));
                if (at > now.AddMinutes(-30))
                {
                    continue;
                }

                var fromRobin = (week + p) % 2 == 0;
                PebbleReaction? reaction = random.Next(3) == 0 ? null : (PebbleReaction)random.Next(1, 5);
                db.SupportMoments.Add(new SupportMoment
                {
                    Id = Guid.CreateVersion7(),
                    CoupleId = couple.CoupleId,
                    AuthorId = fromRobin ? couple.RobinId : couple.SamId,
                    Kind = MomentKind.Pebble,
                    Direction = MomentDirection.Gave,
                    Type = SupportType.Companionship,
                    Note = MomentRules.SuggestedPebbles[random.Next(MomentRules.SuggestedPebbles.Count)],
                    OccurredAtUtc = at,
                    CreatedAtUtc = at,
                    AuthorTimeZoneId = fromRobin ? Robin : Sam,
                    Visibility = Visibility.Shared,
                    Reaction = reaction,
                    ReactedAtUtc = reaction is null ? null : at.AddHours(2),
                });
            }

            if (week == 11)
            {
                continue;
            }

            var requests = early ? 1 : 2 + (week % 2);
            for (var r = 0; r < requests; r++)
            {
                var need = Needs[random.Next(Needs.Length)];
                var created = monday.AddHours(10 + random.Next(0, 24 * 5));
                var byRobin = (week + r) % 2 == 1;
                RequestState end;
                if (early)
                {
                    end = r == 0 && week % 2 == 0 ? RequestState.Missed : RequestState.Closed;
                }
                else
                {
                    end = random.Next(10) switch
                    {
                        0 => RequestState.Withdrawn,
                        1 => RequestState.DeclinedWithAlternative,
                        _ => RequestState.Closed,
                    };
                }

                var matched = early ? random.Next(3) == 0 : random.Next(10) < 8;
                var given = matched ? need.Type : (SupportType)(((int)need.Type % 5) + 1);
                var outcome = matched ? (random.Next(4) == 0 ? RequestOutcome.PartlyMet : RequestOutcome.Met) : (random.Next(2) == 0 ? RequestOutcome.PartlyMet : RequestOutcome.NotMet);
                AddRequest(couple, byRobin, need, Urgency.ThisWeek, created, created.AddDays(2), end, given, outcome, proposeFirst: !early && random.Next(3) == 0);
            }
        }

        // This week, one request in each live state so every screen has something to show.
        var today = now.AddHours(-6);
        AddRequest(couple, false, Needs[1], Urgency.Today, now.AddMinutes(-40), now.AddHours(10), RequestState.Open, SupportType.Emotional, RequestOutcome.Met, false);
        AddRequest(couple, true, Needs[2], Urgency.ThisWeek, today, now.AddDays(3), RequestState.TimeProposed, SupportType.Informational, RequestOutcome.Met, true);
        AddRequest(couple, false, Needs[3], Urgency.ThisWeek, today.AddHours(-20), now.AddDays(3), RequestState.Accepted, SupportType.Practical, RequestOutcome.Met, false);
        AddRequest(couple, true, Needs[4], Urgency.Today, today.AddHours(-2), now.AddHours(4), RequestState.Done, SupportType.Esteem, RequestOutcome.Met, false);
        AddRequest(couple, false, Needs[0], Urgency.ThisWeek, today.AddHours(-30), now.AddDays(2), RequestState.DeclinedWithAlternative, SupportType.Companionship, RequestOutcome.Met, false);
        AddRequest(couple, true, Needs[5], Urgency.Now, today.AddHours(-26), today.AddHours(-24), RequestState.Missed, SupportType.Companionship, RequestOutcome.Met, false);
        await db.SaveChangesAsync(ct);
    }

    private void AddRequest(DemoCouple couple, bool byRobin, (string Feeling, string Need, SupportType Type) need, Urgency urgency, DateTime created, DateTime windowEnds,
        RequestState end, SupportType given, RequestOutcome outcome, bool proposeFirst)
    {
        var requester = byRobin ? couple.RobinId : couple.SamId;
        var partner = byRobin ? couple.SamId : couple.RobinId;
        var request = new SupportRequest
        {
            Id = Guid.CreateVersion7(),
            CoupleId = couple.CoupleId,
            RequesterId = requester,
            PartnerId = partner,
            Feeling = need.Feeling,
            Need = need.Need,
            AskedType = need.Type,
            Urgency = urgency,
            WindowEndsUtc = windowEnds,
            RequesterTimeZoneId = byRobin ? Robin : Sam,
            State = end == RequestState.Missed ? RequestState.Open : end,
            CreatedAtUtc = created,
            UpdatedAtUtc = created,
        };
        db.SupportRequests.Add(request);
        var t = created;
        void Event(Guid actor, RequestEventKind kind, string? text = null, DateTime? proposed = null, SupportType? type = null, RequestOutcome? o = null)
        {
            t = t.AddHours(1);
            db.RequestEvents.Add(new RequestEvent { Id = Guid.CreateVersion7(), CoupleId = couple.CoupleId, RequestId = request.Id, ActorId = actor, Kind = kind, Text = text, ProposedAtUtc = proposed, GivenType = type, Outcome = o, AtUtc = t });
            request.UpdatedAtUtc = t;
            request.Version++;
        }

        db.RequestEvents.Add(new RequestEvent { Id = Guid.CreateVersion7(), CoupleId = couple.CoupleId, RequestId = request.Id, ActorId = requester, Kind = RequestEventKind.Asked, AtUtc = created });
        switch (end)
        {
            case RequestState.Open or RequestState.Missed or RequestState.Withdrawn:
                if (end == RequestState.Withdrawn)
                {
                    Event(requester, RequestEventKind.Withdrew);
                }

                return;
            case RequestState.DeclinedWithAlternative:
                Event(partner, RequestEventKind.DeclinedWithAlternative, "I can't tonight, but I can keep Saturday morning free for us.");
                request.FirstAnsweredAtUtc = t;
                request.Alternative = "I can't tonight, but I can keep Saturday morning free for us.";
                return;
        }

        if (proposeFirst || end == RequestState.TimeProposed)
        {
            request.ProposedAtUtc = t.AddHours(26);
            Event(partner, RequestEventKind.ProposedTime, proposed: request.ProposedAtUtc);
            request.FirstAnsweredAtUtc = t;
            if (end == RequestState.TimeProposed)
            {
                return;
            }

            Event(requester, RequestEventKind.AcceptedProposal);
        }
        else
        {
            Event(partner, RequestEventKind.TookOn);
            request.FirstAnsweredAtUtc = t;
        }

        if (end == RequestState.Accepted)
        {
            return;
        }

        Event(partner, RequestEventKind.MarkedDone, type: given);
        request.GivenType = given;
        request.DoneAtUtc = t;
        if (end == RequestState.Done)
        {
            return;
        }

        var thanks = outcome == RequestOutcome.Met ? "Thank you — that was exactly it." : null;
        Event(requester, RequestEventKind.Closed, thanks, o: outcome);
        request.Outcome = outcome;
        request.ThankYou = thanks;
    }
}
