using System.Net;
using Mutuality.Web.Features.Phrasing;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Phrasing;

/// <summary>The helper reads no data, so these run once, on the SQLite pass.</summary>
[Trait("Runs", "Once")]
public sealed class PhrasingCheckTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Check_HarshText_ListsFindingsWithReasonsAndARewrite()
    {
        var couple = await app.CreateCoupleAsync();
        using var client = await app.SignedInAsync(couple.A);
        var response = await client.PostFormAsync("/Phrasing/Check", ("text", "You never listen to me."));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await TestClient.ParseAsync(response);
        var finding = Assert.Single(html.QuerySelectorAll(".gentle-helper-findings li"));
        Assert.Contains("Always / never", finding.TextContent, StringComparison.Ordinal);
        Assert.Contains("“You never”", finding.TextContent, StringComparison.Ordinal);
        Assert.Contains("turn one moment into a verdict", finding.TextContent, StringComparison.Ordinal);
        Assert.Equal("I feel frustrated about the times you don't listen to me. I need you to listen to me.", html.QuerySelector(".gentle-helper-rewrite")!.TextContent);
        var use = html.QuerySelector("button[data-phrasing-use]")!;
        Assert.Equal("button", use.GetAttribute("type"));
        Assert.Equal(html.QuerySelector(".gentle-helper-rewrite")!.TextContent, use.GetAttribute("data-phrasing-text"));
        Assert.Null(html.QuerySelector("script"));
    }

    [Fact]
    public async Task Check_ReadsTheFieldTheFormNames()
    {
        var person = await app.CreatePersonAsync("Ash");
        using var client = await app.SignedInAsync(person);
        var response = await client.PostFormAsync("/Phrasing/Check", ("field", "Input.Note"), ("Input.Note", "You're so selfish."), ("text", "Thank you."));
        var html = await TestClient.ParseAsync(response);
        Assert.Contains("A label for the person", html.QuerySelector(".gentle-helper-findings")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_GentleText_SaysSoWithoutARewrite()
    {
        var person = await app.CreatePersonAsync("Ash");
        using var client = await app.SignedInAsync(person);
        var html = await TestClient.ParseAsync(await client.PostFormAsync("/Phrasing/Check", ("text", "Could we go for a walk tonight?")));
        Assert.Contains("Nothing here that usually lands as harsh", html.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(html.QuerySelector(".gentle-helper-rewrite"));
    }

    [Fact]
    public async Task Check_OtherLanguage_SaysTheHelperOnlyKnowsEnglish()
    {
        var person = await app.CreatePersonAsync("Ash");
        using var client = await app.SignedInAsync(person);
        var html = await TestClient.ParseAsync(await client.PostFormAsync("/Phrasing/Check", ("text", "Du bist immer so spät dran.")));
        Assert.Contains("only knows English", html.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Check_EmptyText_ReturnsAnEmptyFragment(string text)
    {
        var person = await app.CreatePersonAsync("Ash");
        using var client = await app.SignedInAsync(person);
        var response = await client.PostFormAsync("/Phrasing/Check", ("text", text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, (await response.Content.ReadAsStringAsync()).Trim());
    }

    [Fact]
    public async Task Check_WithoutAnyField_ReturnsAnEmptyFragment()
    {
        var person = await app.CreatePersonAsync("Ash");
        using var client = await app.SignedInAsync(person);
        var response = await client.PostFormAsync("/Phrasing/Check", ("field", "Nope"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Check_TextOver2000Characters_Returns400WithAFieldMessage()
    {
        var person = await app.CreatePersonAsync("Ash");
        using var client = await app.SignedInAsync(person);
        var response = await client.PostFormAsync("/Phrasing/Check", ("text", new string('a', 2001)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await TestClient.ParseAsync(response);
        Assert.StartsWith("Text: use at most 2000 characters (you have 2001).", html.QuerySelector(".field-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_Exactly2000Characters_IsChecked()
    {
        var person = await app.CreatePersonAsync("Ash");
        using var client = await app.SignedInAsync(person);
        var text = ("You never call. " + new string('a', 2000))[..2000];
        var response = await client.PostFormAsync("/Phrasing/Check", ("text", text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Check_ScriptPayload_IsShownAsText()
    {
        var person = await app.CreatePersonAsync("Ash");
        using var client = await app.SignedInAsync(person);
        var response = await client.PostFormAsync("/Phrasing/Check", ("text", "You're so lazy <script>alert(1)</script> and you never <img src=x onerror=alert(2)> help."));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", body, StringComparison.OrdinalIgnoreCase);
        var html = await TestClient.ParseAsync(response);
        Assert.Null(html.QuerySelector("script"));
        Assert.Null(html.QuerySelector("img"));
        Assert.Contains("<img src=x onerror=alert(2)>", html.QuerySelector("button[data-phrasing-use]")!.GetAttribute("data-phrasing-text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WhenSignedOut_RedirectsToSignIn()
    {
        using var client = app.NewClient();
        var response = await client.PostFormAsync("/Phrasing/Check", ("text", "You never listen."));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WithoutAntiforgeryToken_IsRefused()
    {
        var person = await app.CreatePersonAsync("Ash");
        using var client = await app.SignedInAsync(person);
        var response = await client.PostFormWithoutTokenAsync("/Phrasing/Check", ("text", "You never listen."));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Check_Get_IsNotFound()
    {
        var person = await app.CreatePersonAsync("Ash");
        using var client = await app.SignedInAsync(person);
        var response = await client.GetAsync("/Phrasing/Check");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Check_PersonWithoutACouple_StillWorks()
    {
        var person = await app.CreatePersonAsync("Solo");
        using var client = await app.SignedInAsync(person);
        var response = await client.PostFormAsync("/Phrasing/Check", ("text", "Whatever."));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

/// <summary>The command line reads no data, so these run once, on the SQLite pass.</summary>
[Trait("Runs", "Once")]
public sealed class PhrasingCliTests
{
    [Fact]
    public async Task Run_WritesOneLinePerSentence_AndNothingElse()
    {
        using var input = new StringReader("You never listen.\nCould we talk tonight?\n\nYou're so lazy, whatever.\r\nWell, you always start it.\n");
        using var output = new StringWriter();
        var code = await PhrasingCli.RunAsync(input, output);
        Assert.Equal(0, code);
        Assert.Equal("harsh\tabsolute\ngentle\ngentle\nharsh\tlabel,contempt\nharsh\tabsolute,cross-complaint\n", output.ToString());
    }

    [Fact]
    public async Task Run_EmptyInput_WritesNothing()
    {
        using var input = new StringReader(string.Empty);
        using var output = new StringWriter();
        Assert.Equal(0, await PhrasingCli.RunAsync(input, output));
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public async Task Run_OddLines_NeverFail()
    {
        using var input = new StringReader("\"\n\uD83D\n" + new string('x', 50_000) + "\n“you never” said my dad\n");
        using var output = new StringWriter();
        Assert.Equal(0, await PhrasingCli.RunAsync(input, output));
        Assert.Equal(["gentle", "gentle", "gentle", "gentle"], output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData(new[] { "check-phrasing" }, true)]
    [InlineData(new[] { "check-phrasing", "--extra" }, true)]
    [InlineData(new[] { "--demo" }, false)]
    [InlineData(new string[0], false)]
    public void IsRequested_OnlyForTheCommandAsFirstArgument(string[] args, bool expected) => Assert.Equal(expected, PhrasingCli.IsRequested(args));
}
