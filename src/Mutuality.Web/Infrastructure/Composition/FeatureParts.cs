using Microsoft.AspNetCore.Mvc;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Infrastructure.Composition;

/// <summary>Where a feature's link shows: always in view (on a phone too), or under "More" on a phone.</summary>
public enum NavPlace
{
    Main,
    More,
}

/// <summary>
/// One entry a feature puts in the navigation (issue 19 item 3: a feature contributes, nobody appends): a plain link
/// shown to the callers <see cref="ShownTo"/> picks, or a view component (for an entry that needs data, such as a
/// badge), invoked with the caller. The layout shows them by <see cref="Order"/>.
/// </summary>
public sealed record NavEntry(NavPlace Place, int Order, string? Href = null, string? Label = null, Func<Caller, bool>? ShownTo = null, Type? Component = null);

/// <summary>A panel a feature puts on the couple's home: a view component invoked with the caller, shown by <see cref="Order"/>.</summary>
public sealed record HomePanel(Type Component, int Order);

/// <summary>How a feature contributes its navigation entries and home panels from its own <c>AddXxx()</c>.</summary>
public static class FeatureParts
{
    /// <summary>A plain link: <paramref name="href"/> is also the path under which it is marked as the current page.</summary>
    public static IServiceCollection AddNavLink(this IServiceCollection services, NavPlace place, int order, string href, string label, Func<Caller, bool> shownTo)
        => services.AddSingleton(new NavEntry(place, order, href, label, shownTo));

    /// <summary>An entry that needs data: a view component whose <c>InvokeAsync(Caller caller)</c> renders its <c>&lt;li&gt;</c>s.</summary>
    public static IServiceCollection AddNavComponent<TComponent>(this IServiceCollection services, NavPlace place, int order)
        where TComponent : ViewComponent
        => services.AddSingleton(new NavEntry(place, order, Component: typeof(TComponent)));

    /// <summary>A panel on the couple's home: a view component whose <c>InvokeAsync(Caller caller)</c> loads and renders it.</summary>
    public static IServiceCollection AddHomePanel<TComponent>(this IServiceCollection services, int order)
        where TComponent : ViewComponent
        => services.AddSingleton(new HomePanel(typeof(TComponent), order));
}
