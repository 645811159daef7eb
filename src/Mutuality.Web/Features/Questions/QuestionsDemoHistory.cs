using Mutuality.Domain.Questions;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Questions.Data;
using Mutuality.Web.Features.Shared;

namespace Mutuality.Web.Features.Questions;

/// <summary>
/// Three months of daily questions for Robin and Sam, picked by the real rule: most days both answered, some days one
/// of them didn't get to it or passed, a few reactions and favourites. Today Robin has answered and Sam has not yet,
/// so the demo shows the seal from both sides.
/// </summary>
public sealed class QuestionsDemoHistory(AppDbContext db) : IDemoHistory
{
    private const int Days = 90;

    public async Task SeedAsync(DemoCouple couple, CancellationToken ct)
    {
        var zone = await new QuestionService(db, TimeProvider.System).CoupleZoneAsync(couple.CoupleId, ct);
        var today = DailyQuestions.DayOf(couple.NowUtc, zone);
        var random = new Random(17);
        var history = new List<QuestionDay>();
        for (var back = Days; back >= 0; back--)
        {
            var day = today.AddDays(-back);
            var question = DailyQuestions.Pick(couple.CoupleId, history, day);
            history.Add(new QuestionDay(day, question.Id));
            var at = couple.NowUtc.AddDays(-back).AddHours(-6);
            var entry = new DailyQuestionEntry { Id = Guid.CreateVersion7(), CoupleId = couple.CoupleId, Day = day, QuestionId = question.Id, CreatedAtUtc = at };
            db.DailyQuestions.Add(entry);

            var roll = random.Next(100);
            var robinAnswers = back == 0 || roll >= 8;
            var samAnswers = back != 0 && roll >= 15;
            if (robinAnswers)
            {
                Answer(entry, couple.RobinId, question, Robin, random, at.AddHours(1), passed: back != 0 && roll is >= 90 and < 92);
            }

            if (samAnswers)
            {
                Answer(entry, couple.SamId, question, Sam, random, at.AddHours(3), passed: roll is >= 96);
            }

            if (robinAnswers && samAnswers && roll is >= 20 and < 32 && back > 0)
            {
                // Now and then a heart, a reply or "tell me more", and a question brought to the monthly check-in.
                var kind = 1 + (roll % 3);
                db.QuestionReactions.Add(new QuestionReaction
                {
                    Id = Guid.CreateVersion7(),
                    CoupleId = couple.CoupleId,
                    DailyQuestionId = entry.Id,
                    AuthorId = roll % 2 == 0 ? couple.SamId : couple.RobinId,
                    Kind = kind,
                    Text = kind == 1 ? Replies[roll % Replies.Length] : "",
                    CreatedAtUtc = at.AddHours(5),
                });
                if (roll % 5 == 0 && back < 40)
                {
                    entry.BroughtToMonthlyByUserId = couple.RobinId;
                    entry.BroughtToMonthlyAtUtc = at.AddHours(6);
                }
            }
        }

        foreach (var (who, id) in new[] { (couple.RobinId, "me02"), (couple.RobinId, "il01"), (couple.SamId, "ia01"), (couple.SamId, "sc02") })
        {
            db.QuestionFavourites.Add(new QuestionFavourite { Id = Guid.CreateVersion7(), CoupleId = couple.CoupleId, UserId = who, QuestionId = id, CreatedAtUtc = couple.NowUtc.AddDays(-20) });
        }

        await db.SaveChangesAsync(ct);
    }

    private void Answer(DailyQuestionEntry entry, Guid who, Question question, Dictionary<QuestionCategory, string[]> words, Random random, DateTime at, bool passed)
    {
        var lines = words[question.Category];
        db.QuestionAnswers.Add(new QuestionAnswer
        {
            Id = Guid.CreateVersion7(),
            CoupleId = entry.CoupleId,
            DailyQuestionId = entry.Id,
            AuthorId = who,
            Passed = passed,
            Text = passed ? "" : question.IsGuess ? (random.Next(3) == 0 ? "Easy one!" : "") : lines[random.Next(lines.Length)],
            Choice = passed || !question.IsGuess ? null : random.Next(question.Choices.Count),
            Guess = passed || !question.IsGuess ? null : random.Next(question.Choices.Count),
            PrivateNote = !passed && random.Next(12) == 0 ? "Worth remembering for the monthly talk." : "",
            CreatedAtUtc = at,
        });
    }

    private static readonly string[] Replies = ["That made me smile.", "I didn't know that — thank you for telling me.", "Same here, more than you think.", "Let's do that this weekend."];

