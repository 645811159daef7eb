using Microsoft.Extensions.Options;

namespace Mutuality.Web.Infrastructure.Settings;

/// <summary>
/// One way to bind a settings class: from its section, checked by its data annotations and any rule given, at start.
/// A misconfiguration stops the app before it serves anything, with a message that names the setting (issue 19 item 7).
/// </summary>
public static class ValidatedSettings
{
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section)
        where T : class
        => services.AddOptions<T>()
            .BindConfiguration(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

    /// <summary>A rule across fields: <paramref name="failure"/> gives the message naming the setting, or null when the value is fine.</summary>
    public static OptionsBuilder<T> Rule<T>(this OptionsBuilder<T> builder, Func<T, string?> failure)
        where T : class
    {
        builder.Services.AddSingleton<IValidateOptions<T>>(new RuleValidation<T>(builder.Name, failure));
        return builder;
    }

    /// <summary>An absolute http or https address (the only kind the app builds links from or sends people to).</summary>
    public static bool IsWebAddress(string? value)
        => Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>
    /// Checks every settings class bound with <see cref="AddSettings{T}"/> now, and says what is wrong for the person
    /// running the app (no stack trace to read through), or null when all is well. A value of the wrong type
    /// ("RateLimits:AuthPerMinute=many") is caught here too: the binder's message names the setting.
    /// </summary>
    public static string? FailureAtStart(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return null;
        }
        catch (Exception e) when (Failures(e) is { Count: > 0 } failures)
        {
            return Cannot + string.Join(" ", failures);
        }
    }

    /// <summary>The settings failures inside what the validator threw (one exception, or several together); empty for anything else.</summary>
    private static List<string> Failures(Exception e) => e switch
    {
        OptionsValidationException invalid => [.. invalid.Failures],
        InvalidOperationException unconvertible when unconvertible.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => [unconvertible.Message],
        AggregateException several when several.InnerExceptions.Select(Failures).ToList() is var each && each.All(f => f.Count > 0) => [.. each.SelectMany(f => f)],
        _ => [],
    };

    private const string Cannot = "Mutuality cannot start: a setting is not valid. ";

    private sealed class RuleValidation<T>(string? name, Func<T, string?> failure) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? optionsName, T options)
            => name is not null && name != optionsName ? ValidateOptionsResult.Skip
                : failure(options) is { } message ? ValidateOptionsResult.Fail(message)
                : ValidateOptionsResult.Success;
    }
}
