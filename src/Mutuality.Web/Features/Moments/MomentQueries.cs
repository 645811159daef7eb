using Microsoft.EntityFrameworkCore;
using Mutuality.Domain.Support;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Shared;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Moments;

/// <summary>A moment as a page shows it.</summary>
public sealed record MomentView(
    Guid Id,
    bool Mine,
    string AuthorName,
    MomentKind Kind,
    MomentDirection Direction,
    SupportType Type,
    string Note,
    string? Link,
    DateTime OccurredAtUtc,
    Visibility Visibility,
    MomentResponseKind? ResponseKind,
    int? ResponseRating,
    string? ResponseNote,
    PebbleReaction? Reaction)
{
    /// <summary>Given by the partner, not (yet) acknowledged: shown as quiet support, never as a failure.</summary>
    public bool IsQuietSupport => Kind == MomentKind.Moment && Direction == MomentDirection.Gave && ResponseKind is null;

    public bool CanRespond(Guid viewer) => !Mine && Kind == MomentKind.Moment && Direction == MomentDirection.Gave && Visibility == Visibility.Shared;

    public string Headline(string partnerName) => (Mine, Kind, Direction) switch
    {
        (_, MomentKind.Pebble, _) => Mine ? $"You sent {partnerName} a pebble" : $"{AuthorName} sent you a pebble",
        (true, _, MomentDirection.Gave) => $"You gave {SupportText.TypeWord(Type)} support",
        (true, _, _) => $"You received {SupportText.TypeWord(Type)} support",
        (false, _, MomentDirection.Gave) => $"{AuthorName} gave you {SupportText.TypeWord(Type)} support",
        _ => $"{AuthorName} received {SupportText.TypeWord(Type)} support from you",
    };
}

/// <summary>Reads of moments: always the caller's couple, always "mine or shared".</summary>
public static class MomentQueries
{
    /// <summary>The moments the caller may see: their couple's, and of those only their own or shared ones.</summary>
    public static IQueryable<Data.SupportMoment> Visible(AppDbContext db, Caller caller)
        => db.SupportMoments.AsNoTracking()
            .Where(m => m.CoupleId == caller.CoupleId && (m.AuthorId == caller.UserId || m.Visibility == Visibility.Shared));

    public static IQueryable<MomentView> ToView(this IQueryable<Data.SupportMoment> moments, Caller caller)
        => moments.Select(m => new MomentView(
                m.Id,
                m.AuthorId == caller.UserId,
                m.AuthorId == caller.UserId ? caller.DisplayName : (caller.PartnerName ?? "Your partner"),
                m.Kind,
                m.Direction,
                m.Type,
                m.Note,
                m.Link,
                m.OccurredAtUtc,
                m.Visibility,
                m.ResponseKind,
                m.ResponseRating,
                m.ResponseNote,
                m.Reaction));
}
