using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Mutuality.Web.Features.CheckIns;
using Mutuality.Web.Features.CheckIns.Data;
using Mutuality.Web.Features.Couple;
using Mutuality.Web.Features.Monthly.Data;
using Mutuality.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using static Mutuality.Web.Tests.Platform.Expect;

namespace Mutuality.Web.Tests.Platform;

/// <summary>The kinds of caller every endpoint is checked against.</summary>
public enum Who
{
    Anonymous,
    OtherCouple,
    NoCouple,
    FormerPartner,
    Partner,
    Author,
}

/// <summary>What a caller must get. Every answer must also be below 500.</summary>
public enum Expect
{
    /// <summary>200.</summary>
    Ok,

    /// <summary>A redirect somewhere other than the sign-in page (e.g. "make a couple space first").</summary>
    Redirect,

    /// <summary>A redirect to the sign-in page.</summary>
    SignIn,

    /// <summary>404: for another couple's ids, indistinguishable from an id that does not exist.</summary>
    NotFound,

    /// <summary>
    /// A state-changing POST the caller may make: any 2xx/3xx except the sign-in redirect (a page with field
    /// messages, or a redirect after success), or 409 (a plain message: the item is no longer in a state for that).
    /// </summary>
    Allowed,
}

/// <summary>What each kind of caller must get from one endpoint.</summary>
public sealed record Expectations(Expect Anonymous, Expect Author, Expect Partner, Expect OtherCouple, Expect NoCouple, Expect FormerPartner)
{
    public Expect For(Who who) => who switch
    {
        Who.Anonymous => Anonymous,
        Who.Author => Author,
        Who.Partner => Partner,
        Who.OtherCouple => OtherCouple,
        Who.NoCouple => NoCouple,
        _ => FormerPartner,
    };

    /// <summary>Anyone, signed in or not.</summary>
    public static readonly Expectations Public = new(Ok, Ok, Ok, Ok, Ok, Ok);

    /// <summary>Anyone may post (a form with field messages, or a redirect).</summary>
    public static readonly Expectations PublicPost = new(Allowed, Allowed, Allowed, Allowed, Allowed, Allowed);

    /// <summary>Any signed-in person, about their own account.</summary>
    public static readonly Expectations SignedIn = new(SignIn, Ok, Ok, Ok, Ok, Ok);

    public static readonly Expectations SignedInPost = new(SignIn, Allowed, Allowed, Allowed, Allowed, Allowed);

    /// <summary>Something of one's own by id (a session, an invitation): a made-up or foreign id is 404 for everyone.</summary>
    public static readonly Expectations SignedInNotFound = new(SignIn, NotFound, NotFound, NotFound, NotFound, NotFound);

    /// <summary>Everyone ends up on the sign-in page (signing out; a two-step page with no sign-in under way).</summary>
    public static readonly Expectations ToSignIn = new(SignIn, SignIn, SignIn, SignIn, SignIn, SignIn);

    /// <summary>A page of the couple space: each couple sees their own; people without a partner are sent to make one.</summary>
    public static readonly Expectations CouplePage = new(SignIn, Ok, Ok, Ok, Redirect, Redirect);

    public static readonly Expectations CouplePost = new(SignIn, Allowed, Allowed, Allowed, Redirect, Redirect);

    /// <summary>An item both partners see; nobody else can tell it exists.</summary>
    public static readonly Expectations SharedItem = new(SignIn, Ok, Ok, NotFound, NotFound, NotFound);

    public static readonly Expectations SharedItemPost = new(SignIn, Allowed, Allowed, NotFound, NotFound, NotFound);

    /// <summary>An item only its author sees (private moment, own edit page).</summary>
    public static readonly Expectations AuthorOnly = new(SignIn, Ok, NotFound, NotFound, NotFound, NotFound);

    public static readonly Expectations AuthorOnlyPost = new(SignIn, Allowed, NotFound, NotFound, NotFound, NotFound);
}

/// <summary>
/// One row of the table: an endpoint (route pattern as the app declares it, HTTP method, Razor Pages handler)
/// and what each caller must get. <see cref="Url"/> fills the route values from the subject couple's items
/// (for the former partner, the items of the couple they left); without it the route pattern is the URL.
/// <see cref="Isolated"/> rows end something for the caller (leave, sign out) and get a fresh world per caller.
/// </summary>
public sealed record Row(string Method, string Route, string? Handler, Expectations Expect, Func<MatrixItems, string>? Url = null, bool Isolated = false, bool Stream = false)
{
    public string Key => Describe(Method, Route, Handler);

    public static string Describe(string method, string route, string? handler) => $"{method} {route}{(handler is null ? string.Empty : " handler=" + handler)}";
}

/// <summary>A couple's items that routes point at: private ones, sealed ones, unshared drafts and shared ones.</summary>
public sealed record MatrixItems(
    Guid PrivateMoment,
    Guid SharedMoment,
    Guid Pebble,
    Guid DisposableMoment,
    Guid Request,
    Guid Conflict,
    Guid Agreement,
    Guid ExportJob,
    string SealedPeriod,
    string FeedToken,
    IReadOnlyList<string> AuthorSecrets);

/// <summary>
/// The authorisation matrix (issue 7): every page handler and endpoint the app maps, discovered from its own
/// endpoint data source, against a declared table of what each kind of caller gets. An endpoint missing from
/// the table fails the test with the row to add.
/// </summary>
public sealed partial class AuthorisationMatrixTests(ITestOutputHelper output) : IDisposable
{
    private const string Today = "2026-03-02";

