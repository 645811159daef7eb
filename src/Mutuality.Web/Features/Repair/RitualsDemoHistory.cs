using Mutuality.Domain.People;
using Mutuality.Domain.Rituals;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Monthly.Data;
using Mutuality.Web.Features.Repair.Data;
using Mutuality.Web.Features.Shared;

namespace Mutuality.Web.Features.Repair;

/// <summary>
/// Six months of monthly check-ins for Robin and Sam, with agreements in every state (open, kept, partly kept,
/// not kept, carried on) and one conflict both wrote, shared and resolved after a repair attempt. Deterministic.
/// </summary>
public sealed class RitualsDemoHistory(AppDbContext db) : IDemoHistory
{
    private static readonly string[][] Appreciations =
    [
        ["You brought me soup when I had that cold.", "Thank you for the long call on Sunday even though it was late for you."],
        ["You remembered my sister's birthday before I did.", "You listened to me moan about work for an hour and didn't try to fix it."],
        ["The playlist you made for my run.", "You drove me to the airport at six in the morning."],
        ["You noticed I was quiet and asked.", "Thank you for planning our video dinner."],
        ["You sent me the photo of the sea — it made my day.", "You took over the bills when I was swamped."],
        ["You said sorry first after the Sunday thing.", "The note in my bag."],
    ];

    private static readonly (string What, int Who)[][] AgreementsByMonth =
    [
        [("A phone-free video dinner every Friday", 2), ("Tell each other when work will run late", 2)],
        [("Plan the summer visit dates", 0), ("Send one photo from my day, most days", 1)],
        [("A proper goodnight call on Sundays", 2)],
        [("Ask \"do you want comfort or ideas?\" before helping", 2), ("Book the flights for May", 1)],
        [("Take a 20-minute break when either of us asks, then come back", 2)],
        [("Try the new recipe together over video", 2), ("Look into the evening course I mentioned", 0)],
    ];

    private static readonly AgreementOutcome[] Outcomes = [AgreementOutcome.Kept, AgreementOutcome.PartlyKept, AgreementOutcome.Kept, AgreementOutcome.NotKept, AgreementOutcome.Kept, AgreementOutcome.PartlyKept];

