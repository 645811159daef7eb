using Microsoft.AspNetCore.Mvc;
using Mutuality.Domain.Common;
using Mutuality.Domain.Rituals;
using Mutuality.Web.Features.Monthly.Data;
using Mutuality.Web.Infrastructure.Couples;

using Mutuality.Web.Infrastructure.Forms;

namespace Mutuality.Web.Features.Monthly;

/// <summary>
/// Talk mode: one topic at a time, whose turn it is, a prompt for the listener, a break with a timer, and the
/// agreements. The position is stored with the check-in, so two phones show the same turn.
/// </summary>
/// <remarks>The position (polled) and a review (an agreement by id) answer 404 to anyone without a partner.</remarks>
[PartnerRequired(Except = ["Position", "Review"])]
public sealed class TalkModel(CallerContext callers, ThisMonth thisMonth, TalkTurns turns, AddAgreement addAgreement, ReviewAgreement reviewAgreement, MonthlyQueries queries, TimeProvider clock) : RitualPageModel
{
    [BindProperty]
    public AgreementInput Agreement { get; set; } = new();

    public MonthlyCheckIn? CheckIn { get; private set; }

    public TalkPosition Position { get; private set; } = TalkPosition.Start;

    public TalkTopicInfo Topic => TalkMode.Current(Position);

    public string SpeakerName { get; private set; } = string.Empty;

    public string ListenerName { get; private set; } = string.Empty;

    public bool IAmSpeaking { get; private set; }

    /// <summary>The speaker's notes for this topic: shared ones, or the caller's own private ones on their own screen.</summary>
    public string? SpeakerNotes { get; private set; }

    public bool SpeakerNotesArePrivate { get; private set; }

    public DateTime? BreakEndsAtUtc { get; private set; }

    public List<RitualAgreement> ToReview { get; private set; } = [];

    public List<RitualAgreement> MadeThisMonth { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    /// <summary>
    /// A short fingerprint of where the talk stands (turn, break, agreements), so a second phone can notice that
    /// its partner moved on and offer to refresh. It carries no text.
    /// </summary>
    public string PositionKey => CheckIn?.StarterId is null
        ? "none"
        : $"{Position.TopicIndex}-{Position.Speaker}-{Position.Finished}-{BreakEndsAtUtc is not null}-{MadeThisMonth.Count}-{ToReview.Count}";

    /// <summary>
    /// Polled by htmx every few seconds with the position the page shows (<c>hx-trigger="every 5s"</c> in Talk.cshtml):
    /// nothing while it is the same; once the partner has moved the talk on, the notice with a link to refresh, with
    /// status 286, which tells htmx to swap it in and stop polling. Never reloads by itself, so nothing half-typed is
    /// lost; carries no text of the talk.
    /// </summary>
    public async Task<IActionResult> OnGetPositionAsync(string? shown)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (shown is null || shown == PositionKey)
        {
            return Content(string.Empty, "text/html");
        }

        var moved = Partial("/Features/Monthly/_TalkMoved.cshtml");
        moved.StatusCode = StopPolling;
        return moved;
    }

    /// <summary>htmx's "stop polling" status: the response is swapped in as usual and the element polls no more.</summary>
    public const int StopPolling = 286;

    public Task<IActionResult> OnPostStartAsync() => Act(c => turns.StartAsync(c));

    public Task<IActionResult> OnPostNextAsync(int topic, TalkSpeaker speaker, bool finished)
        => Act(c => turns.MoveAsync(c, forward: true, new TalkPosition(topic, speaker, finished)));

    public Task<IActionResult> OnPostBackAsync(int topic, TalkSpeaker speaker, bool finished)
        => Act(c => turns.MoveAsync(c, forward: false, new TalkPosition(topic, speaker, finished)));

    public Task<IActionResult> OnPostPauseAsync() => Act(c => turns.PauseAsync(c));

    public Task<IActionResult> OnPostResumeAsync() => Act(c => turns.ResumeAsync(c));

    public async Task<IActionResult> OnPostAgreementAsync()
    {
        Caller = await callers.RequireAsync();
        ReplaceBindingError("Agreement.DueOn", "By when: use a date like 2026-04-30, or leave it empty.");
        if (ModelState.IsValid && await addAgreement.HandleAsync(Caller, Agreement) is { IsSuccess: false } refused)
        {
            this.Refusal(refused.Errors, "Agreement.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        TempData["Status"] = "Agreement saved. It will come back at your next check-in.";
        return RedirectToPage(null, null, "agreements");
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid id, string? outcome, bool carryOn)
    {
        Caller = await callers.RequireAsync();
        if (!Caller.HasPartner)
        {
            return NotFound();
        }

        var result = await reviewAgreement.HandleAsync(Caller, id, outcome, carryOn);
        if (!result.IsSuccess)
        {
            ModelState.Clear();
            if (this.Refusal([.. result.Errors.Select(e => e with { Field = null })]) is { } notFound)
            {
                return notFound;
            }

            await LoadAsync();
            return Page();
        }

        TempData["Status"] = carryOn ? "Thanks for looking back on it. It carries on into next month." : "Thanks for looking back on it.";
        return RedirectToPage(null, null, "review");
    }

    private async Task<IActionResult> Act(Func<Caller, Task<Result>> action)
    {
        Caller = await callers.RequireAsync();
        if (await action(Caller) is { IsSuccess: false } refused)
        {
            TempData["Status"] = refused.Error!.Message;
        }

        return RedirectToPage();
    }

    private async Task<bool> LoadAsync()
    {
        Caller = await callers.RequireAsync();
        if (!Caller.HasPartner)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Today = thisMonth.Today(Caller);
        CheckIn = await queries.CheckInAsync(Caller, thisMonth.Month(Caller));
        if (CheckIn?.StarterId is not { } starterId)
        {
            return true;
        }

        Position = ThisMonth.Position(CheckIn);
        var otherId = starterId == Caller.UserId ? Caller.PartnerId!.Value : Caller.UserId;
        var speakerId = TalkMode.SpeakerId(Position, starterId, otherId);
        IAmSpeaking = speakerId == Caller.UserId;
        SpeakerName = IAmSpeaking ? Caller.DisplayName : Caller.PartnerName!;
        ListenerName = IAmSpeaking ? Caller.PartnerName! : Caller.DisplayName;
        BreakEndsAtUtc = CheckIn.BreakEndsAtUtc is { } end && end > now ? end : null;

        var notes = (await queries.VisiblePreparationsAsync(Caller, CheckIn.Id)).SingleOrDefault(p => p.AuthorId == speakerId);
        if (notes is not null)
        {
            SpeakerNotes = Topic.Topic switch
            {
                TalkTopic.Appreciations => notes.Appreciations,
                TalkTopic.WentWell => notes.WentWell,
                TalkTopic.HardThing => notes.HardThing,
                TalkTopic.NeedNextMonth => notes.NeedNextMonth,
                _ => null,
            };
            SpeakerNotesArePrivate = !notes.Shared;
            if (string.IsNullOrEmpty(SpeakerNotes))
            {
                SpeakerNotes = null;
            }
        }

        ToReview = await queries.DueForReviewAsync(Caller, CheckIn.Id);
        MadeThisMonth = await queries.MadeAtAsync(Caller, CheckIn.Id);
        return true;
    }
}
