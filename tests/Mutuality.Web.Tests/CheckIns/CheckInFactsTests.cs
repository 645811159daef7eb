using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Mutuality.Web.Tests.CheckIns;

public sealed partial class CheckInsHttpTests
{
    [Fact]
    public async Task Submitting_FillsTheInsightsNumbersAtOnce_AndAgreementOnceBothHaveSent()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        using var sam = await app.SignedInAsync(couple.B);

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(robin, Complete("facts-a"))).StatusCode);
        var first = await app.WithDbAsync(db => db.CheckIns.AsNoTracking().Where(c => c.CoupleId == couple.Id)
            .Select(c => new { c.AuthorId, c.FactsState, c.MeSupported, c.MeAbleToGive, c.GuessAgreement }).ToListAsync());
        var robins = Assert.Single(first);
        Assert.Equal((1, 2, 3), (robins.FactsState, robins.MeSupported, robins.MeAbleToGive));
        Assert.Null(robins.GuessAgreement); // nothing to compare with until Sam has sent theirs

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(sam, Complete("facts-b"))).StatusCode);
        var both = await app.WithDbAsync(db => db.CheckIns.AsNoTracking().Where(c => c.CoupleId == couple.Id)
            .Select(c => new { c.FactsState, c.GuessAgreement }).ToListAsync());
        Assert.Equal(2, both.Count);
        Assert.All(both, c => Assert.Equal(2, c.FactsState));
        Assert.All(both, c => Assert.NotNull(c.GuessAgreement));
    }
}
