using System.Globalization;
using System.Text.Json;
using Mutuality.Domain.CheckIns;
using Mutuality.Domain.Common;
using Mutuality.Domain.People;
using Mutuality.Domain.Rituals;
using Mutuality.Domain.Support;
using Mutuality.Web.Features.CheckIns;
using Mutuality.Web.Features.Repair;
using PulseRules = Mutuality.Domain.Rituals.Pulse;
using Visibility = Mutuality.Domain.Support.Visibility;

namespace Mutuality.Web.Features.Account.Privacy;

/// <summary>What an import will write: the person's own part of the export, and each check-in's checked content by id.</summary>
public sealed record ImportPlan(ExportDocument Own, IReadOnlyDictionary<Guid, CheckInContent> CheckIns);

/// <summary>
/// The importer is a front door like any other: every item of an export passes the same domain rules as the form
/// that makes it (lengths, link schemes, enum ranges, visibility, required parts, well-formed periods), except the
/// windows meant for live entry — an export is history and keeps its dates (<see cref="HistoryDates"/>). The first
/// problem found is returned, naming the item, so the person knows what is wrong; nothing is stored then.
/// </summary>
public static class ImportChecks
{
    private static readonly JsonSerializerOptions ContentJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Checks the whole file. When it passes: the person's own part (<see cref="ExportDocument.OwnPart"/>) and each
    /// check-in's content as <see cref="CheckInRules.Validate"/> returned it, by id.
    /// </summary>
    public static Result<ImportPlan> Check(ExportDocument export, DateTime now)
    {
        if (MissingList(export) is { } missing)
        {
            return Refuse($"this export has no list of {missing}, so it isn't a whole export.");
        }

        var doc = export.OwnPart();
        var contents = new Dictionary<Guid, CheckInContent>();
        var error = Moments(doc, now) ?? Requests(doc, now) ?? CheckIns(doc, now, contents) ?? Preparations(doc, now)
            ?? AgreementsOf(doc, now) ?? ConflictsOf(doc, now) ?? Reflections(doc, now) ?? PulseAnswers(doc, now) ?? Intimacy(doc, now)
            ?? Duplicates(doc);
        return error is null ? Result<ImportPlan>.Ok(new ImportPlan(doc, contents)) : error;
    }

    /// <summary>Every id the import would write, per table, so the importer can check none exists on this server.</summary>
    public static IEnumerable<Guid> AllIds(ExportDocument doc)
        => doc.Moments.Select(m => m.Id)
            .Concat(doc.Requests.SelectMany(r => r.History.Select(e => e.Id).Prepend(r.Id)))
            .Concat(doc.CheckIns.Select(c => c.Id))
            .Concat(doc.MonthlyPreparations.Select(p => p.Id))
            .Concat(doc.Agreements.Select(a => a.Id))
            .Concat(doc.Conflicts.SelectMany(c => c.Sides.Select(s => s.Id).Concat(c.Attempts.Select(a => a.Id)).Prepend(c.Id)))
            .Concat(doc.GuideReflections.Select(r => r.Id))
            .Concat(doc.PulseAnswers.Select(a => a.Id))
            .Concat(doc.IntimacyEntries.Select(e => e.Id));

    private static DomainError Refuse(string what) => new("import.invalid", $"File: {what} Nothing was brought in.", "Upload");

    private static DomainError Item(string item, DomainError problem) => Refuse($"{item} can't be brought in — {problem.Message}");

