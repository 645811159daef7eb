using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutuality.Web.Features.ScheduledMail;
using Mutuality.Web.Features.Shared.Email;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Account;

/// <summary>
/// Issue 19 item 3: one preferences model behind the e-mail settings page. <see cref="EmailPreferences"/> knows every
/// kind of e-mail a person can receive and reads each from where its feature keeps it; the page links the kinds
/// chosen elsewhere from it.
/// </summary>
public sealed class EmailPreferencesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<IReadOnlyDictionary<string, EmailSetting>> ReadAsync(TestPerson person, Guid coupleId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var choices = await scope.ServiceProvider.GetRequiredService<EmailPreferences>().ReadAsync(new EmailPerson(person.Id, coupleId));
        return choices.ToDictionary(c => c.Key, c => c.Setting);
    }

    [Fact]
    public async Task TheModel_KnowsEveryKindOfEmail_AndReadsEachFromWhereItsFeatureKeepsIt()
    {
        var couple = await app.CreateCoupleAsync();
        using var robin = await app.SignedInAsync(couple.A);

        // Nothing chosen yet: the defaults (only the monthly reminder is on).
        var defaults = await ReadAsync(couple.A, couple.Id);
        Assert.Equal(["new-requests", "check-in-reminder", WeeklyDigestEmail.KindKey, MonthlyReminderEmail.KindKey], defaults.Keys);
        Assert.Equal([false, false, false, true], defaults.Values.Select(s => s.On));

        // Each chosen on its own page.
        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/Requests/Email", ("EmailNewRequests", "true"), ("QuietFromHour", "22"), ("QuietToHour", "7"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/CheckIns/Settings?handler=Reminder", ("ReminderTime", "20:30"), ("EmailReminders", "true"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await robin.PostFormAsync("/Account/Manage/Email", ("WeeklyDigest", "true"), ("DigestDay", ((int)DayOfWeek.Tuesday).ToString()), ("DigestHour", "18"))).StatusCode);

        var chosen = await ReadAsync(couple.A, couple.Id);
        Assert.Equal([true, true, true, false], chosen.Values.Select(s => s.On));
        Assert.Equal(new EmailSetting(true, DayOfWeek.Tuesday, new TimeOnly(18, 0)), chosen[WeeklyDigestEmail.KindKey]);
        Assert.Equal(new TimeOnly(20, 30), chosen["check-in-reminder"].Time);

        // Sam chose nothing; the page links every kind chosen on another page, from the model.
        Assert.Equal([false, false, false, true], (await ReadAsync(couple.B, couple.Id)).Values.Select(s => s.On));
        var links = (await robin.GetPageAsync("/Account/Manage/Email")).QuerySelectorAll("ul.plain-list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/Requests/Email", "/CheckIns/Settings"], links);
    }

    [Fact]
    public async Task SavingTheDigest_OnOrMoved_StartsItFromNow_ButSavingItUnchanged_DoesNot()
    {
        var person = await app.CreatePersonAsync("Jo");
        var me = new EmailPerson(person.Id, null);
        var t0 = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        async Task<DateTime?> SaveAsync(DayOfWeek day, DateTime now)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<EmailPreferences>().SaveAsync(me, new Dictionary<string, EmailSetting>
            {
                [WeeklyDigestEmail.KindKey] = new(true, day, new TimeOnly(18, 0)),
                [MonthlyReminderEmail.KindKey] = new(false),
            }, now);
            return await app.WithDbAsync(db => db.MailPreferences.Where(p => p.UserId == person.Id).Select(p => p.DigestSinceUtc).SingleAsync());
        }

        Assert.Equal(t0, await SaveAsync(DayOfWeek.Monday, t0));
        Assert.Equal(t0, await SaveAsync(DayOfWeek.Monday, t0.AddHours(1)));
        Assert.Equal(t0.AddHours(2), await SaveAsync(DayOfWeek.Tuesday, t0.AddHours(2)));
        Assert.False((await ReadAsync(person, Guid.Empty))[MonthlyReminderEmail.KindKey].On);
    }
}
