using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Account.Privacy;
using Mutuality.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Mutuality.Web.Tests.Platform;

public sealed class AccountDeletionTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    private static Task<HttpResponseMessage> DeleteAsync(TestClient client, string password)
        => client.PostFormAsync("/Account/Manage/Delete", [new("Input.Password", password)], "/Account/Manage/Delete");

    [Fact]
    public async Task DeletePage_SaysWhatHappens_AndOffersLeavingOrExportingInstead()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);
        var text = (await robin.GetPageAsync("/Account/Manage/Delete")).MainText();
        Assert.Contains("cannot be undone", text, StringComparison.Ordinal);
        Assert.Contains("Sam keeps what they wrote themselves", text, StringComparison.Ordinal);
        Assert.Contains("leave the couple space", text, StringComparison.Ordinal);
        Assert.Contains("download your data", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not my password")]
    public async Task WrongOrMissingPassword_ClearFieldError_AndNothingIsDeleted(string password)
    {
        var rich = await PrivacyData.SeedAsync(app, await app.CreateCoupleAsync());
        using var robin = await app.SignedInAsync(rich.Couple.A);
        var before = await SnapshotAsync();
        var response = await DeleteAsync(robin, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await TestClient.ParseAsync(response)).FieldErrors();
        Assert.Contains(errors, e => e.StartsWith("Password:", StringComparison.Ordinal));
        if (password.Length > 0)
        {
            Assert.Contains(errors, e => e.Contains("Nothing has been deleted", StringComparison.Ordinal));
        }

        var after = await SnapshotAsync();
        foreach (var (table, count) in before)
        {
            // Only the security log may grow (a wrong password is recorded as a failed attempt).
            if (table is not nameof(SecurityEvent))
            {
                Assert.True(count == after[table], $"{table}: {count} rows before, {after[table]} after a refused deletion");
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await robin.GetAsync("/Account/Manage")).StatusCode);
    }

    [Fact]
    public async Task Deleting_LeavesNoRowReferringToThePerson_NorAnyOfTheirWords_InAnyTable()
    {
        var rich = await PrivacyData.SeedAsync(app, await app.CreateCoupleAsync());
        var (robin, sam) = (rich.Couple.A, rich.Couple.B);

        // A control: before deleting, the scan finds Robin everywhere.
        var found = await ScanAsync(robin, rich.APhrases);
        Assert.True(found.Count >= 20, "The scan should find Robin's id and phrases before deletion; found: " + string.Join(", ", found));

        using var client = await app.SignedInAsync(robin);
        var response = await DeleteAsync(client, TestPerson.DefaultPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);

        var left = await ScanAsync(robin, rich.APhrases);
        Assert.True(left.Count == 0, "After deletion these still refer to the person or hold their words:\n" + string.Join("\n", left));

        // Sam keeps what Sam wrote, private and shared.
        var texts = await AllTextAsync();
        foreach (var phrase in rich.BSharedPhrases.Concat(rich.BPrivatePhrases))
        {
            Assert.True(texts.Any(t => t.Contains(phrase, StringComparison.Ordinal)), $"Sam's \"{phrase}\" was deleted with Robin's account");
        }

        // The couple has ended; the conflict Robin opened is kept for Sam with a neutral title.
        await app.WithDbAsync(async db =>
        {
            Assert.Equal(0, await db.CoupleMembers.CountAsync(m => m.UserId == sam.Id && m.LeftAtUtc == null));
            Assert.NotNull((await db.Couples.SingleAsync(c => c.Id == rich.Couple.Id)).EndedAtUtc);
            var conflict = await db.ConflictRecords.SingleAsync(c => c.Id == rich.Conflict);
            Assert.Equal(AccountDeletion.FormerPartnerConflictTitle, conflict.Title);
            var request = await db.SupportRequests.SingleAsync(r => r.Id == rich.BRequest);
            Assert.Equal(AccountDeletion.FormerPartner, request.PartnerId);
            Assert.Null((await db.SupportMoments.SingleAsync(m => m.Id == rich.BMoment)).ResponseNote);
        });

        // The old cookie no longer works.
        var manage = await client.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, manage.StatusCode);
        Assert.Contains("/Account/Login", manage.Headers.Location!.OriginalString, StringComparison.Ordinal);
        output.WriteLine($"Scanned {(await CountsAsync()).Count} tables; before deletion the scan found {found.Count} references, after it none.");
    }

    [Fact]
    public async Task ThePartner_IsToldInPlainWords_OnTheirHomePage_AndByEmail_AndCanDismissIt()
    {
        var couple = await app.CreateCoupleAsync();
        using (var robin = await app.SignedInAsync(couple.A))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await DeleteAsync(robin, TestPerson.DefaultPassword)).StatusCode);
        }

        using var sam = await app.SignedInAsync(couple.B);
        var home = await sam.GetPageAsync("/");
        Assert.Contains("Your partner has deleted their Mutuality account", home.MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Robin", home.MainText(), StringComparison.Ordinal);
        var mail = Assert.Single(Mailbox.To(app, couple.B.Email), m => (m.Subject ?? string.Empty).Contains("closed", StringComparison.Ordinal));
        Assert.Contains("deleted their Mutuality account", mail.TextBody ?? string.Empty, StringComparison.Ordinal);

        // Sam is now on their own: couple pages send them to start a space.
        Assert.Equal(HttpStatusCode.Redirect, (await sam.GetAsync("/Moments")).StatusCode);

        var form = home.QuerySelector("section.notice form")!;
        var dismissed = await sam.PostFormAsync(form.GetAttribute("action")!, []);
        Assert.Equal(HttpStatusCode.Redirect, dismissed.StatusCode);
        Assert.DoesNotContain("deleted their Mutuality account", (await sam.GetPageAsync("/")).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANotice_CanOnlyBeDismissedByItsOwner()
    {
        var couple = await app.CreateCoupleAsync();
        var other = await app.CreateCoupleAsync();
        using (var robin = await app.SignedInAsync(couple.A))
        {
            await DeleteAsync(robin, TestPerson.DefaultPassword);
        }

        var id = await app.WithDbAsync(db => db.PersonNotices.Where(n => n.UserId == couple.B.Id).Select(n => n.Id).SingleAsync());
        using var outsider = await app.SignedInAsync(other.A);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostFormAsync($"/?handler=DismissNotice&id={id}", [])).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.PersonNotices.AnyAsync(n => n.Id == id)));
    }

    /// <summary>Row counts per table (entity type) of the EF model.</summary>
    private Task<Dictionary<string, int>> SnapshotAsync() => CountsAsync();

    private async Task<Dictionary<string, int>> CountsAsync()
    {
        var counts = new Dictionary<string, int>();
        await app.WithDbAsync(async db =>
        {
            foreach (var (type, rows) in await AllRowsAsync(db))
            {
                counts[type.ClrType.Name] = rows.Count;
            }
        });
        return counts;
    }

    /// <summary>
    /// Every row of every entity type in the EF model (so encrypted text is read decrypted), and every property:
    /// a Guid equal to the person's id, or text holding their id, e-mail, name-with-id or one of their phrases.
    /// </summary>
    private async Task<List<string>> ScanAsync(TestPerson person, IReadOnlyList<string> phrases)
    {
        var needles = phrases.Append(person.Id.ToString()).Append(person.Id.ToString().ToUpperInvariant()).Append(person.Email).ToList();
        var hits = new List<string>();
        await app.WithDbAsync(async db =>
        {
            foreach (var (type, rows) in await AllRowsAsync(db))
            {
                foreach (var row in rows)
                {
                    foreach (var property in type.GetProperties())
                    {
                        var value = property.PropertyInfo?.GetValue(row) ?? property.FieldInfo?.GetValue(row);
                        if (value is Guid g && g == person.Id)
                        {
                            hits.Add($"{type.ClrType.Name}.{property.Name} = the person's id");
                        }
                        else if (value is string s && needles.FirstOrDefault(n => s.Contains(n, StringComparison.OrdinalIgnoreCase)) is { } needle)
                        {
                            hits.Add($"{type.ClrType.Name}.{property.Name} contains \"{needle}\"");
                        }
                    }
                }
            }
        });
        return hits;
    }

    private async Task<List<string>> AllTextAsync()
    {
        var texts = new List<string>();
        await app.WithDbAsync(async db =>
        {
            foreach (var (type, rows) in await AllRowsAsync(db))
            {
                texts.AddRange(rows.SelectMany(r => type.GetProperties().Select(p => p.PropertyInfo?.GetValue(r)).OfType<string>()));
            }
        });
        return texts;
    }

    private static async Task<List<(Microsoft.EntityFrameworkCore.Metadata.IEntityType Type, List<object> Rows)>> AllRowsAsync(AppDbContext db)
    {
        var all = new List<(Microsoft.EntityFrameworkCore.Metadata.IEntityType, List<object>)>();
        var set = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;
        foreach (var type in db.Model.GetEntityTypes().Where(t => !t.IsOwned() && !t.HasSharedClrType))
        {
            var query = (IQueryable<object>)set.MakeGenericMethod(type.ClrType).Invoke(db, null)!;
            all.Add((type, await query.AsNoTracking().ToListAsync()));
        }

        Assert.True(all.Count >= 30, $"Expected every table of the model, found {all.Count}");
        return all;
    }
}