    public async Task SeedAsync(DemoCouple couple, CancellationToken ct)
    {
        var random = new Random(42);
        db.MonthlyRhythms.Add(new MonthlyRhythmSetting { CoupleId = couple.CoupleId, DayOfMonth = 12, ChosenById = couple.RobinId, UpdatedAtUtc = couple.NowUtc.AddDays(-125) });

        var thisMonth = TimeZones.MonthOf(DateOnly.FromDateTime(couple.NowUtc));
        var open = new List<RitualAgreement>();
        var outcomeIndex = 0;
        for (var i = 0; i < 6; i++)
        {
            var month = thisMonth.AddMonths(i - 6);
            var at = DateTime.SpecifyKind(month.AddDays(11).ToDateTime(new TimeOnly(18, 0)), DateTimeKind.Utc);
            var starter = i % 2 == 0 ? couple.RobinId : couple.SamId;
            var checkIn = new MonthlyCheckIn
            {
                Id = Guid.CreateVersion7(),
                CoupleId = couple.CoupleId,
                Month = month,
                CreatedAtUtc = at.AddDays(-2),
                StarterId = starter,
                TalkStartedAtUtc = at,
                TopicIndex = TalkMode.Topics.Count - 1,
                Speaker = TalkSpeaker.Other,
                FinishedAtUtc = at.AddMinutes(50 + random.Next(30)),
            };
            db.MonthlyCheckIns.Add(checkIn);
            foreach (var (author, index) in new[] { (couple.RobinId, 0), (couple.SamId, 1) })
            {
                db.MonthlyPreparations.Add(new MonthlyPreparation
                {
                    Id = Guid.CreateVersion7(),
                    CheckInId = checkIn.Id,
                    CoupleId = couple.CoupleId,
                    AuthorId = author,
                    Appreciations = Appreciations[i][index],
                    WentWell = index == 0 ? "Our Friday dinners felt like a real date." : "We handled the visa paperwork as a team.",
                    HardThing = index == 0 ? "The week the time difference meant we barely talked." : "Feeling left out when plans were made without me.",
                    NeedNextMonth = index == 0 ? "One unhurried call at the weekend." : "To be asked before plans are fixed.",
                    UpdatedAtUtc = at.AddDays(-1),
                    SharedAtUtc = at.AddHours(-3),
                });
            }

            // Last month's open agreements come back for review at this check-in.
            foreach (var earlier in open)
            {
                earlier.Outcome = Outcomes[outcomeIndex++ % Outcomes.Length];
                earlier.ReviewedAtUtc = at.AddMinutes(35);
                earlier.ReviewedById = starter;
                earlier.CarriedOn = earlier.Outcome != AgreementOutcome.Kept && outcomeIndex % 2 == 0;
                if (earlier.CarriedOn)
                {
                    var carried = Agreement(couple, earlier.CreatedById, earlier.OwnerId, earlier.What, checkIn.Id, at.AddMinutes(36));
                    carried.CarriedOnFromId = earlier.Id;
                    db.RitualAgreements.Add(carried);
                }
            }

            open = [];
            foreach (var (what, who) in AgreementsByMonth[i])
            {
                Guid? owner = who switch { 0 => couple.RobinId, 1 => couple.SamId, _ => null };
                var agreement = Agreement(couple, starter, owner, what, checkIn.Id, at.AddMinutes(45));
                agreement.DueOn = who == 2 ? null : month.AddMonths(1).AddDays(10);
                db.RitualAgreements.Add(agreement);
                open.Add(agreement);
            }
        }

        await SeedConflictAsync(couple, ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task SeedConflictAsync(DemoCouple couple, CancellationToken ct)
    {
        var opened = couple.NowUtc.AddDays(-70);
        var conflict = new ConflictRecord
        {
            Id = Guid.CreateVersion7(),
            CoupleId = couple.CoupleId,
            OpenedById = couple.SamId,
            Title = "The missed call on Sunday",
            OpenedAtUtc = opened,
            Status = ConflictStatus.Resolved,
            ResolvedAtUtc = opened.AddDays(2),
            ResolvedById = couple.RobinId,
        };
        db.ConflictRecords.Add(conflict);
        db.ConflictSides.Add(new ConflictSide
        {
            Id = Guid.CreateVersion7(),
            ConflictId = conflict.Id,
            CoupleId = couple.CoupleId,
            AuthorId = couple.SamId,
            FeelingsAndNeeds = "I felt forgotten and a bit foolish waiting by the laptop. I need to know our calls matter to you.",
            HowYouSawIt = "I think you were caught up with friends and didn't notice the time, and then felt told off.",
            MyImpactOnYou = "My short message afterwards probably felt cold and like an accusation.",
            YourImpactOnMe = "Waiting with no word stung more than it needed to — being left waiting is an old sore spot for me.",
            UpdatedAtUtc = opened.AddHours(5),
            SharedAtUtc = opened.AddHours(6),
        });
        db.ConflictSides.Add(new ConflictSide
        {
            Id = Guid.CreateVersion7(),
            ConflictId = conflict.Id,
            CoupleId = couple.CoupleId,
            AuthorId = couple.RobinId,
            FeelingsAndNeeds = "I felt embarrassed, then defensive. I need us to have a way to move a call without it feeling like a crisis.",
            HowYouSawIt = "You waited for an hour and it looked like you weren't a priority.",
            MyImpactOnYou = "Not sending a message left you waiting and wondering.",
            YourImpactOnMe = "Your message made me feel like I'd failed, and I went quiet instead of saying sorry.",
            UpdatedAtUtc = opened.AddDays(1),
            SharedAtUtc = opened.AddDays(1).AddHours(1),
        });
        db.RepairAttempts.Add(new RepairAttempt
        {
            Id = Guid.CreateVersion7(),
            ConflictId = conflict.Id,
            CoupleId = couple.CoupleId,
            AuthorId = couple.RobinId,
            Kind = RepairKind.Apology,
            Text = "I'm sorry I left you waiting without a word. Our calls do matter to me.",
            SentAtUtc = opened.AddDays(1).AddHours(2),
        });
        db.RepairAttempts.Add(new RepairAttempt
        {
            Id = Guid.CreateVersion7(),
            ConflictId = conflict.Id,
            CoupleId = couple.CoupleId,
            AuthorId = couple.SamId,
            Kind = RepairKind.TryAgain,
            Text = string.Empty,
            SentAtUtc = opened.AddDays(1).AddHours(3),
        });
        var agreement = Agreement(couple, couple.RobinId, couple.RobinId, "If I can't make a call, I'll message before it starts", null, opened.AddDays(2));
        agreement.ConflictId = conflict.Id;
        agreement.Outcome = AgreementOutcome.Kept;
        agreement.ReviewedAtUtc = opened.AddDays(30);
        agreement.ReviewedById = couple.SamId;
        db.RitualAgreements.Add(agreement);
        await Task.CompletedTask.WaitAsync(ct);
    }

    private static RitualAgreement Agreement(DemoCouple couple, Guid createdBy, Guid? owner, string what, Guid? checkInId, DateTime at) => new()
    {
        Id = Guid.CreateVersion7(),
        CoupleId = couple.CoupleId,
        CreatedById = createdBy,
        OwnerId = owner,
        What = what,
        CheckInId = checkInId,
        CreatedAtUtc = at,
    };
}
