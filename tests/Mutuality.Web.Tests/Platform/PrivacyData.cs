using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Rituals;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Features.CheckIns.Data;
using Mutuality.Web.Features.Intimacy.Data;
using Mutuality.Web.Features.Moments.Data;
using Mutuality.Web.Features.Monthly.Data;
using Mutuality.Web.Features.Pulse.Data;
using Mutuality.Web.Features.Repair.Data;
using Mutuality.Web.Features.Requests.Data;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Platform;

/// <summary>
/// Phrases written by each partner. B's thanks on A's check-in is in none of the lists: it is B's words, but
/// it goes when A's check-in goes (a reply without what it answers).
/// </summary>
/// <remarks>Phrases written by each partner of a richly seeded couple: A's (the one who will delete or export) and B's.</remarks>
public sealed record RichCouple(TestCouple Couple, IReadOnlyList<string> APhrases, IReadOnlyList<string> APrivatePhrases, IReadOnlyList<string> BSharedPhrases, IReadOnlyList<string> BPrivatePhrases, Guid BMoment, Guid BRequest, Guid Conflict);

/// <summary>
/// A couple with something in every feature, written by both partners, each phrase distinct: A's private and
/// shared items, A's words on B's things (a response, an alternative, a reply), and B's own private and shared items.
/// Most is written through the app; rows the app would need several screens for are written directly.
/// </summary>
public static class PrivacyData
{
    public static async Task<RichCouple> SeedAsync(AppFactory app, TestCouple couple)
    {
        var m = Guid.NewGuid().ToString("N")[..8];
        string A(string what) => $"A-{what}-{m}";
        string B(string what) => $"B-{what}-{m}";
        var (a, b) = (couple.A, couple.B);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var bMoment = Guid.CreateVersion7();
        var bRequest = Guid.CreateVersion7();
        var aCheckIn = Guid.CreateVersion7();
        var bCheckIn = Guid.CreateVersion7();
        var conflict = Guid.CreateVersion7();
        var months = new DateOnly(2026, 3, 1);
        await app.WithDbAsync(async db =>
        {
            SupportMoment Moment(Guid author, string note, Visibility visibility, MomentKind kind = MomentKind.Moment) => new()
            {
                Id = Guid.CreateVersion7(),
                CoupleId = couple.Id,
                AuthorId = author,
                Kind = kind,
                Direction = MomentDirection.Gave,
                Type = SupportType.Practical,
                Note = note,
                Link = kind == MomentKind.Pebble ? $"https://example.org/{note}" : null,
                OccurredAtUtc = now.AddHours(-3),
                CreatedAtUtc = now.AddHours(-3),
                AuthorTimeZoneId = "Europe/London",
                Visibility = visibility,
            };
            db.SupportMoments.AddRange(
                Moment(a.Id, A("private-moment"), Visibility.Private),
                Moment(a.Id, A("shared-moment"), Visibility.Shared),
                Moment(a.Id, A("pebble"), Visibility.Shared, MomentKind.Pebble),
                Moment(b.Id, B("private-moment"), Visibility.Private));
            var bShared = Moment(b.Id, B("shared-moment"), Visibility.Shared);
            bShared.Id = bMoment;
            bShared.ResponseKind = MomentResponseKind.Helped;
            bShared.ResponseRating = 5;
            bShared.ResponseNote = A("response");
            bShared.RespondedAtUtc = now.AddHours(-2);
            db.SupportMoments.Add(bShared);

            SupportRequest Request(Guid id, Guid from, Guid to, string feeling, string need) => new()
            {
                Id = id,
                CoupleId = couple.Id,
                RequesterId = from,
                PartnerId = to,
                Feeling = feeling,
                Need = need,
                AskedType = SupportType.Emotional,
                Urgency = Urgency.ThisWeek,
                WindowEndsUtc = now.AddDays(3),
                RequesterTimeZoneId = "Europe/London",
                State = RequestState.Open,
                CreatedAtUtc = now.AddHours(-1),
                UpdatedAtUtc = now.AddHours(-1),
            };
            var aRequest = Request(Guid.CreateVersion7(), a.Id, b.Id, A("feeling"), A("need"));
            db.SupportRequests.Add(aRequest);
            db.RequestEvents.Add(new RequestEvent { Id = Guid.CreateVersion7(), CoupleId = couple.Id, RequestId = aRequest.Id, ActorId = a.Id, Kind = RequestEventKind.Asked, AtUtc = now.AddHours(-1) });
            var bReq = Request(bRequest, b.Id, a.Id, B("feeling"), B("need"));
            bReq.State = RequestState.DeclinedWithAlternative;
            bReq.Alternative = A("alternative");
            bReq.FirstAnsweredAtUtc = now.AddMinutes(-30);
            db.SupportRequests.Add(bReq);
            db.RequestEvents.Add(new RequestEvent { Id = Guid.CreateVersion7(), CoupleId = couple.Id, RequestId = bRequest, ActorId = b.Id, Kind = RequestEventKind.Asked, AtUtc = now.AddHours(-1) });
            db.RequestEvents.Add(new RequestEvent { Id = Guid.CreateVersion7(), CoupleId = couple.Id, RequestId = bRequest, ActorId = a.Id, Kind = RequestEventKind.DeclinedWithAlternative, Text = A("alternative"), AtUtc = now.AddMinutes(-30) });
            db.RequestMailPreferences.Add(new RequestMailPreference { UserId = a.Id, EmailNewRequests = true });

            CheckInEntry CheckIn(Guid id, Guid author, string desire) => new()
            {
                Id = id,
                CoupleId = couple.Id,
                AuthorId = author,
                Cadence = 1,
                PeriodStart = new DateOnly(2026, 3, 1),
                PeriodLabel = "2026-03-01",
                // A check-in the form would accept (feelings and ratings on both sides), so an export of it can be imported.
                ContentJson = Features.CheckIns.CheckInJson.Write(Domain.CheckIns.CheckInContent.Empty with
                {
                    Me = Domain.CheckIns.CheckInContent.Empty.Me with
                    {
                        Feelings = [new Domain.CheckIns.FeelingChoice("happy", 2)],
                        Desires = new Domain.CheckIns.SharedText(desire, Domain.CheckIns.Visibility.Partner),
                        Ratings = new Domain.CheckIns.Ratings(5, 5, 3),
                    },
                    Guess = Domain.CheckIns.CheckInContent.Empty.Guess with { Feelings = [new Domain.CheckIns.FeelingChoice("happy", 1)], Ratings = new Domain.CheckIns.Ratings(4, 4, 4) },
                }),
                CreatedAtUtc = now.AddDays(-1),
                UpdatedAtUtc = now.AddDays(-1),
                SubmittedAtUtc = now.AddDays(-1),
            };
            db.CheckIns.AddRange(CheckIn(aCheckIn, a.Id, A("desire")), CheckIn(bCheckIn, b.Id, B("desire")));
            db.CheckInReplies.Add(new CheckInReply { Id = Guid.CreateVersion7(), CoupleId = couple.Id, CheckInId = bCheckIn, AuthorId = a.Id, Kind = 2, Text = A("reply"), CreatedAtUtc = now });
            db.CheckInReplies.Add(new CheckInReply { Id = Guid.CreateVersion7(), CoupleId = couple.Id, CheckInId = aCheckIn, AuthorId = b.Id, Kind = 1, Text = B("thanks-on-a"), CreatedAtUtc = now });
            db.CheckInCoupleSettings.Add(new CheckInCoupleSettings { CoupleId = couple.Id, Cadence = 1, ProposedCadence = 2, ProposedByUserId = a.Id, UpdatedAtUtc = now });
            db.CheckInPersonSettings.Add(new CheckInPersonSettings { UserId = a.Id, CoupleId = couple.Id, ReminderTime = new TimeOnly(20, 0), UpdatedAtUtc = now });

            foreach (var (who, kind) in new[] { (a.Id, "emotional"), (b.Id, "emotional") })
            {
                db.IntimacyEntries.Add(new IntimacyEntry { Id = Guid.CreateVersion7(), CoupleId = couple.Id, AuthorId = who, Month = months, Kind = kind, Fulfilment = 6, Importance = 8, CreatedAtUtc = now });
                db.PulseAnswers.Add(new PulseAnswer { Id = Guid.CreateVersion7(), CoupleId = couple.Id, AuthorId = who, Month = months, ItemId = "close", Value = 4, CreatedAtUtc = now });
            }

            var monthly = new MonthlyCheckIn { Id = Guid.CreateVersion7(), CoupleId = couple.Id, Month = months, CreatedAtUtc = now, StarterId = a.Id, TalkStartedAtUtc = now };
            db.MonthlyCheckIns.Add(monthly);
            db.MonthlyRhythms.Add(new MonthlyRhythmSetting { CoupleId = couple.Id, DayOfMonth = 2, ChosenById = a.Id, UpdatedAtUtc = now });
            db.MonthlyPreparations.Add(new MonthlyPreparation { Id = Guid.CreateVersion7(), CheckInId = monthly.Id, CoupleId = couple.Id, AuthorId = a.Id, Appreciations = A("appreciation"), HardThing = A("hard-thing"), UpdatedAtUtc = now, SharedAtUtc = now });
            db.MonthlyPreparations.Add(new MonthlyPreparation { Id = Guid.CreateVersion7(), CheckInId = monthly.Id, CoupleId = couple.Id, AuthorId = b.Id, Appreciations = B("appreciation"), HardThing = B("private-hard-thing"), UpdatedAtUtc = now });
            db.RitualAgreements.Add(new RitualAgreement { Id = Guid.CreateVersion7(), CoupleId = couple.Id, CreatedById = a.Id, OwnerId = a.Id, What = A("agreement"), CreatedAtUtc = now, CheckInId = monthly.Id });
            db.RitualAgreements.Add(new RitualAgreement { Id = Guid.CreateVersion7(), CoupleId = couple.Id, CreatedById = b.Id, What = B("agreement"), CreatedAtUtc = now, CheckInId = monthly.Id, ReviewedById = a.Id, ReviewedAtUtc = now, Outcome = AgreementOutcome.Kept });

            db.ConflictRecords.Add(new ConflictRecord { Id = conflict, CoupleId = couple.Id, OpenedById = a.Id, Title = A("conflict-title"), OpenedAtUtc = now, Status = ConflictStatus.Resolved, ResolvedById = a.Id, ResolvedAtUtc = now });
            db.ConflictSides.Add(new ConflictSide { Id = Guid.CreateVersion7(), ConflictId = conflict, CoupleId = couple.Id, AuthorId = a.Id, FeelingsAndNeeds = A("side"), HowYouSawIt = A("saw"), MyImpactOnYou = A("mine"), YourImpactOnMe = A("yours"), UpdatedAtUtc = now, SharedAtUtc = now });
            db.ConflictSides.Add(new ConflictSide { Id = Guid.CreateVersion7(), ConflictId = conflict, CoupleId = couple.Id, AuthorId = b.Id, FeelingsAndNeeds = B("side"), HowYouSawIt = B("saw"), MyImpactOnYou = B("mine"), YourImpactOnMe = B("yours"), UpdatedAtUtc = now, SharedAtUtc = now });
            db.RepairAttempts.Add(new RepairAttempt { Id = Guid.CreateVersion7(), ConflictId = conflict, CoupleId = couple.Id, AuthorId = a.Id, Kind = RepairKind.Apology, Text = A("apology"), SentAtUtc = now });
            db.RepairAttempts.Add(new RepairAttempt { Id = Guid.CreateVersion7(), ConflictId = conflict, CoupleId = couple.Id, AuthorId = b.Id, Kind = RepairKind.TryAgain, Text = B("try-again"), SentAtUtc = now });
            db.GuideReflections.Add(new GuideReflection { Id = Guid.CreateVersion7(), AuthorId = a.Id, Guide = "old-beliefs", PromptKey = "size", Text = A("reflection"), UpdatedAtUtc = now });
            db.GuideReflections.Add(new GuideReflection { Id = Guid.CreateVersion7(), AuthorId = b.Id, Guide = "old-beliefs", PromptKey = "size", Text = B("reflection"), UpdatedAtUtc = now });
            db.Invitations.Add(new Invitation { Id = Guid.CreateVersion7(), CoupleId = couple.Id, InvitedByUserId = a.Id, TokenHash = Guid.NewGuid().ToString("N"), CodeHash = Guid.NewGuid().ToString("N"), CreatedAtUtc = now.AddDays(-10), ExpiresAtUtc = now.AddDays(-3), UsedAtUtc = now.AddDays(-9), UsedByUserId = b.Id });
            db.FeedCursors.Add(new Features.Feed.Data.FeedCursor { UserId = a.Id, SeenAtUtc = now });
            db.MailPreferences.Add(new Features.ScheduledMail.Data.MailPreference { UserId = a.Id, WeeklyDigest = true });
            db.ScheduledMailSent.Add(new Features.ScheduledMail.Data.ScheduledMailSent { Id = Guid.CreateVersion7(), PersonId = a.Id, Kind = default, PeriodKey = "2026-W09", DueAtUtc = now.AddDays(-1) });
            db.InsightDismissals.Add(new Features.Insights.Data.InsightDismissal { Id = Guid.CreateVersion7(), UserId = a.Id, Kind = "receiving-more", PeriodKey = "2026-W09", DismissedAtUtc = now });

            // Issue 17: a day's question both answered (A asked for it and brought it to the monthly check-in), with notes and reactions.
            var questionDay = new Features.Questions.Data.DailyQuestionEntry { Id = Guid.CreateVersion7(), CoupleId = couple.Id, Day = new DateOnly(2026, 3, 1), QuestionId = "km01", AskedByUserId = a.Id, BroughtToMonthlyByUserId = a.Id, BroughtToMonthlyAtUtc = now, CreatedAtUtc = now };
            db.DailyQuestions.Add(questionDay);
            db.QuestionAnswers.Add(new Features.Questions.Data.QuestionAnswer { Id = Guid.CreateVersion7(), CoupleId = couple.Id, DailyQuestionId = questionDay.Id, AuthorId = a.Id, Text = A("question-answer"), PrivateNote = A("question-note"), CreatedAtUtc = now });
            db.QuestionAnswers.Add(new Features.Questions.Data.QuestionAnswer { Id = Guid.CreateVersion7(), CoupleId = couple.Id, DailyQuestionId = questionDay.Id, AuthorId = b.Id, Text = B("question-answer"), PrivateNote = B("question-note"), CreatedAtUtc = now });
            db.QuestionReactions.Add(new Features.Questions.Data.QuestionReaction { Id = Guid.CreateVersion7(), CoupleId = couple.Id, DailyQuestionId = questionDay.Id, AuthorId = a.Id, Kind = 1, Text = A("question-reply"), CreatedAtUtc = now });
            db.QuestionReactions.Add(new Features.Questions.Data.QuestionReaction { Id = Guid.CreateVersion7(), CoupleId = couple.Id, DailyQuestionId = questionDay.Id, AuthorId = b.Id, Kind = 2, CreatedAtUtc = now });
            db.QuestionReactions.Add(new Features.Questions.Data.QuestionReaction { Id = Guid.CreateVersion7(), CoupleId = couple.Id, DailyQuestionId = questionDay.Id, AuthorId = b.Id, Kind = 1, Text = B("question-reply"), CreatedAtUtc = now });
            db.QuestionFavourites.Add(new Features.Questions.Data.QuestionFavourite { Id = Guid.CreateVersion7(), CoupleId = couple.Id, UserId = a.Id, QuestionId = "km01", CreatedAtUtc = now });
            await db.SaveChangesAsync();
        });

        // Sign-ins through the app leave sessions and security events for both.
        (await app.SignedInAsync(a)).Dispose();
        (await app.SignedInAsync(b)).Dispose();

        return new RichCouple(
            couple,
            [A("private-moment"), A("shared-moment"), A("pebble"), A("response"), A("feeling"), A("need"), A("alternative"), A("desire"), A("reply"), A("appreciation"), A("hard-thing"), A("agreement"), A("conflict-title"), A("side"), A("saw"), A("mine"), A("yours"), A("apology"), A("reflection"), A("question-answer"), A("question-note"), A("question-reply")],
            [A("private-moment"), A("reflection")],
            [B("shared-moment"), B("feeling"), B("need"), B("desire"), B("agreement"), B("side"), B("try-again"), B("question-answer"), B("question-reply")],
            [B("private-moment"), B("private-hard-thing"), B("reflection"), B("question-note")],
            bMoment,
            bRequest,
            conflict);
    }
}