    private static readonly Dictionary<QuestionCategory, string[]> Robin = new()
    {
        [QuestionCategory.KnowingMe] = ["Honestly, the first coffee before anyone needs anything from me.", "I've been thinking a lot about whether to take the course in spring.", "Feeling steadier than last month, which is nice."],
        [QuestionCategory.SeeingYou] = ["You light up when you talk about the garden plans.", "I think the move at work has been heavier for you than you say."],
        [QuestionCategory.OurImpact] = ["When you made dinner on Tuesday without asking — that helped a lot.", "When I come home tense, I notice you go quiet too."],
        [QuestionCategory.EmotionalSupport] = ["Mostly being held for a minute before we talk.", "Just hearing 'that sounds hard' first."],
        [QuestionCategory.EsteemSupport] = ["Finishing the report early — nobody noticed but me.", "When you tell me you trust my judgement, it stays with me all day."],
        [QuestionCategory.InformationalSupport] = ["Ask me 'ideas or ear?' — that works every time.", "I'd love your thinking on the flat question."],
        [QuestionCategory.PracticalSupport] = ["The Thursday shop, if you could.", "Sorting the bills together once a month would help me."],
        [QuestionCategory.CompanionshipSupport] = ["A walk after dinner, even a short one.", "Sunday pancakes — let's keep doing those."],
        [QuestionCategory.Appreciation] = ["How patient you were with my mum on the phone.", "You always leave me the last bit of chocolate. I see it."],
        [QuestionCategory.PhysicalIntimacy] = ["Long and slow, definitely.", "Your hand on my back when I'm cooking."],
        [QuestionCategory.EmotionalIntimacy] = ["I felt a bit left out at the party, and didn't say.", "The best part was laughing in the car."],
        [QuestionCategory.IntellectualIntimacy] = ["That podcast about sleep changed how I think about evenings.", "Why some cities feel friendly and others don't."],
        [QuestionCategory.SpiritualIntimacy] = ["The quiet by the lake in August.", "Being kind when it's inconvenient."],
        [QuestionCategory.PlayfulIntimacy] = ["The 'emergency biscuit' joke. Still gets me.", "The Pebbles. Obviously."],
        [QuestionCategory.AestheticIntimacy] = ["That song from the café — I looked it up.", "The frost on the allotment this morning."],
        [QuestionCategory.FutureIntimacy] = ["Two nights by the coast in May?", "Pottering, reading, you in the garden."],
        [QuestionCategory.OurFuture] = ["More evenings without screens.", "I'd like us to start saving for a proper trip."],
        [QuestionCategory.Memories] = ["The rainy picnic where we ate in the car.", "When you stayed up with me before my exam."],
        [QuestionCategory.LightAndPlayful] = ["An otter. No contest.", "Cheese, pickle, a bit of crunch."],
    };

    private static readonly Dictionary<QuestionCategory, string[]> Sam = new()
    {
        [QuestionCategory.KnowingMe] = ["Getting back on the bike — I miss it.", "Work has been loud in my head this week.", "I want to learn to cook one thing really well."],
        [QuestionCategory.SeeingYou] = ["You've been enjoying your reading evenings, I can tell.", "I think you need more time with your friends."],
        [QuestionCategory.OurImpact] = ["You noticed I was tired and took the call for me.", "When you say 'we'll figure it out', I believe it."],
        [QuestionCategory.EmotionalSupport] = ["Space first, then a hug. In that order!", "Sit with me, no fixing."],
        [QuestionCategory.EsteemSupport] = ["Getting through the presentation without notes.", "Hearing you're proud of me, out loud."],
        [QuestionCategory.InformationalSupport] = ["The big headline first, details later.", "Help me look into the car options?"],
        [QuestionCategory.PracticalSupport] = ["Taking the recycling out on Mondays would be amazing.", "Booking the dentist — I keep forgetting."],
        [QuestionCategory.CompanionshipSupport] = ["Just being in the same room while we do our own things.", "More board game nights with Jo and Alex."],
        [QuestionCategory.Appreciation] = ["The note you left in my bag.", "How you make everyone feel welcome."],
        [QuestionCategory.PhysicalIntimacy] = ["Feet touching on the sofa. Underrated.", "A proper hug at the door."],
        [QuestionCategory.EmotionalIntimacy] = ["I worried about my dad this week more than I let on.", "Calm, when we were both reading."],
        [QuestionCategory.IntellectualIntimacy] = ["How bridges are designed — I fell down a rabbit hole.", "Whether we'd raise kids the way we were raised."],
        [QuestionCategory.SpiritualIntimacy] = ["Walking early, before the town wakes up.", "Keeping Sunday dinner as a tradition."],
        [QuestionCategory.PlayfulIntimacy] = ["The sock puppet incident.", "'The Overdue Library Books' as a band name."],
        [QuestionCategory.AestheticIntimacy] = ["The sunset over the car park, weirdly.", "Fresh bread smell, every time."],
        [QuestionCategory.FutureIntimacy] = ["A cabin somewhere with no signal.", "Growing tomatoes together, finally."],
        [QuestionCategory.OurFuture] = ["I'd like us to have a slow Saturday each month.", "Knowing we'll talk before big decisions."],
        [QuestionCategory.Memories] = ["Our first proper conversation at the bus stop.", "The trip where everything went wrong and we still laughed."],
        [QuestionCategory.LightAndPlayful] = ["A very calm tortoise.", "'Second Breakfast'."],
    };
}