    private static string Q(string path, string handler, string? extra = null)
        => $"{path}?handler={handler}{(extra is null ? string.Empty : "&" + extra)}";

    /// <summary>
    /// The table. One line per endpoint; keep it sorted by route. A new page or handler needs a line here —
    /// the test names the missing one and suggests the line to add.
    /// </summary>
    public static readonly Row[] Table =
    [
        new("GET", "/", null, Expectations.Public),
        new("POST", "/", "DismissNotice", Expectations.SignedInNotFound, _ => Q("/", "DismissNotice", "id=" + Guid.NewGuid())),
        new("GET", "/Account/ConfirmEmail", null, Expectations.Public),
        new("GET", "/Account/ForgotPassword", null, Expectations.Public),
        new("POST", "/Account/ForgotPassword", null, Expectations.PublicPost),
        new("GET", "/Account/Login", null, Expectations.Public),
        new("POST", "/Account/Login", null, Expectations.PublicPost),
        new("GET", "/Account/LoginWith2fa", null, Expectations.ToSignIn),
        new("POST", "/Account/LoginWith2fa", null, Expectations.ToSignIn),
        new("GET", "/Account/LoginWithRecoveryCode", null, Expectations.ToSignIn),
        new("POST", "/Account/LoginWithRecoveryCode", null, Expectations.ToSignIn),
        new("GET", "/Account/Logout", null, Expectations.Public),
        new("POST", "/Account/Logout", null, Expectations.ToSignIn, Isolated: true),
        new("GET", "/Account/Manage", null, Expectations.SignedIn),
        new("POST", "/Account/Manage", null, Expectations.SignedInPost),
        new("GET", "/Account/Manage/ChangePassword", null, Expectations.SignedIn),
        new("POST", "/Account/Manage/ChangePassword", null, Expectations.SignedInPost),
        new("GET", "/Account/Manage/Delete", null, Expectations.SignedIn),

        // Without the password nothing is deleted: a page with the field message (the deletion itself: AccountDeletionTests).
        new("POST", "/Account/Manage/Delete", null, Expectations.SignedInPost),
        new("GET", "/Account/Manage/Email", null, Expectations.SignedIn),
        new("POST", "/Account/Manage/Email", null, Expectations.SignedInPost),
        new("GET", "/Account/Manage/Export", null, Expectations.SignedIn),
        new("POST", "/Account/Manage/Export", null, Expectations.SignedInPost),
        new("GET", "/Account/Manage/Export", "Status", Expectations.SignedIn),
        new("GET", "/Account/Manage/Export", "Download", new(SignIn, Ok, NotFound, NotFound, NotFound, NotFound), i => Q("/Account/Manage/Export", "Download", $"id={i.ExportJob}")),
        new("GET", "/Account/Manage/Import", null, Expectations.SignedIn),
        new("POST", "/Account/Manage/Import", null, Expectations.SignedInPost),
        new("GET", "/Account/Manage/Security", null, Expectations.SignedIn),
        new("POST", "/Account/Manage/Security", "Revoke", Expectations.SignedInNotFound, _ => Q("/Account/Manage/Security", "Revoke", "id=" + Guid.NewGuid())),
        new("POST", "/Account/Manage/Security", "SignOutOthers", Expectations.SignedInPost),
        new("GET", "/Account/Manage/TwoFactor", null, Expectations.SignedIn),
        new("POST", "/Account/Manage/TwoFactor", "Disable", Expectations.SignedInPost),
        new("POST", "/Account/Manage/TwoFactor", "Enable", Expectations.SignedInPost),
        new("POST", "/Account/Manage/TwoFactor", "RecoveryCodes", Expectations.SignedInPost),
        new("GET", "/Account/Register", null, Expectations.Public),
        new("POST", "/Account/Register", null, Expectations.PublicPost),
        new("GET", "/Account/RegisterConfirmation", null, Expectations.Public),
        new("GET", "/Account/ResendConfirmation", null, Expectations.Public),
        new("POST", "/Account/ResendConfirmation", null, Expectations.PublicPost),
        new("GET", "/Account/ResetPassword", null, Expectations.Public),
        new("POST", "/Account/ResetPassword", null, Expectations.PublicPost),

        // The calendar feed is reached by its secret token alone (calendar apps cannot sign in): anyone holding it gets the feed.
        // Once the couple has ended, the feed of the couple the former partner left answers 404.
        new("GET", "/CheckIns/Calendar/{token}", null, new(Ok, Ok, Ok, Ok, Ok, NotFound), i => $"/CheckIns/Calendar/{i.FeedToken}"),
        new("GET", "/CheckIns/Form/{period?}", null, new(SignIn, Ok, Ok, Ok, Redirect, Redirect), i => $"/CheckIns/Form/{i.SealedPeriod}"),
        new("POST", "/CheckIns/Form/{period?}", "Draft", new(SignIn, Allowed, Allowed, Allowed, Redirect, Redirect), i => Q($"/CheckIns/Form/{i.SealedPeriod}", "Draft")),
        new("POST", "/CheckIns/Form/{period?}", "Submit", new(SignIn, Allowed, Allowed, Allowed, Redirect, Redirect), i => Q($"/CheckIns/Form/{i.SealedPeriod}", "Submit")),
        new("GET", "/CheckIns", null, Expectations.CouplePage),

        // The period is a date, not an id: another couple sees their own (empty) reveal for that day.
        // A reveal the caller cannot open yet says "Check in for this week to see the reveal" (issue 16 item 5): the
        // same page whatever the partner did, so the partner and a caller of another couple (whose own couple's period
        // it is) get 200 with no trace of the sealed check-in — the body checks below still look for its text.
        new("GET", "/CheckIns/Reveal/{period}", null, new(SignIn, Ok, Ok, Ok, Redirect, Redirect), i => $"/CheckIns/Reveal/{i.SealedPeriod}"),
        new("POST", "/CheckIns/Reveal/{period}", "Answer", new(SignIn, Allowed, NotFound, NotFound, Redirect, Redirect), i => Q($"/CheckIns/Reveal/{i.SealedPeriod}", "Answer")),
        new("POST", "/CheckIns/Reveal/{period}", "Thank", new(SignIn, NotFound, NotFound, NotFound, Redirect, Redirect), i => Q($"/CheckIns/Reveal/{i.SealedPeriod}", "Thank")),
        new("GET", "/CheckIns/Settings", null, Expectations.CouplePage),
        new("POST", "/CheckIns/Settings", "Agree", Expectations.CouplePost),
        new("POST", "/CheckIns/Settings", "Feed", Expectations.CouplePost),
        new("POST", "/CheckIns/Settings", "Propose", Expectations.CouplePost),
        new("POST", "/CheckIns/Settings", "Reminder", Expectations.CouplePost),
        new("POST", "/CheckIns/Settings", "RevokeFeed", Expectations.CouplePost),
        new("GET", "/CheckIns/Understanding", null, Expectations.CouplePage),

        new("GET", "/Couple", null, Expectations.SignedIn),
        new("POST", "/Couple", "Create", Expectations.SignedInPost, Isolated: true),
        new("POST", "/Couple", "Invite", Expectations.SignedInPost, Isolated: true),
        new("POST", "/Couple", "Revoke", Expectations.SignedInNotFound, _ => Q("/Couple", "Revoke", "id=" + Guid.NewGuid())),
        new("GET", "/Couple/Join/{token?}", null, Expectations.SignedIn),
        new("POST", "/Couple/Join/{token?}", null, Expectations.SignedInPost),
        new("GET", "/Couple/Leave", null, new(SignIn, Ok, Ok, Ok, Redirect, Redirect)),
        new("POST", "/Couple/Leave", null, Expectations.SignedInPost, Isolated: true),

        new("GET", "/Errors/{code:int}", null, Expectations.Public, _ => "/Errors/404"),
        new("POST", "/Errors/{code:int}", null, Expectations.PublicPost, _ => "/Errors/404"),

        new("GET", "/Feed", null, Expectations.CouplePage),
        new("GET", "/Feed", "List", new(SignIn, Ok, Ok, Ok, NotFound, NotFound)),
        new("GET", "/Feed", "Stream", new(SignIn, Ok, Ok, Ok, NotFound, NotFound), Stream: true),

        new("GET", "/Help", null, Expectations.Public),
        new("GET", "/Help/Exit", null, new(Redirect, Redirect, Redirect, Redirect, Redirect, Redirect)),

        new("GET", "/Intimacy", null, Expectations.CouplePage),
        new("POST", "/Intimacy", null, Expectations.CouplePost),

        new("GET", "/Moments", null, Expectations.CouplePage),
        new("POST", "/Moments", null, Expectations.CouplePost),
        new("POST", "/Moments", "Delete", new(SignIn, Allowed, NotFound, NotFound, NotFound, NotFound), i => Q("/Moments", "Delete", "id=" + i.DisposableMoment)),
        new("GET", "/Moments/Edit/{id:guid}", null, Expectations.AuthorOnly, i => $"/Moments/Edit/{i.SharedMoment}"),
        new("POST", "/Moments/Edit/{id:guid}", null, Expectations.AuthorOnlyPost, i => $"/Moments/Edit/{i.SharedMoment}"),
        new("GET", "/Moments/Pebble", null, Expectations.CouplePage),
        new("POST", "/Moments/Pebble", null, Expectations.CouplePost),
        new("POST", "/Moments/Pebble", "React", new(SignIn, NotFound, Allowed, NotFound, NotFound, NotFound), i => Q("/Moments/Pebble", "React", $"id={i.Pebble}&reaction=Heart")),
        new("GET", "/Moments/View/{id:guid}", null, Expectations.AuthorOnly, i => $"/Moments/View/{i.PrivateMoment}"),
        new("POST", "/Moments/View/{id:guid}", "Respond", Expectations.SharedItemPost, i => Q($"/Moments/View/{i.SharedMoment}", "Respond")),

        new("GET", "/Monthly", null, Expectations.CouplePage),
        new("POST", "/Monthly", "Day", Expectations.CouplePost),
        new("GET", "/Monthly/Prepare", null, Expectations.CouplePage),
        new("POST", "/Monthly/Prepare", "Save", Expectations.CouplePost),
        new("POST", "/Monthly/Prepare", "Share", Expectations.CouplePost),
        new("GET", "/Monthly/Talk", null, Expectations.CouplePage),
        new("GET", "/Monthly/Talk", "Position", new(SignIn, Ok, Ok, Ok, NotFound, NotFound)),
        new("POST", "/Monthly/Talk", "Agreement", Expectations.CouplePost),
        new("POST", "/Monthly/Talk", "Back", Expectations.CouplePost),
        new("POST", "/Monthly/Talk", "Next", Expectations.CouplePost),
        new("POST", "/Monthly/Talk", "Pause", Expectations.CouplePost),
        new("POST", "/Monthly/Talk", "Resume", Expectations.CouplePost),
        new("POST", "/Monthly/Talk", "Review", Expectations.SharedItemPost, i => Q("/Monthly/Talk", "Review", $"id={i.Agreement}")),
        new("POST", "/Monthly/Talk", "Start", Expectations.CouplePost),

        new("GET", "/Phrasing/Check", null, new(SignIn, NotFound, NotFound, NotFound, NotFound, NotFound)),
        new("POST", "/Phrasing/Check", null, Expectations.SignedInPost),

        new("GET", "/Insights", null, Expectations.CouplePage),
        new("POST", "/Insights", "Dismiss", Expectations.CouplePost, _ => Q("/Insights", "Dismiss", "kind=receiving-more&periodKey=2026-W10")),
        new("GET", "/Insights/Report", null, Expectations.CouplePage),
        new("GET", "/Pulse", null, Expectations.CouplePage),
        new("POST", "/Pulse", null, Expectations.CouplePost),

        new("GET", "/Repair", null, Expectations.CouplePage),
        new("POST", "/Repair", null, Expectations.CouplePost),
        new("GET", "/Repair/Conflict/{id:guid}", null, Expectations.SharedItem, i => $"/Repair/Conflict/{i.Conflict}"),
        new("POST", "/Repair/Conflict/{id:guid}", "Attempt", Expectations.SharedItemPost, i => Q($"/Repair/Conflict/{i.Conflict}", "Attempt")),
        new("POST", "/Repair/Conflict/{id:guid}", "Resolve", Expectations.SharedItemPost, i => Q($"/Repair/Conflict/{i.Conflict}", "Resolve")),
        new("POST", "/Repair/Conflict/{id:guid}", "SaveSide", Expectations.SharedItemPost, i => Q($"/Repair/Conflict/{i.Conflict}", "SaveSide")),
        new("POST", "/Repair/Conflict/{id:guid}", "ShareSide", Expectations.SharedItemPost, i => Q($"/Repair/Conflict/{i.Conflict}", "ShareSide")),

        // Guides and their private reflections belong to the person, not the couple.
        new("GET", "/Repair/Guide/{slug}", null, Expectations.SignedIn, _ => "/Repair/Guide/old-beliefs"),
        new("POST", "/Repair/Guide/{slug}", null, Expectations.SignedInPost, _ => "/Repair/Guide/old-beliefs"),

        new("GET", "/Requests", null, Expectations.CouplePage),
        new("GET", "/Requests/Email", null, Expectations.SignedIn),
        new("POST", "/Requests/Email", null, Expectations.SignedInPost),
        new("GET", "/Requests/New", null, Expectations.CouplePage),
        new("POST", "/Requests/New", null, Expectations.CouplePost),
        new("GET", "/Requests/View/{id:guid}", null, Expectations.SharedItem, i => $"/Requests/View/{i.Request}"),
        new("POST", "/Requests/View/{id:guid}", "AcceptAlternative", Expectations.SharedItemPost, i => Q($"/Requests/View/{i.Request}", "AcceptAlternative")),
        new("POST", "/Requests/View/{id:guid}", "AcceptProposal", Expectations.SharedItemPost, i => Q($"/Requests/View/{i.Request}", "AcceptProposal")),
        new("POST", "/Requests/View/{id:guid}", "Close", Expectations.SharedItemPost, i => Q($"/Requests/View/{i.Request}", "Close")),
        new("POST", "/Requests/View/{id:guid}", "Decline", Expectations.SharedItemPost, i => Q($"/Requests/View/{i.Request}", "Decline")),
        new("POST", "/Requests/View/{id:guid}", "DeclineProposal", Expectations.SharedItemPost, i => Q($"/Requests/View/{i.Request}", "DeclineProposal")),
        new("POST", "/Requests/View/{id:guid}", "Done", Expectations.SharedItemPost, i => Q($"/Requests/View/{i.Request}", "Done")),
        new("POST", "/Requests/View/{id:guid}", "Propose", Expectations.SharedItemPost, i => Q($"/Requests/View/{i.Request}", "Propose")),
        new("POST", "/Requests/View/{id:guid}", "TakeOn", Expectations.SharedItemPost, i => Q($"/Requests/View/{i.Request}", "TakeOn")),
        new("POST", "/Requests/View/{id:guid}", "Withdraw", Expectations.SharedItemPost, i => Q($"/Requests/View/{i.Request}", "Withdraw")),

        new("ANY", "/healthz", null, Expectations.Public),

        // Issue 17: questions for two. The seeded couple's author has answered today's question (sealed): reactions and
        // "bring to the monthly check-in" exist only after the reveal, so before it they are 404 for everyone.
        new("GET", "/Questions/{day?}", null, Expectations.CouplePage, _ => "/Questions"),
        new("POST", "/Questions/{day?}", "Answer", Expectations.CouplePost, _ => Q("/Questions", "Answer")),
        new("POST", "/Questions/{day?}", "Pass", Expectations.CouplePost, _ => Q("/Questions", "Pass")),
        new("POST", "/Questions/{day?}", "Favourite", Expectations.CouplePost, _ => Q("/Questions", "Favourite")),
        new("POST", "/Questions/{day?}", "Reply", new(SignIn, NotFound, NotFound, NotFound, Redirect, Redirect), _ => Q("/Questions", "Reply")),
        new("POST", "/Questions/{day?}", "Heart", new(SignIn, NotFound, NotFound, NotFound, Redirect, Redirect), _ => Q("/Questions", "Heart")),
        new("POST", "/Questions/{day?}", "More", new(SignIn, NotFound, NotFound, NotFound, Redirect, Redirect), _ => Q("/Questions", "More")),
        new("POST", "/Questions/{day?}", "Bring", new(SignIn, NotFound, NotFound, NotFound, Redirect, Redirect), _ => Q("/Questions", "Bring")),
        new("GET", "/Questions/Ask", null, Expectations.CouplePage),
        new("POST", "/Questions/Ask", "Ask", Expectations.CouplePost),
        new("POST", "/Questions/Ask", "Favourite", Expectations.CouplePost),
        // Issue 15: the service worker script, and the notifications page (only ever the caller's own devices;
        // another person's device id is 404).
        new("GET", "/sw.js", null, Expectations.Public),
        new("GET", "/Account/Manage/Notifications", null, Expectations.SignedIn),
        new("POST", "/Account/Manage/Notifications", "AllOff", Expectations.SignedInPost, _ => Q("/Account/Manage/Notifications", "AllOff")),
        new("POST", "/Account/Manage/Notifications", "Ntfy", Expectations.SignedInPost, _ => Q("/Account/Manage/Notifications", "Ntfy")),
        new("POST", "/Account/Manage/Notifications", "Preferences", Expectations.SignedInPost, _ => Q("/Account/Manage/Notifications", "Preferences")),
        new("POST", "/Account/Manage/Notifications", "Remove", Expectations.SignedInNotFound, _ => Q("/Account/Manage/Notifications", "Remove", "id=" + Guid.NewGuid())),
        new("POST", "/Account/Manage/Notifications", "Subscribe", Expectations.SignedInPost, _ => Q("/Account/Manage/Notifications", "Subscribe")),
        new("POST", "/Account/Manage/Notifications", "Test", Expectations.SignedInNotFound, _ => Q("/Account/Manage/Notifications", "Test", "id=" + Guid.NewGuid())),
        // Issue 13: how the numbers are worked out (the same text for everyone signed in; no couple data on it).
        new("GET", "/Insights/HowItWorks", null, Expectations.SignedIn),
        // Issue 20: the answer to a form sent twice (it only says so and links back inside the site).
        new("GET", "/Errors/AlreadySent", null, Expectations.Public, _ => "/Errors/AlreadySent?to=%2FMoments"),
        // Issue 15 (second wave): the two-sided "tell me when my partner has checked in" (only ever the caller's own
        // couple; without a partner, a plain message).
        new("POST", "/Account/Manage/Notifications", "YourTurn", Expectations.SignedInPost, _ => Q("/Account/Manage/Notifications", "YourTurn")),
        // Issue 18: the load balancer's readiness probe (no data on it, like /healthz).
        new("ANY", "/readyz", null, Expectations.Public),
        // Issue 12 (item 11): changing the e-mail address asks for the password; the link sent to the new address is public.
        new("GET", "/Account/Manage/ChangeEmail", null, Expectations.SignedIn),
        new("POST", "/Account/Manage/ChangeEmail", null, Expectations.SignedInPost),
        new("GET", "/Account/ConfirmEmailChange", null, Expectations.Public),
    ];

