using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.CheckIns;
using Mutuality.Domain.Common;
using Mutuality.Web.Data;
using Mutuality.Web.Features.CheckIns.Data;
using Mutuality.Web.Features.Shared.PersonalData;
using static Mutuality.Web.Features.Shared.PersonalData.ImportRules;

namespace Mutuality.Web.Features.CheckIns;

/// <summary>
/// Check-ins in a person's data (docs/privacy.md): theirs go with every reply to them, their replies to the partner's
/// go, their settings go and a rhythm they proposed is withdrawn. The export holds their own check-ins and the
/// partner's once both had sent theirs (only the shared parts, by <see cref="SealedReveal"/>); an import brings back
/// their own, marked <see cref="CheckInEntry.Imported"/>: their history, never a reveal partner.
/// </summary>
public sealed class CheckInsPersonalData(AppDbContext db) : IPersonalData
{
    private static readonly JsonSerializerOptions ContentJson = new(JsonSerializerDefaults.Web);

    public IReadOnlyCollection<Type> Entities { get; } = [typeof(CheckInEntry), typeof(CheckInReply), typeof(CheckInPersonSettings), typeof(CheckInCoupleSettings)];

    public async Task DeleteAsync(PersonLeaving person, CancellationToken ct)
    {
        var userId = person.UserId;
        var theirCheckIns = db.CheckIns.Where(c => c.AuthorId == userId).Select(c => c.Id);
        await db.CheckInReplies.Where(r => r.AuthorId == userId || theirCheckIns.Contains(r.CheckInId)).ExecuteDeleteAsync(ct);
        await db.CheckIns.Where(c => c.AuthorId == userId).ExecuteDeleteAsync(ct);
        await db.CheckInPersonSettings.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
        await db.CheckInCoupleSettings.Where(s => s.ProposedByUserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ProposedByUserId, (Guid?)null).SetProperty(x => x.ProposedCadence, (int?)null), ct);
    }

    public async Task<ExportDocument> ExportAsync(PersonExporting person, ExportDocument doc, CancellationToken ct)
    {
        var (userId, active, partnerId) = (person.UserId, person.ActiveCouple, person.PartnerId);
        var mine = await db.CheckIns.AsNoTracking().Where(c => c.AuthorId == userId).OrderBy(c => c.PeriodStart).ThenBy(c => c.Cadence).ToListAsync(ct);
        var theirs = partnerId is null ? [] : await db.CheckIns.AsNoTracking()
            .Where(c => c.CoupleId == active && c.AuthorId == partnerId && c.SubmittedAtUtc != null && !c.Imported).OrderBy(c => c.PeriodStart).ToListAsync(ct);
        var checkIns = mine.Select(c => new ExportCheckIn(c.Id, ExportDocument.Me, c.Cadence, c.PeriodLabel, c.PeriodStart, c.CreatedAtUtc, c.UpdatedAtUtc, c.SubmittedAtUtc, Element(CheckInJson.Read(c.ContentJson)))).ToList();
        foreach (var their in theirs)
        {
            // The sealed reveal decides, as on every page: only when I sent mine for the same period, only the shared parts.
            var own = mine.FirstOrDefault(c => c.Cadence == their.Cadence && c.PeriodLabel == their.PeriodLabel && c.SubmittedAtUtc != null && !c.Imported && c.CoupleId == their.CoupleId);
            if (own is not null && SealedReveal.PartnerVisible(CheckInJson.Read(their.ContentJson)) is { } visible)
            {
                checkIns.Add(new ExportCheckIn(their.Id, ExportDocument.Partner, their.Cadence, their.PeriodLabel, their.PeriodStart, their.CreatedAtUtc, their.UpdatedAtUtc, their.SubmittedAtUtc, Element(visible)));
            }
        }

        var myCheckInIds = mine.Select(c => c.Id).ToList();
        var replies = await db.CheckInReplies.AsNoTracking()
            .Where(r => r.AuthorId == userId || (r.CoupleId == active && myCheckInIds.Contains(r.CheckInId)))
            .OrderBy(r => r.CreatedAtUtc).ThenBy(r => r.Id).ToListAsync(ct);
        return doc with
        {
            CheckIns = checkIns,
            CheckInReplies = [.. replies.Select(r => new ExportReply(r.Id, person.Who(r.AuthorId), r.CheckInId, r.Kind, r.Text, r.CreatedAtUtc))],
        };
    }

    private static JsonElement Element(CheckInContent content) => JsonDocument.Parse(CheckInJson.Write(content)).RootElement.Clone();

    public void WriteCsv(ExportDocument doc, ExportCsv csv)
    {
        csv.Add("check-ins.csv", doc.CheckIns.Select(c => new { c.Id, c.Author, c.Cadence, c.Period, c.PeriodStart, c.CreatedAtUtc, c.UpdatedAtUtc, c.SubmittedAtUtc, Content = c.Content.GetRawText() }));
        csv.Add("check-in-replies.csv", doc.CheckInReplies);
    }

    public async Task<Result<int>> ImportAsync(PersonImporting person, ExportDocument export, CancellationToken ct)
    {
        if (Missing(export.CheckIns, "check-ins") is { } missing)
        {
            return missing;
        }

        var checkIns = export.OwnPart().CheckIns;
        var contents = new Dictionary<Guid, CheckInContent>();
        if (Check(checkIns, person.Now, contents) is { } problem)
        {
            return problem;
        }

        if (!person.Claim(checkIns.Select(c => c.Id)))
        {
            return SameIdTwice;
        }

        if (checkIns.GroupBy(c => (c.Cadence, c.PeriodStart)).Any(g => g.Count() > 1))
        {
            return Refuse("it holds two check-ins for the same period.");
        }

        if (await db.CheckIns.AnyAsync(c => c.AuthorId == person.UserId, ct))
        {
            return HasData;
        }

        var ids = checkIns.Select(c => c.Id).ToList();
        if (ids.Count > 0 && await db.CheckIns.AnyAsync(x => ids.Contains(x.Id), ct))
        {
            return IdsTaken;
        }

        foreach (var c in checkIns)
        {
            db.CheckIns.Add(new CheckInEntry
            {
                Id = c.Id,
                CoupleId = person.CoupleId,
                AuthorId = person.UserId,
                Cadence = c.Cadence,
                PeriodStart = c.PeriodStart,
                PeriodLabel = c.Period,
                ContentJson = CheckInJson.Write(contents[c.Id]),
                CreatedAtUtc = Utc(c.CreatedAtUtc),
                UpdatedAtUtc = Utc(c.UpdatedAtUtc),
                SubmittedAtUtc = Utc(c.SubmittedAtUtc),
                Imported = true,
            });
        }

        return Result<int>.Ok(checkIns.Count);
    }

    private static DomainError? Check(List<ExportCheckIn> checkIns, DateTime now, Dictionary<Guid, CheckInContent> contents)
    {
        foreach (var c in checkIns)
        {
            var item = $"the check-in for {c.Period ?? c.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
            if (Id(item, c.Id) is { } noId)
            {
                return noId;
            }

            if (c.Cadence is not ((int)Cadence.Daily or (int)Cadence.Weekly))
            {
                return Item(item, new DomainError("checkin.cadence", "Rhythm: it must be daily or weekly."));
            }

            var period = Periods.Containing((Cadence)c.Cadence, c.PeriodStart);
            if (period.Start != c.PeriodStart || period.Label != c.Period)
            {
                return Item(item, Periods.UnknownPeriod);
            }

            if (HistoryDates.CheckDay(c.PeriodStart, now, "Period") is { } day)
            {
                return Item(item, day);
            }

            if (Dates(item, now, c.CreatedAtUtc, c.UpdatedAtUtc, c.SubmittedAtUtc) is { } when)
            {
                return when;
            }

            if (ReadContent(c.Content) is not { } content)
            {
                return Item(item, new DomainError("checkin.content", "it has no content (the four parts are missing or unreadable)."));
            }

            var validated = CheckInRules.Validate(ToInput(content), submitting: c.SubmittedAtUtc is not null, out _);
            if (!validated.IsSuccess)
            {
                return Item(item, validated.Error!);
            }

            if (IsBlank(validated.Value))
            {
                return Item(item, new DomainError("checkin.empty", "it is empty."));
            }

            contents[c.Id] = validated.Value;
        }

        return null;
    }

    /// <summary>The four parts, read strictly: null when missing, unreadable, or any part or field is absent.</summary>
    private static CheckInContent? ReadContent(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            var content = element.Deserialize<CheckInContent>(ContentJson);
            static bool Whole(SharedText? s) => s is not null;
            static bool Report(StateReport? r) => r is { Feelings: not null, Ratings: not null } && Whole(r.Desires) && Whole(r.GoalsNow) && Whole(r.GoalsLater)
                && !r.Feelings.Contains(null!);
            return content is not null && Report(content.Me) && Report(content.Guess)
                && content.MyImpact is { } mine && Whole(mine.WhatIDid) && Whole(mine.HowItLanded) && Whole(mine.Question)
                && content.YourImpact is { } yours && Whole(yours.WhatYouDid)
                ? content
                : null;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static CheckInInput ToInput(CheckInContent c) => new()
    {
        MeFeelings = [.. c.Me.Feelings.Select(f => ((string?)f.Word, (int?)f.Intensity))],
        MeDesires = c.Me.Desires.Text,
        MeDesiresVisibility = c.Me.Desires.Visibility,
        MeGoalsNow = c.Me.GoalsNow.Text,
        MeGoalsNowVisibility = c.Me.GoalsNow.Visibility,
        MeGoalsLater = c.Me.GoalsLater.Text,
        MeGoalsLaterVisibility = c.Me.GoalsLater.Visibility,
        MeSupported = c.Me.Ratings.Supported,
        MeAbleToGive = c.Me.Ratings.AbleToGive,
        MeStress = c.Me.Ratings.Stress,
        GuessFeelings = [.. c.Guess.Feelings.Select(f => ((string?)f.Word, (int?)f.Intensity))],
        GuessDesires = c.Guess.Desires.Text,
        GuessDesiresVisibility = c.Guess.Desires.Visibility,
        GuessGoalsNow = c.Guess.GoalsNow.Text,
        GuessGoalsNowVisibility = c.Guess.GoalsNow.Visibility,
        GuessGoalsLater = c.Guess.GoalsLater.Text,
        GuessGoalsLaterVisibility = c.Guess.GoalsLater.Visibility,
        GuessSupported = c.Guess.Ratings.Supported,
        GuessAbleToGive = c.Guess.Ratings.AbleToGive,
        GuessStress = c.Guess.Ratings.Stress,
        ImpactWhatIDid = c.MyImpact.WhatIDid.Text,
        ImpactWhatIDidVisibility = c.MyImpact.WhatIDid.Visibility,
        ImpactHowItLanded = c.MyImpact.HowItLanded.Text,
        ImpactHowItLandedVisibility = c.MyImpact.HowItLanded.Visibility,
        ImpactQuestion = c.MyImpact.Question.Text,
        ImpactQuestionVisibility = c.MyImpact.Question.Visibility,
        YourImpactWhat = c.YourImpact.WhatYouDid.Text,
        YourImpactVisibility = c.YourImpact.WhatYouDid.Visibility,
        YourImpactTone = c.YourImpact.Tone,
        YourImpactOldAssociation = c.YourImpact.MightBeOldAssociation,
    };

    private static bool IsBlank(CheckInContent c)
    {
        static bool Blank(StateReport r) => r.Feelings.Count == 0 && r.Desires.IsEmpty && r.GoalsNow.IsEmpty && r.GoalsLater.IsEmpty
            && r.Ratings.Supported is null && r.Ratings.AbleToGive is null && r.Ratings.Stress is null;
        return Blank(c.Me) && Blank(c.Guess) && c.MyImpact.WhatIDid.IsEmpty && c.MyImpact.HowItLanded.IsEmpty && c.MyImpact.Question.IsEmpty
            && c.YourImpact.WhatYouDid.IsEmpty;
    }
}
