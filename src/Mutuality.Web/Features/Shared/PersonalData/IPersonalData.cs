using Microsoft.Extensions.DependencyInjection.Extensions;
using Mutuality.Domain.Common;

namespace Mutuality.Web.Features.Shared.PersonalData;

/// <summary>
/// One feature's part of a person's data (issue 19 item 3): which tables hold it, what deleting the account does to
/// them (the person's rows, and what leaving means for the partner's shared rows), its sections of the export (JSON
/// and CSV) and how an export's section is read back. Each feature registers its own with
/// <see cref="PersonalDataSetup.AddPersonalData{T}"/>; Account runs all of them, deletion in one transaction and
/// an import in one transaction. A table with a person's id or words in it that no part lists fails
/// <c>PersonalDataCoverageTests</c>.
/// </summary>
public interface IPersonalData
{
    /// <summary>The entity types whose rows this part deletes, exports or keeps without the person.</summary>
    IReadOnlyCollection<Type> Entities { get; }

    /// <summary>Deletes the person's rows and takes their words and id off the partner's (inside Account's transaction).</summary>
    Task DeleteAsync(PersonLeaving person, CancellationToken ct);

    /// <summary>Fills this part's sections of the export.</summary>
    Task<ExportDocument> ExportAsync(PersonExporting person, ExportDocument doc, CancellationToken ct) => Task.FromResult(doc);

    /// <summary>Writes this part's CSV files into the export's ZIP.</summary>
    void WriteCsv(ExportDocument doc, ExportCsv csv)
    {
    }

    /// <summary>
    /// Reads this part's sections of an export back (inside Account's transaction, after the parts before it): checks
    /// them with the domain's rules, refuses with a message naming the item, else adds the rows; returns how many
    /// items it brought in. Account saves after each part and rolls everything back when one refuses.
    /// </summary>
    Task<Result<int>> ImportAsync(PersonImporting person, ExportDocument export, CancellationToken ct) => Task.FromResult(Result<int>.Ok(0));
}

/// <summary>The person whose account is being deleted: every couple space they were in, the one they are in now.</summary>
public sealed record PersonLeaving(Guid UserId, IReadOnlyList<Guid> Couples, Guid? ActiveCouple, DateTime Now);

/// <summary>The person exporting, their current couple space and partner (what the partner lets them see comes from there only).</summary>
public sealed record PersonExporting(Guid UserId, Guid? ActiveCouple, Guid? PartnerId, DateTime Now)
{
    /// <summary>"me" or "partner", from the exporting person's point of view.</summary>
    public string Who(Guid id) => id == UserId ? ExportDocument.Me : ExportDocument.Partner;
}

/// <summary>The person importing into the couple space of their own the import made, and the ids already brought in.</summary>
public sealed class PersonImporting(Guid userId, Guid coupleId, DateTime now)
{
    private readonly HashSet<Guid> _ids = [];

    public Guid UserId { get; } = userId;

    public Guid CoupleId { get; } = coupleId;

    public DateTime Now { get; } = now;

    /// <summary>Notes the ids a part brings in; false when one appeared already in this export (in any part).</summary>
    public bool Claim(IEnumerable<Guid> ids)
    {
        var all = true;
        foreach (var id in ids)
        {
            all &= _ids.Add(id);
        }

        return all;
    }
}

public static class PersonalDataSetup
{
    /// <summary>Registers a feature's part of a person's data (called from the feature's own <c>AddXxx()</c>).</summary>
    public static IServiceCollection AddPersonalData<T>(this IServiceCollection services)
        where T : class, IPersonalData
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IPersonalData, T>());
        return services;
    }
}
