using Microsoft.Extensions.DependencyInjection.Extensions;
using Mutuality.Web.Data;

namespace Mutuality.Web.Features.Shared.Email;

/// <summary>The person whose e-mails are asked about, and the couple space they are in (some choices are per space).</summary>
public sealed record EmailPerson(Guid UserId, Guid? CoupleId);

/// <summary>Whether a kind of e-mail is on, and when it comes for a kind that has a weekly time (else null).</summary>
public sealed record EmailSetting(bool On, DayOfWeek? Day = null, TimeOnly? Time = null);

/// <summary>One kind of e-mail as the settings page shows it: its name, where it is set, and this person's choice.</summary>
public sealed record EmailChoice(string Key, string Name, string SettingsUrl, string SettingsLinkText, EmailSetting Setting);

/// <summary>
/// One kind of e-mail a person can receive (issue 19 item 3). The feature that sends it registers it with
/// <see cref="EmailPreferencesSetup.AddEmailKind{T}"/> in its own <c>AddXxx()</c>, and says where its choice is kept; a new kind of e-mail is one
/// more of these. A kind set on the e-mail settings page itself (<see cref="EmailPreferences.SettingsPage"/>) also
/// saves there; one with more to choose (quiet hours, a time of day) is set on its own page and linked.
/// </summary>
public interface IEmailKind
{
    /// <summary>A stable name for the kind ("weekly-digest").</summary>
    string Key { get; }

    /// <summary>What the person would call it.</summary>
    string Name { get; }

    /// <summary>The page where it is chosen.</summary>
    string SettingsUrl { get; }

    /// <summary>The words of the link to that page.</summary>
    string SettingsLinkText { get; }

    /// <summary>This person's choice (the defaults when they never chose).</summary>
    Task<EmailSetting> ReadAsync(EmailPerson person, CancellationToken ct);

    /// <summary>Records the choice on the context without saving (<see cref="EmailPreferences.SaveAsync"/> saves all at once).</summary>
    Task SetAsync(EmailPerson person, EmailSetting setting, DateTime now, CancellationToken ct)
        => throw new NotSupportedException($"{Name} is chosen on {SettingsUrl}.");
}

/// <summary>
/// The one place that knows which e-mails a person receives: every registered <see cref="IEmailKind"/>, read and
/// written together. The e-mail settings page shows and saves its own kinds through it and links to the others.
/// </summary>
public sealed class EmailPreferences(AppDbContext db, IEnumerable<IEmailKind> kinds)
{
    /// <summary>The e-mail settings page.</summary>
    public const string SettingsPage = "/Account/Manage/Email";

    private readonly List<IEmailKind> _kinds = [.. kinds];

    public IReadOnlyList<IEmailKind> Kinds => _kinds;

    /// <summary>Every kind of e-mail, in the order registered, with this person's choice.</summary>
    public async Task<IReadOnlyList<EmailChoice>> ReadAsync(EmailPerson person, CancellationToken ct = default)
    {
        var choices = new List<EmailChoice>(_kinds.Count);
        foreach (var kind in _kinds)
        {
            choices.Add(new EmailChoice(kind.Key, kind.Name, kind.SettingsUrl, kind.SettingsLinkText, await kind.ReadAsync(person, ct)));
        }

        return choices;
    }

    /// <summary>Saves the choices given (by kind), all in one save: a second window saving first is a <c>DbUpdateException</c>.</summary>
    public async Task SaveAsync(EmailPerson person, IReadOnlyDictionary<string, EmailSetting> settings, DateTime now, CancellationToken ct = default)
    {
        foreach (var (key, setting) in settings)
        {
            var kind = _kinds.SingleOrDefault(k => k.Key == key) ?? throw new ArgumentException($"No kind of e-mail is called {key}.", nameof(settings));
            await kind.SetAsync(person, setting, now, ct);
        }

        await db.SaveChangesAsync(ct);
    }
}

public static class EmailPreferencesSetup
{
    /// <summary>Registers a kind of e-mail a person can receive (see <see cref="IEmailKind"/>), from the sending feature's own <c>AddXxx()</c>.</summary>
    public static IServiceCollection AddEmailKind<T>(this IServiceCollection services)
        where T : class, IEmailKind
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IEmailKind, T>());
        services.TryAddScoped<EmailPreferences>();
        return services;
    }
}
