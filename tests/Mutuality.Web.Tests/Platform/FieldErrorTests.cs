using System.Text.RegularExpressions;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Platform;

/// <summary>
/// Issue 19 (item 5): one field-error message shape for every form, the <c>&lt;field-error&gt;</c> tag helper
/// (Infrastructure/Forms/FieldErrorTagHelper.cs), rather than a copy per page.
/// </summary>
public sealed partial class FieldErrorTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    [Trait("Runs", "Once")]
    public void EveryView_ShowsFieldErrors_ThroughTheOneTagHelper()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "Mutuality.Web");
        var copies = Directory.EnumerateFiles(web, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(view => Copy().Matches(File.ReadAllText(view)).Select(m => $"{Path.GetRelativePath(web, view)}: {m.Value}"))
            .ToList();
        Assert.True(copies.Count == 0, "Field errors written by hand (use <field-error for=\"…\" /> or message=\"…\"):\n" + string.Join('\n', copies));
    }

    [Fact]
    public async Task ARefusedForm_ShowsTheFieldsMessage_InItsFieldErrorSpan()
    {
        var person = await app.CreatePersonAsync("Robin");
        using var client = await app.SignedInAsync(person);
        var response = await client.PostFormAsync("/Account/Manage/ChangePassword",
            [new("Input.OldPassword", ""), new("Input.NewPassword", "x"), new("Input.ConfirmPassword", "y")], "/Account/Manage/ChangePassword");
        var page = await TestClient.ParseAsync(response);

        var old = page.QuerySelector("span.field-error#old-error")!;
        Assert.Equal("Current password: please enter it.", old.TextContent);
        Assert.Null(page.QuerySelector("field-error"));
        Assert.All(page.QuerySelectorAll(".field-error"), span => Assert.Equal("SPAN", span.TagName));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mutuality.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Mutuality.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A hand-written field error: the class on an element, or the framework's validation-message helper.</summary>
    [GeneratedRegex(@"class=""[^""]*\bfield-error\b[^""]*""|asp-validation-for=|ModelState\[[^\]]+\]\?\.Errors")]
    private static partial Regex Copy();
}