    private static string Day(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? MissingList(ExportDocument doc)
    {
        (object? List, string Name)[] lists =
        [
            (doc.Moments, "moments"), (doc.Requests, "requests"), (doc.CheckIns, "check-ins"), (doc.MonthlyPreparations, "monthly preparations"),
            (doc.Agreements, "agreements"), (doc.Conflicts, "conflicts"), (doc.GuideReflections, "guide reflections"), (doc.PulseAnswers, "pulse answers"),
            (doc.IntimacyEntries, "intimacy entries"),
        ];
        if (lists.FirstOrDefault(l => l.List is null) is { Name: { } name })
        {
            return name;
        }

        if (doc.Moments.Contains(null!) || doc.Requests.Contains(null!) || doc.CheckIns.Contains(null!) || doc.MonthlyPreparations.Contains(null!)
            || doc.Agreements.Contains(null!) || doc.Conflicts.Contains(null!) || doc.GuideReflections.Contains(null!) || doc.PulseAnswers.Contains(null!)
            || doc.IntimacyEntries.Contains(null!))
        {
            return "items (one of them is empty)";
        }

        if (doc.Requests.Any(r => r.History is null || r.History.Contains(null!)))
        {
            return "a request's history";
        }

        return doc.Conflicts.Any(c => c.Sides is null || c.Attempts is null || c.Sides.Contains(null!) || c.Attempts.Contains(null!))
            ? "a conflict's sides or repair attempts"
            : null;
    }

    private static DomainError? Dates(string item, DateTime now, params DateTime?[] instants)
    {
        foreach (var at in instants)
        {
            if (at is { } value && HistoryDates.CheckInstant(value, now, "When") is { } error)
            {
                return Item(item, error);
            }
        }

        return null;
    }

    private static DomainError? Id(string item, Guid id)
        => id == Guid.Empty ? Refuse($"{item} has no id.") : null;

    private static DomainError? Moments(ExportDocument doc, DateTime now)
    {
        foreach (var m in doc.Moments)
        {
            var item = $"the moment of {Day(m.OccurredAtUtc)}";
            if (Id(item, m.Id) is { } noId)
            {
                return noId;
            }

            if (m.Kind is not (MomentKind.Moment or MomentKind.Pebble) || m.Direction is not (MomentDirection.Gave or MomentDirection.Received) || !SupportTypes.IsDefined(m.Type))
            {
                return Item(item, new DomainError("moment.kind", "Kind of support: choose one of the five kinds, given or received."));
            }

            if (m.Visibility is not (Visibility.Shared or Visibility.Private))
            {
                return Item(item, new DomainError("moment.visibility", "Who sees it: choose shared or private."));
            }

            if (m.Kind == MomentKind.Moment)
            {
                if (MomentRules.Note(m.Note) is { IsSuccess: false, Error: { } note })
                {
                    return Item(item, note);
                }

                if (!string.IsNullOrWhiteSpace(m.Link))
                {
                    return Item(item, new DomainError("moment.link", "Link: only a pebble carries a link."));
                }
            }
            else
            {
                var words = TextRules.Optional(m.Note, MomentRules.PebbleTextMaxLength, "Text", "Your pebble");
                if (!words.IsSuccess)
                {
                    return Item(item, words.Error!);
                }

                var link = MomentRules.Link(m.Link);
                if (!link.IsSuccess)
                {
                    return Item(item, link.Error!);
                }

                if (words.Value.Length == 0 && link.Value.Length == 0)
                {
                    return Item(item, new DomainError("pebble.empty", "Your pebble: it has neither words nor a link."));
                }

                if (m.Visibility != Visibility.Shared || m.Direction != MomentDirection.Gave)
                {
                    return Item(item, new DomainError("pebble.shape", "A pebble is always given and shared."));
                }
            }

            if (PersonRules.TimeZone(m.TimeZoneId) is { IsSuccess: false, Error: { } zone })
            {
                return Item(item, zone);
            }

            if (Dates(item, now, m.OccurredAtUtc, m.CreatedAtUtc, m.UpdatedAtUtc) is { } when)
            {
                return when;
            }
        }

        return null;
    }

    private static DomainError? Requests(ExportDocument doc, DateTime now)
    {
        foreach (var r in doc.Requests)
        {
            var item = $"the request of {Day(r.CreatedAtUtc)}";
            var problem = Id(item, r.Id)
                ?? Text(item, TextRules.Optional(r.Feeling, SupportRequests.FeelingMaxLength, "Feeling", "How I feel"))
                ?? Text(item, TextRules.Required(r.Need, SupportRequests.NeedMaxLength, "Need", "What I need"))
                ?? Text(item, TextRules.Optional(r.ThankYou, SupportRequests.ThankYouMaxLength, "ThankYou", "Thank you"))
                ?? (SupportTypes.IsDefined(r.AskedType) && (r.GivenType is null || SupportTypes.IsDefined(r.GivenType.Value))
                    ? null : Item(item, new DomainError("request.type", "Kind of support: choose one of the five kinds.")))
                ?? (Enum.IsDefined(r.Urgency) && Enum.IsDefined(r.State) && (r.Outcome is null || Enum.IsDefined(r.Outcome.Value))
                    ? null : Item(item, new DomainError("request.state", "How soon, where it stands or how it went: choose one of the options.")))
                ?? (PersonRules.TimeZone(r.TimeZoneId) is { IsSuccess: false, Error: { } zone } ? Item(item, zone) : null)
                ?? Dates(item, now, r.CreatedAtUtc, r.UpdatedAtUtc, r.FirstAnsweredAtUtc, r.DoneAtUtc);
            if (problem is not null)
            {
                return problem;
            }

            foreach (var e in r.History)
            {
                problem = Id(item, e.Id)
                    ?? Text(item, TextRules.Optional(e.Text, SupportRequests.AlternativeMaxLength, "Text", "What was said"))
                    ?? (Enum.IsDefined(e.Kind) && (e.GivenType is null || SupportTypes.IsDefined(e.GivenType.Value)) && (e.Outcome is null || Enum.IsDefined(e.Outcome.Value))
                        ? null : Item(item, new DomainError("request.event", "Its history has a step we don't recognise.")))
                    ?? Dates(item, now, e.AtUtc);
                if (problem is not null)
                {
                    return problem;
                }
            }
        }

        return null;
    }

    private static DomainError? Text(string item, Result<string> checkedText)
        => checkedText.IsSuccess ? null : Item(item, checkedText.Error!);

    private static DomainError? CheckIns(ExportDocument doc, DateTime now, Dictionary<Guid, CheckInContent> contents)
    {
        foreach (var c in doc.CheckIns)
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

    private static DomainError? Month(string item, DateOnly month, DateTime now)
        => month.Day != 1
            ? Item(item, new DomainError("month.unknown", "Month: it must be the first day of a month."))
            : HistoryDates.CheckDay(month, now, "Month") is { } error ? Item(item, error) : null;

    private static DomainError? Preparations(ExportDocument doc, DateTime now)
    {
        foreach (var p in doc.MonthlyPreparations)
        {
            var item = $"the monthly preparation for {p.Month:yyyy-MM}";
            var (text, errors) = Preparation.Validate(p.Appreciations, p.WentWell, p.HardThing, p.NeedNextMonth);
            var problem = Id(item, p.Id) ?? Month(item, p.Month, now)
                ?? (errors.Count > 0 ? Item(item, errors[0]) : null)
                ?? (p.SharedAtUtc is not null && Preparation.CanShare(text!) is { } empty ? Item(item, empty) : null)
                ?? Dates(item, now, p.UpdatedAtUtc, p.SharedAtUtc);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static DomainError? AgreementsOf(ExportDocument doc, DateTime now)
    {
        foreach (var a in doc.Agreements)
        {
            var item = $"the agreement of {Day(a.CreatedAtUtc)}";
            var problem = Id(item, a.Id)
                ?? Text(item, TextRules.Required(a.What, Agreements.MaxLength, "What", "What"))
                ?? (a.For is null or ExportDocument.Me or ExportDocument.Partner ? null : Item(item, new DomainError("agreement.who_required", "Who: choose me, you or both of us.")))
                ?? (a.Outcome is null || Enum.IsDefined(a.Outcome.Value) ? null : Item(item, new DomainError("agreement.outcome", "How it went: choose kept, partly kept or not kept.")))
                ?? (a.DueOn is { } due && due < HistoryDates.Earliest ? Item(item, new DomainError("history.too_old", "By when: that day is older than any history of ours.")) : null)
                ?? Dates(item, now, a.CreatedAtUtc, a.ReviewedAtUtc);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static DomainError? ConflictsOf(ExportDocument doc, DateTime now)
    {
        var open = new ConflictState(ConflictStatus.Open, SideStatus.None, SideStatus.None, null);
        foreach (var c in doc.Conflicts)
        {
            var item = $"the conflict of {Day(c.OpenedAtUtc)}";
            var problem = Id(item, c.Id) ?? Text(item, Conflicts.ValidateTitle(c.Title))
                ?? (Enum.IsDefined(c.Status) ? null : Item(item, new DomainError("conflict.status", "Where it stands: open or resolved.")))
                ?? Dates(item, now, c.OpenedAtUtc, c.ResolvedAtUtc);
            if (problem is not null)
            {
                return problem;
            }

            foreach (var s in c.Sides)
            {
                var (_, errors) = Conflicts.WriteSide(open, s.FeelingsAndNeeds, s.HowYouSawIt, s.MyImpactOnYou, s.YourImpactOnMe);
                problem = Id(item, s.Id) ?? (errors.Count > 0 ? Item(item, errors[0]) : null) ?? Dates(item, now, s.UpdatedAtUtc, s.SharedAtUtc);
                if (problem is not null)
                {
                    return problem;
                }
            }

            foreach (var a in c.Attempts)
            {
                var attempt = Conflicts.Attempt(open, a.Kind.ToString(), a.Text, a.SentAtUtc);
                problem = Id(item, a.Id) ?? (attempt.IsSuccess ? null : Item(item, attempt.Error!)) ?? Dates(item, now, a.SentAtUtc);
                if (problem is not null)
                {
                    return problem;
                }
            }
        }

        return null;
    }

    private static DomainError? Reflections(ExportDocument doc, DateTime now)
    {
        foreach (var r in doc.GuideReflections)
        {
            var guide = Guides.Find(r.Guide);
            var prompt = guide?.Prompts.FirstOrDefault(p => p.Key == r.PromptKey);
            var item = $"the reflection of {Day(r.UpdatedAtUtc)}";
            var problem = Id(item, r.Id)
                ?? (prompt is null ? Item(item, new DomainError("guide.unknown", "Guide: we don't have that guide or question.")) : null)
                ?? Text(item, TextRules.Optional(r.Text, Guides.ReflectionMax, "Text", prompt!.Label))
                ?? Dates(item, now, r.UpdatedAtUtc);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static DomainError? PulseAnswers(ExportDocument doc, DateTime now)
    {
        foreach (var a in doc.PulseAnswers)
        {
            var item = $"the pulse answer for {a.Month:yyyy-MM}";
            var known = PulseRules.Items.FirstOrDefault(i => i.Id == a.ItemId);
            var problem = Id(item, a.Id) ?? Month(item, a.Month, now)
                ?? (known is null ? Item(item, new DomainError("pulse.unknown", "Question: we don't have that question.")) : null)
                ?? (a.Value is < PulseRules.Min or > PulseRules.Max ? Item(item, new DomainError("pulse.out_of_range", $"{known!.Label}: choose an answer from {PulseRules.Min} to {PulseRules.Max}.")) : null)
                ?? Dates(item, now, a.CreatedAtUtc);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static DomainError? Intimacy(ExportDocument doc, DateTime now)
    {
        foreach (var e in doc.IntimacyEntries)
        {
            var item = $"the intimacy map for {e.Month:yyyy-MM}";
            var kind = Domain.Rituals.Intimacy.Find(e.Kind ?? string.Empty);
            var problem = Id(item, e.Id) ?? Month(item, e.Month, now)
                ?? (kind is null ? Item(item, new DomainError("intimacy.unknown", "Kind: we don't have that kind of intimacy.")) : null)
                ?? (e.Fulfilment is < Domain.Rituals.Intimacy.Min or > Domain.Rituals.Intimacy.Max || e.Importance is < Domain.Rituals.Intimacy.Min or > Domain.Rituals.Intimacy.Max
                    ? Item(item, new DomainError("intimacy.out_of_range", $"{kind!.Name}: choose numbers from {Domain.Rituals.Intimacy.Min} to {Domain.Rituals.Intimacy.Max}.")) : null)
                ?? Dates(item, now, e.CreatedAtUtc);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>The same id twice, or two check-ins, pulse answers or map ratings for one period: the file was changed by hand.</summary>
    private static DomainError? Duplicates(ExportDocument doc)
    {
        var ids = AllIds(doc).ToList();
        if (ids.Count != ids.Distinct().Count())
        {
            return Refuse("the same item id appears twice in this export.");
        }

        if (doc.CheckIns.GroupBy(c => (c.Cadence, c.PeriodStart)).Any(g => g.Count() > 1))
        {
            return Refuse("it holds two check-ins for the same period.");
        }

        return doc.PulseAnswers.GroupBy(a => (a.Month, a.ItemId)).Any(g => g.Count() > 1)
            || doc.IntimacyEntries.GroupBy(e => (e.Month, e.Kind)).Any(g => g.Count() > 1)
            ? Refuse("it answers the same question twice for one month.")
            : null;
    }
}
