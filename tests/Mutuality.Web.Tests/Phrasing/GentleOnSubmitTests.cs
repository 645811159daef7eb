using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Features.Phrasing;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Phrasing;

/// <summary>The helper also speaks when a form is sent: a note after sending, never a block; findings at once on a re-shown form.</summary>
public sealed class GentleOnSubmitTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static IEnumerable<(string, string)> GentleFieldsOf(AngleSharp.Html.Dom.IHtmlDocument page)
        => page.QuerySelectorAll($"form[method=post] input[type=hidden][name='{GentleSubmitFilter.FieldName}']")
            .Select(i => (GentleSubmitFilter.FieldName, i.GetAttribute("value")!));

    [Fact]
    public async Task HarshRequest_IsSentAsWritten_AndTheNextPageSaysWhatTheHelperNoticed()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var form = await robin.GetPageAsync("/Requests/New");
        var gentle = GentleFieldsOf(form).ToList();
        Assert.Equal(["Input.Feeling", "Input.Need"], gentle.Select(g => g.Item2));

        const string need = "You never make time for me, just once this week.";
        var sent = await robin.PostFormAsync("/Requests/New", [.. gentle, ("Input.Need", need), ("Input.Type", "Companionship"), ("Input.Urgency", "ThisWeek")]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var next = await robin.GetPageAsync(sent.Headers.Location!.OriginalString);
        var note = next.QuerySelector(".gentle-after-send");
        Assert.NotNull(note);
        Assert.Contains("Sent as you wrote it", note.TextContent, StringComparison.Ordinal);
        Assert.Contains("Always / never", note.TextContent, StringComparison.Ordinal);
        Assert.Equal("status", note.GetAttribute("role"));

        // Nothing was changed or held back, and the note is shown once.
        var stored = await app.WithDbAsync(db => db.SupportRequests.Where(r => r.CoupleId == couple.Id).Select(r => r.Need).SingleAsync());
        Assert.Equal(need, stored);
        Assert.Null((await robin.GetPageAsync("/")).QuerySelector(".gentle-after-send"));
    }

    [Fact]
    public async Task GentleRequest_HasNoNote()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var gentle = GentleFieldsOf(await robin.GetPageAsync("/Requests/New")).ToList();
        var sent = await robin.PostFormAsync("/Requests/New", [.. gentle, ("Input.Need", "Could we cook together on Friday?"), ("Input.Type", "Companionship"), ("Input.Urgency", "ThisWeek")]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Null((await robin.GetPageAsync(sent.Headers.Location!.OriginalString)).QuerySelector(".gentle-after-send"));
    }

    [Fact]
    public async Task AFormShownAgainWithAnError_ShowsTheFindingsBesideTheText()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var gentle = GentleFieldsOf(await robin.GetPageAsync("/Requests/New")).ToList();
        // No support type chosen: the form comes back, and the helper has already looked at the need.
        var response = await robin.PostFormAsync("/Requests/New", [.. gentle, ("Input.Need", "You're so lazy, just do the dishes."), ("Input.Urgency", "Today")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains("A label for the person", page.QuerySelector("#need-gentle-helper")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.SupportRequests.CountAsync(r => r.CoupleId == couple.Id)));
    }

    [Fact]
    public async Task NamingAFieldThatIsNotThere_OrThePrivateMarkerItself_ChangesNothing()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var sent = await robin.PostFormAsync("/Requests/New", (GentleSubmitFilter.FieldName, "Nope"), (GentleSubmitFilter.FieldName, GentleSubmitFilter.FieldName), ("Input.Need", "Could we talk tonight?"), ("Input.Type", "Emotional"), ("Input.Urgency", "Today"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Null((await robin.GetPageAsync(sent.Headers.Location!.OriginalString)).QuerySelector(".gentle-after-send"));
    }
}