    /// <summary>Extra looks at private and sealed items by id, beyond the one URL per row.</summary>
    private static readonly (string Name, Func<MatrixItems, string> Url, Expectations Expect)[] ItemChecks =
    [
        ("private moment", i => $"/Moments/View/{i.PrivateMoment}", Expectations.AuthorOnly),
        ("private moment, edit", i => $"/Moments/Edit/{i.PrivateMoment}", Expectations.AuthorOnly),
        ("shared moment", i => $"/Moments/View/{i.SharedMoment}", Expectations.SharedItem),
        ("pebble", i => $"/Moments/View/{i.Pebble}", Expectations.SharedItem),
        ("request", i => $"/Requests/View/{i.Request}", Expectations.SharedItem),
        ("conflict with an unshared side", i => $"/Repair/Conflict/{i.Conflict}", Expectations.SharedItem),
        ("sealed check-in", i => $"/CheckIns/Reveal/{i.SealedPeriod}", new(SignIn, Ok, Ok, Ok, Redirect, Redirect)),
    ];

    private readonly List<AppFactory> _apps = [];

    public void Dispose()
    {
        foreach (var app in _apps)
        {
            app.Dispose();
        }
    }

    private AppFactory NewApp()
    {
        var app = new AppFactory();
        _apps.Add(app);
        return app;
    }

