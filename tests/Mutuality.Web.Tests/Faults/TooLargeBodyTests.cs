using System.Net;
using System.Net.Http.Headers;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Faults;

/// <summary>Issue 20 item 7 (and issue 12 item 6): an over-size body gets the right words, not a generic error page.</summary>
public sealed class TooLargeBodyTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/Account/Manage/Import")]
    [InlineData("/Moments")]
    public async Task AFiftyMegabyteBody_IsRefusedWithThatFileIsTooLarge(string url)
    {
        var person = await app.CreatePersonAsync("Hoarder");
        using var client = await app.SignedInAsync(person);
        var token = await client.TokenAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(new byte[50 * 1024 * 1024]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "Upload", "mutuality-export.zip");

        var response = await client.Http.PostAsync(url, form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains("That file is too large (the limit is 50 MB)", page.MainText(), StringComparison.Ordinal);
    }
}
