using Mutuality.Domain.CheckIns;
using Mutuality.Domain.People;
using Mutuality.Web.Data;
using Mutuality.Web.Features.CheckIns.Data;
using Mutuality.Web.Features.Shared;

namespace Mutuality.Web.Features.CheckIns;

/// <summary>
/// Twenty weeks of weekly check-ins for Robin and Sam, all revealed except the current week (Robin has sent, Sam
/// not yet). Guesses follow a truth-and-bias structure: Robin reads Sam fairly accurately; Sam tracks Robin less
/// closely, projects his own stress, and guesses a little low.
/// </summary>
public sealed class CheckInDemoHistory(AppDbContext db) : IDemoHistory
{
    public const int Weeks = 20;

    public async Task SeedAsync(DemoCouple couple, CancellationToken ct)
    {
        var random = new Random(42);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        static int Clamp(double v) => (int)Math.Clamp(Math.Round(v), 1, 7);

        var london = TimeZones.FindOrUtc("Europe/London");
        var newYork = TimeZones.FindOrUtc("America/New_York");
        var current = Periods.Current(Cadence.Weekly, couple.NowUtc, london);

        db.CheckInCoupleSettings.Add(new CheckInCoupleSettings { CoupleId = couple.CoupleId, Cadence = (int)Cadence.Weekly, UpdatedAtUtc = couple.NowUtc.AddDays(-7 * Weeks - 2) });
        db.CheckInPersonSettings.Add(new CheckInPersonSettings { UserId = couple.RobinId, CoupleId = couple.CoupleId, ReminderTime = new TimeOnly(20, 30), UpdatedAtUtc = couple.NowUtc.AddDays(-140) });
        db.CheckInPersonSettings.Add(new CheckInPersonSettings { UserId = couple.SamId, CoupleId = couple.CoupleId, ReminderTime = new TimeOnly(21, 0), UpdatedAtUtc = couple.NowUtc.AddDays(-140) });

        // Latent weekly states (supported, able to give, stress) for each partner; Sam's stress rises mid-way (a busy season at work).
        var robin = new List<(int Supported, int Able, int Stress)>();
        var sam = new List<(int Supported, int Able, int Stress)>();
        for (var w = 0; w <= Weeks; w++)
        {
            var busy = w is >= 7 and <= 12 ? 1.5 : 0;
            robin.Add((Clamp(5 + (1.1 * Normal())), Clamp(5 + (1.0 * Normal())), Clamp(3.5 + (1.3 * Normal()))));
            sam.Add((Clamp(4.5 + (1.1 * Normal()) - (busy / 2)), Clamp(4.5 + (1.0 * Normal()) - (busy / 2)), Clamp(3.5 + busy + (1.2 * Normal()))));
        }

        var means = (Robin: Mean(robin), Sam: Mean(sam));

        // Guess = target mean + b0 + b1·(T − T̄) + b2·(S − T̄) + noise, per rating.
        (int, int, int) Guess(List<(int, int, int)> target, (double, double, double) tbar, List<(int, int, int)> self, int w, double b0, double b1, double b2, double sd)
        {
            // The noise shrinks over the weeks (1.5× to 0.5×): as they keep checking in, they read each other better (rising M5).
            double One(double t, double m, double s) => m + b0 + (b1 * (t - m)) + (b2 * (s - m)) + (sd * (1.5 - (w / (double)Weeks)) * Normal());
            return (Clamp(One(target[w].Item1, tbar.Item1, self[w].Item1)), Clamp(One(target[w].Item2, tbar.Item2, self[w].Item2)), Clamp(One(target[w].Item3, tbar.Item3, self[w].Item3)));
        }

        for (var w = 0; w <= Weeks; w++)
        {
            var period = new CheckInPeriod(Cadence.Weekly, current.Start.AddDays(-7 * (Weeks - w)));
            var robinGuess = Guess(sam, means.Sam, robin, w, 0.1, 0.7, 0.1, 0.6);
            var samGuess = Guess(robin, means.Robin, sam, w, -0.3, 0.45, 0.4, 0.7);
            var robinContent = Content(robin[w], robinGuess, w, isRobin: true, random);
            var samContent = Content(sam[w], samGuess, w, isRobin: false, random);

            var sunday = period.Start.AddDays(6);
            var robinSent = TimeZones.ToUtc(sunday, new TimeOnly(20, 40 + random.Next(15)), london);
            var samSent = TimeZones.ToUtc(sunday, new TimeOnly(21, 5 + random.Next(30)), newYork);
            var isCurrent = w == Weeks;
            if (isCurrent)
            {
                robinSent = couple.NowUtc.AddHours(-2);
            }

            var robinEntry = Entry(couple, couple.RobinId, period, robinContent, robinSent);
            db.CheckIns.Add(robinEntry);
            if (!isCurrent)
            {
                var samEntry = Entry(couple, couple.SamId, period, samContent, samSent);
                db.CheckIns.Add(samEntry);
                if (!robinContent.YourImpact.WhatYouDid.IsEmpty && robinContent.YourImpact.WhatYouDid.Visibility == Visibility.Partner)
                {
                    db.CheckInReplies.Add(new CheckInReply { Id = Guid.CreateVersion7(), CoupleId = couple.CoupleId, CheckInId = robinEntry.Id, AuthorId = couple.SamId, Kind = 1, Text = "Thank you for telling me. I'll try to text when I'm running late.", CreatedAtUtc = samSent.AddHours(1) });
                }

                if (!samContent.MyImpact.Question.IsEmpty)
                {
                    db.CheckInReplies.Add(new CheckInReply { Id = Guid.CreateVersion7(), CoupleId = couple.CoupleId, CheckInId = samEntry.Id, AuthorId = couple.RobinId, Kind = 2, Text = "It was fine — I just needed a minute to land after work.", CreatedAtUtc = samSent.AddHours(2) });
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static (double, double, double) Mean(List<(int A, int B, int C)> xs) => (xs.Average(x => x.A), xs.Average(x => x.B), xs.Average(x => x.C));

    private static CheckInEntry Entry(DemoCouple couple, Guid author, CheckInPeriod period, CheckInContent content, DateTime sent) => new()
    {
        Id = Guid.CreateVersion7(),
        CoupleId = couple.CoupleId,
        AuthorId = author,
        Cadence = (int)period.Cadence,
        PeriodStart = period.Start,
        PeriodLabel = period.Label,
        ContentJson = CheckInJson.Write(content),
        CreatedAtUtc = sent.AddMinutes(-6),
        UpdatedAtUtc = sent,
        SubmittedAtUtc = sent,
    };

    /// <summary>Feelings that fit the ratings: stress brings worry or overwhelm, support brings connection.</summary>
    private static List<FeelingChoice> FeelingsFor((int Supported, int Able, int Stress) r, Random random)
    {
        var list = new List<FeelingChoice>();
        if (r.Stress >= 5)
        {
            list.Add(new(random.Next(2) == 0 ? "anxious" : "overwhelmed", r.Stress >= 6 ? 3 : 2));
        }
        else if (r.Stress <= 3)
        {
            list.Add(new(random.Next(2) == 0 ? "calm" : "content", r.Stress <= 2 ? 3 : 2));
        }
        else
        {
            list.Add(new("tired", 1 + random.Next(2)));
        }

        if (r.Supported >= 5)
        {
            list.Add(new(new[] { "connected", "appreciated", "loved" }[random.Next(3)], r.Supported >= 6 ? 2 : 1));
        }
        else if (r.Supported <= 3)
        {
            list.Add(new(random.Next(2) == 0 ? "unseen" : "lonely", r.Supported <= 2 ? 2 : 1));
        }

        if (r.Able >= 6)
        {
            list.Add(new("hopeful", 1));
        }

        return list;
    }

    private static readonly string[] RobinDesires = ["A slow Saturday morning together", "More time to talk without phones", "Plan the summer trip", "A walk after dinner"];
    private static readonly string[] SamDesires = ["Some quiet time after work", "Cook together on Sunday", "Fewer plans this week", "A proper date night"];

    private static CheckInContent Content((int, int, int) self, (int, int, int) guess, int week, bool isRobin, Random random)
    {
        var desires = isRobin ? RobinDesires : SamDesires;
        var me = StateReport.Empty with
        {
            Feelings = FeelingsFor(self, random),
            Ratings = new Ratings(self.Item1, self.Item2, self.Item3),
            Desires = new SharedText(desires[week % desires.Length], Visibility.Partner),
            GoalsNow = new SharedText(isRobin ? "Finish the report without working late" : "Get through the quarter-end", week % 3 == 0 ? Visibility.Private : Visibility.Partner),
            GoalsLater = new SharedText(isRobin ? "Live closer to my family" : "Learn to sail together", Visibility.Partner),
        };
        var guessReport = StateReport.Empty with
        {
            Feelings = FeelingsFor(guess, random),
            Ratings = new Ratings(guess.Item1, guess.Item2, guess.Item3),
        };
        var myImpact = week % 2 == 0
            ? new MyImpact(
                new SharedText(isRobin ? "I cooked on Wednesday when you were tired" : "I was quiet at dinner on Tuesday", Visibility.Partner),
                new SharedText(isRobin ? "I think it helped" : "Maybe it felt like distance", Visibility.Partner),
                new SharedText(isRobin ? "" : "Did my quiet evening worry you?", Visibility.Partner))
            : MyImpact.Empty;
        var yourImpact = week % 3 == 1
            ? new YourImpact(new SharedText(isRobin ? "You came home late without texting" : "You noticed I was stressed and made tea", week % 2 == 0 ? Visibility.Private : Visibility.Partner), isRobin ? ImpactTone.Negative : ImpactTone.Positive, isRobin)
            : YourImpact.Empty;
        return new CheckInContent(me, guessReport, myImpact, yourImpact);
    }
}
