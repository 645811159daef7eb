using System.Net;
using Mutuality.Web.Tests.Infrastructure;
using Xunit.Sdk;

namespace Mutuality.Web.Tests.Platform;

/// <summary>
/// The test client's <see cref="TestClient.SubmitFormAsync(string, string, (string Name, string Value)[])"/> posts the form
/// the page rendered: a test that names a field the form does not have fails, naming it, instead of posting a field the
/// app would never see.
/// </summary>
[Trait("Runs", "Once")]
public sealed class SubmitFormTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task AFieldTheFormDoesNotHave_FailsTheTest_NamingIt()
    {
        var person = await app.CreatePersonAsync("Robin");
        using var client = app.NewClient();
        var failure = await Assert.ThrowsAsync<TrueException>(() => client.SubmitFormAsync("/Account/Login", "main form[method=post]", ("Input.Emial", person.Email), ("Input.Password", TestPerson.DefaultPassword)));
        Assert.Contains("has no field named Input.Emial", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Input.Email", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRenderedForm_CarriesItsOwnToken_AndSignsIn()
    {
        var person = await app.CreatePersonAsync("Sam");
        using var client = app.NewClient();
        var response = await client.SubmitFormAsync("/Account/Login", "main form[method=post]", ("Input.Email", person.Email), ("Input.Password", TestPerson.DefaultPassword));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage")).StatusCode);
    }

    [Fact]
    public async Task AnAmbiguousSelector_FailsTheTest()
    {
        var person = await app.CreatePersonAsync("Alex");
        using var client = await app.SignedInAsync(person);

        // Signed in, the page has its own form and the menu's sign-out form.
        var failure = await Assert.ThrowsAsync<TrueException>(() => client.SubmitFormAsync("/Account/Manage", "form"));
        Assert.Contains("forms match 'form'", failure.Message, StringComparison.Ordinal);
    }
}