    [Fact]
    public async Task EveryEndpoint_IsInTheTable_AndEveryCallerGetsWhatTheTableSays()
    {
        var app = NewApp();
        var discovered = await DiscoverAsync(app.Services);
        var keys = Table.Select(r => r.Key).ToList();
        Assert.True(keys.Count == keys.Distinct().Count(), "The table lists an endpoint twice: " + string.Join(", ", keys.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key)));

        var missing = MissingFromTable(discovered, keys);
        Assert.True(missing is null, missing);
        var stale = keys.Where(k => discovered.All(d => d.Key != k)).ToList();
        Assert.True(stale.Count == 0, "These rows name endpoints the app no longer has; remove them: " + string.Join(", ", stale));

        var world = await World.CreateAsync(app, withItems: true);
        var failures = new List<string>();
        var checks = 0;
        foreach (var row in Table.Where(r => !r.Isolated).OrderBy(r => r.Method == "GET" || r.Method == "ANY" ? 0 : 1))
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                checks++;
                await CheckAsync(world, row, who, failures);
            }
        }

        foreach (var row in Table.Where(r => r.Isolated))
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                checks++;
                var fresh = await World.CreateForAsync(app, who);
                await CheckAsync(fresh, row, who, failures);
            }
        }

        foreach (var (name, url, expect) in ItemChecks)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                checks++;
                var target = url(world.ItemsFor(who)!);
                var response = await world.SendAsync(who, "GET", target);
                await JudgeAsync(world, name, "GET", target, who, expect.For(who), response, failures);
            }
        }

        TestReport.Write(output, $"Authorisation matrix: {Table.Length} endpoints × {Enum.GetValues<Who>().Length} kinds of caller = {Table.Length * Enum.GetValues<Who>().Length} checks, "
            + $"plus {ItemChecks.Length * Enum.GetValues<Who>().Length} item checks; {checks} requests judged, {world.BodyComparisons} outsider 404 bodies compared with a missing id's.");
        foreach (var row in Table)
        {
            output.WriteLine($"  {row.Key,-60} " + string.Join(" ", Enum.GetValues<Who>().Select(w => $"{w}={row.Expect.For(w)}")));
        }

        Assert.True(failures.Count == 0, $"{failures.Count} authorisation failures:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task AnEndpointMissingFromTheTable_IsNamed_WithTheRowToAdd()
    {
        // The same comparison the matrix makes, on a table without one row: it must name that endpoint.
        var app = NewApp();
        var discovered = await DiscoverAsync(app.Services);
        Assert.Null(MissingFromTable(discovered, [.. Table.Select(r => r.Key)]));
        var message = MissingFromTable(discovered, [.. Table.Where(r => r.Key != "GET /Pulse").Select(r => r.Key)]);
        Assert.NotNull(message);
        Assert.Contains("new(\"GET\", \"/Pulse\", null, Expectations.CouplePage),", message);
        Assert.Single(message.Split('\n'), line => line.TrimStart().StartsWith("new(", StringComparison.Ordinal));
    }

    /// <summary>The matrix's own comparison: null when every discovered endpoint has a row, else the message that
    /// names each missing one with the row to add.</summary>
    private static string? MissingFromTable(IEnumerable<Discovered> discovered, IReadOnlyCollection<string> keys)
    {
        var missing = discovered.Where(d => !keys.Contains(d.Key)).ToList();
        return missing.Count == 0
            ? null
            : "These endpoints are not in the authorisation matrix (tests/Mutuality.Web.Tests/Platform/AuthorisationMatrixTests.cs, Table). "
                + "Add a row for each, with what every kind of caller must get, e.g.:\n"
                + string.Join("\n", missing.Select(m => $"        new(\"{m.Method}\", \"{m.Route}\", {(m.Handler is null ? "null" : $"\"{m.Handler}\"")}, Expectations.CouplePage),"));
    }

    private static async Task CheckAsync(World world, Row row, Who who, List<string> failures)
    {
        var url = row.Url is null ? (row.Handler is null ? row.Route : Q(row.Route, row.Handler)) : row.Url(world.ItemsFor(who)!);
        var method = row.Method == "ANY" ? "GET" : row.Method;
        var response = await world.SendAsync(who, method, url, row.Stream);
        await JudgeAsync(world, row.Key, method, url, who, row.Expect.For(who), response, failures, row.Stream);
    }

    private static async Task JudgeAsync(World world, string name, string method, string url, Who who, Expect expected, HttpResponseMessage response, List<string> failures, bool stream = false)
    {
        using (response)
        {
            var status = (int)response.StatusCode;
            var location = response.Headers.Location?.OriginalString ?? string.Empty;
            var toSignIn = status is 302 or 303 && location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase);
            var ok = status < 500 && expected switch
            {
                Ok => status == 200,
                Redirect => status is 302 or 303 && !toSignIn,
                SignIn => toSignIn,
                NotFound => status == 404,
                _ => (status is >= 200 and < 400 and not 204 || status == 409) && !toSignIn,
            };
            var what = $"{name} ({method} {url})";
            var body = stream ? string.Empty : await response.Content.ReadAsStringAsync();
            if (!ok)
            {
                failures.Add($"{what} as {who}: expected {expected}, got {status}{(location.Length > 0 ? " → " + location : string.Empty)}");
            }

            if (who != Who.Author)
            {
                foreach (var secret in world.ItemsFor(who)?.AuthorSecrets ?? [])
                {
                    if (body.Contains(secret, StringComparison.Ordinal))
                    {
                        failures.Add($"{what} as {who}: showed the author's private or sealed text \"{secret}\"");
                    }
                }
            }

            if (who == Who.OtherCouple && expected == NotFound && status == 404 && GuidPattern().IsMatch(url))
            {
                // No body difference may reveal that another couple's id exists: compare with a made-up id.
                var existing = Normalise(body);
                using var other = await world.SendAsync(who, method, GuidPattern().Replace(url, _ => Guid.NewGuid().ToString()));
                var missing = Normalise(await other.Content.ReadAsStringAsync());
                world.BodyComparisons++;
                if ((int)other.StatusCode != 404 || existing != missing)
                {
                    failures.Add($"{what} as {who}: the answer for an existing foreign id differs from the answer for a made-up id ({(int)other.StatusCode})");
                }
            }
        }
    }

    /// <summary>The per-request antiforgery token is the only part of a page allowed to differ between two requests.</summary>
    private static string Normalise(string body) => TokenPattern().Replace(body, "$1TOKEN\"");

    [GeneratedRegex(@"((?:content|value)="")CfDJ8[^""]*""")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidPattern();

    public sealed record Discovered(string Method, string Route, string? Handler)
    {
        public string Key => Row.Describe(Method, Route, Handler);
    }

    /// <summary>
    /// Every endpoint from the app's own endpoint data source. A Razor page is one route (its shortest, e.g.
    /// "/Moments" for Moments/Index, which also answers at "/Moments/Index") and one row per handler method,
    /// plus GET when it has no OnGet (it still renders). A POST to a page without a POST handler only renders
    /// the page (after the antiforgery check), so it is not a separate row.
    /// </summary>
    public static async Task<List<Discovered>> DiscoverAsync(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        var loader = services.GetRequiredService<PageLoader>();
        var found = new List<Discovered>();
        var routes = source.Endpoints.OfType<RouteEndpoint>().ToList();
        foreach (var page in routes.Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
                     .GroupBy(e => e.Metadata.GetMetadata<PageActionDescriptor>()!.ViewEnginePath))
        {
            var endpoint = page.OrderBy(e => e.RoutePattern.RawText!.Length).First();
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var compiled = await loader.LoadAsync(endpoint.Metadata.GetMetadata<PageActionDescriptor>()!, endpoint.Metadata);
            // A page without an OnGet still answers GET by rendering itself.
            if (!compiled.HandlerMethods.Any(h => h.HttpMethod == "Get" && h.Name is null))
            {
                found.Add(new("GET", route, null));
            }

            foreach (var handler in compiled.HandlerMethods)
            {
                found.Add(new(handler.HttpMethod.ToUpperInvariant(), route, handler.Name));
            }
        }

        foreach (var endpoint in routes.Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null))
        {
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            foreach (var method in methods is { Count: > 0 } ? methods : ["ANY"])
            {
                found.Add(new(method, route, null));
            }
        }

        return [.. found.DistinctBy(d => d.Key)];
    }

    /// <summary>The people, the couples and their items; clients are signed in when first used.</summary>
    private sealed class World
    {
        private readonly Dictionary<Who, TestClient> _clients = [];

        private World(AppFactory app) => App = app;

        public AppFactory App { get; }

        public TestCouple Couple { get; private set; } = null!;

        public TestCouple Others { get; private set; } = null!;

        public TestPerson Single { get; private set; } = null!;

        public TestPerson Former { get; private set; } = null!;

        public MatrixItems? Items { get; private set; }

        /// <summary>The items of the couple the former partner left (authored by the one they left).</summary>
        public MatrixItems? FormerItems { get; private set; }

        public int BodyComparisons { get; set; }

        public MatrixItems? ItemsFor(Who who) => who == Who.FormerPartner ? FormerItems : Items;

        public static async Task<World> CreateAsync(AppFactory app, bool withItems)
        {
            var world = new World(app)
            {
                Couple = await app.CreateCoupleAsync("Robin", "Sam"),
                Others = await app.CreateCoupleAsync("Alex", "Jo"),
                Single = await app.CreatePersonAsync("Kim"),
            };
            var left = await app.CreateCoupleAsync("Lee", "Max");
            world.Former = left.B;
            if (withItems)
            {
                world.Items = await SeedAsync(app, world.Couple);
                world.FormerItems = await SeedAsync(app, left);
            }

            await LeaveAsync(app, left);
            return world;
        }

        private static async Task LeaveAsync(AppFactory app, TestCouple couple)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CoupleCommands>().LeaveAsync(couple.B.Id, couple.Id);
        }

        /// <summary>Only the people one kind of caller needs, for a row that ends something for that caller.</summary>
        public static async Task<World> CreateForAsync(AppFactory app, Who who)
        {
            var world = new World(app);
            switch (who)
            {
                case Who.Author or Who.Partner:
                    world.Couple = await app.CreateCoupleAsync("Robin", "Sam");
                    break;
                case Who.OtherCouple:
                    world.Others = await app.CreateCoupleAsync("Alex", "Jo");
                    break;
                case Who.NoCouple:
                    world.Single = await app.CreatePersonAsync("Kim");
                    break;
                case Who.FormerPartner:
                    var left = await app.CreateCoupleAsync("Lee", "Max");
                    world.Former = left.B;
                    await LeaveAsync(app, left);
                    break;
            }

            return world;
        }

        public async Task<HttpResponseMessage> SendAsync(Who who, string method, string url, bool stream = false)
        {
            var client = await ClientAsync(who);
            if (method == "GET")
            {
                if (!stream)
                {
                    return await client.Http.GetAsync(url);
                }

                using var cancel = new CancellationTokenSource();
                var response = await client.Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
                await cancel.CancelAsync();
                return response;
            }

            return await client.PostFormAsync(url, []);
        }

        private async Task<TestClient> ClientAsync(Who who)
        {
            if (_clients.TryGetValue(who, out var client))
            {
                return client;
            }

            client = who switch
            {
                Who.Anonymous => App.NewClient(),
                Who.Author => await App.SignedInAsync(Couple.A),
                Who.Partner => await App.SignedInAsync(Couple.B),
                Who.OtherCouple => await App.SignedInAsync(Others.A),
                Who.NoCouple => await App.SignedInAsync(Single),
                _ => await App.SignedInAsync(Former),
            };
            _clients[who] = client;
            return client;
        }

        /// <summary>The couple's items, written by its first person (A) through the app where it matters.</summary>
        private static async Task<MatrixItems> SeedAsync(AppFactory app, TestCouple couple)
        {
            var support = await SupportData.SeedAsync(app, couple);
            var marker = Guid.NewGuid().ToString("N")[..10];
            var disposable = Guid.CreateVersion7();
            var agreement = Guid.CreateVersion7();
            var feedToken = "feed" + Guid.NewGuid().ToString("N");
            var exportJob = Guid.CreateVersion7();
            var exportFile = Web.Features.Account.Privacy.ExportFiles.NewFileName();
            await File.WriteAllBytesAsync(app.WithScope(sp => sp.GetRequiredService<Web.Features.Account.Privacy.ExportFiles>().PathOf(exportFile)), [0x50, 0x4b, 0x05, 0x06, .. new byte[18]]);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            await app.WithDbAsync(async db =>
            {
                db.SupportMoments.Add(new Web.Features.Moments.Data.SupportMoment
                {
                    Id = disposable,
                    CoupleId = couple.Id,
                    AuthorId = couple.A.Id,
                    Note = "to be deleted",
                    Visibility = Domain.Support.Visibility.Shared,
                    OccurredAtUtc = now,
                    CreatedAtUtc = now,
                    AuthorTimeZoneId = "Europe/London",
                });
                db.RitualAgreements.Add(new RitualAgreement { Id = agreement, CoupleId = couple.Id, CreatedById = couple.A.Id, What = "Walk on Sundays", CreatedAtUtc = now });
                db.ExportJobs.Add(new Web.Features.Account.Privacy.ExportJob
                {
                    Id = exportJob,
                    UserId = couple.A.Id,
                    Status = Web.Features.Account.Privacy.ExportStatus.Ready,
                    Percent = 100,
                    RequestedAtUtc = now,
                    ReadyAtUtc = now,
                    ExpiresAtUtc = now.AddHours(24),
                    FileName = exportFile,
                });
                db.CheckInPersonSettings.Add(new CheckInPersonSettings { UserId = couple.A.Id, CoupleId = couple.Id, FeedTokenHash = CheckInCalendar.Hash(feedToken), UpdatedAtUtc = now });
                await db.SaveChangesAsync();
            });

            using var author = await app.SignedInAsync(couple.A);

            // A submitted check-in the partner has not matched: sealed, so even its shared parts are hidden.
            var sealedShared = $"SEALED-SHARED-{marker}";
            var sealedPrivate = $"SEALED-PRIVATE-{marker}";
            var submitted = await author.PostFormAsync($"/CheckIns/Form/{Today}?handler=Submit",
            [
                new("Input.MeFeelings[calm]", "2"), new("Input.MeSupported", "3"), new("Input.MeAbleToGive", "3"), new("Input.MeStress", "4"),
                new("Input.GuessFeelings[calm]", "2"), new("Input.GuessSupported", "3"), new("Input.GuessAbleToGive", "3"), new("Input.GuessStress", "4"),
                new("Input.MeDesires", sealedShared), new("Input.ShareMeDesires", "true"),
                new("Input.MeGoalsNow", sealedPrivate), new("Input.ShareMeGoalsNow", "false"),
            ]);
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);

            // A conflict with the author's side saved but not shared.
            var opened = await author.PostFormAsync("/Repair", [new("Input.Title", "The dishes on Sunday")]);
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
            var conflict = Guid.Parse(opened.Headers.Location!.OriginalString.Split('/')[^1].Split('#')[0]);
            var side = $"UNSHARED-SIDE-{marker}";
            Assert.Equal(HttpStatusCode.Redirect, (await author.PostFormAsync($"/Repair/Conflict/{conflict}?handler=SaveSide",
                [new("Side.FeelingsAndNeeds", side), new("Side.HowYouSawIt", "x"), new("Side.MyImpactOnYou", "y"), new("Side.YourImpactOnMe", "z")])).StatusCode);

            // A monthly preparation saved, not shared, and a private guide reflection.
            var prep = $"UNSHARED-PREP-{marker}";
            Assert.Equal(HttpStatusCode.Redirect, (await author.PostFormAsync("/Monthly/Prepare?handler=Save", [new("Input.HardThing", prep)])).StatusCode);
            var reflection = $"REFLECTION-{marker}";
            var guide = await author.GetPageAsync("/Repair/Guide/old-beliefs");
            var field = guide.QuerySelector("textarea")!.GetAttribute("name")!;
            Assert.Equal(HttpStatusCode.Redirect, (await author.PostFormAsync("/Repair/Guide/old-beliefs", [new(field, reflection)])).StatusCode);

            // Issue 17: today's question answered by the author alone (sealed), with a private note.
            var question = $"SEALED-QUESTION-{marker}";
            var questionNote = $"QUESTION-NOTE-{marker}";
            var questionPage = await author.GetPageAsync("/Questions");
            var guessFields = questionPage.QuerySelector("input[name='Input.Choice']") is null ? Array.Empty<(string, string)>() : [("Input.Choice", "0"), ("Input.Guess", "0")];
            Assert.Equal(HttpStatusCode.Redirect, (await author.PostFormAsync("/Questions?handler=Answer", [("Input.Text", question), ("Input.Note", questionNote), .. guessFields])).StatusCode);

            return new MatrixItems(support.PrivateMoment, support.SharedMoment, support.Pebble, disposable, support.Request, conflict, agreement, exportJob, Today, feedToken,
                [support.PrivateText, sealedShared, sealedPrivate, side, prep, reflection, question, questionNote]);
        }
    }
}
