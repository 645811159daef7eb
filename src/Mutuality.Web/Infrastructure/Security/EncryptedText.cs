using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Mutuality.Web.Infrastructure.Security;

/// <summary>
/// Marks a free-text property (a note, a need, a reflection…) to be stored encrypted at rest with the
/// app's ASP.NET Core Data Protection keys. Queries and projections read it back as plain text; the
/// database file, its backups and anyone reading the tables see only ciphertext.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EncryptedAttribute : Attribute;

/// <summary>Protects text on the way into the database and unprotects it on the way out.</summary>
public sealed class ProtectedTextConverter(IDataProtector protector)
    : ValueConverter<string, string>(v => protector.Protect(v), v => protector.Unprotect(v))
{
    public const string Purpose = "Mutuality.EncryptedText.v1";
}

/// <summary>
/// The same protection for Identity's two-step secrets (the authenticator key and the recovery codes, in
/// AspNetUserTokens), which older versions stored as plain text. Those rows are still read (a person with two-step on
/// keeps signing in) and are rewritten encrypted at start-up (<see cref="TwoStepSecrets"/>); every write is encrypted.
/// A protected value always begins with Data Protection's magic header, which plain keys and codes (upper-case letters and digits) never do.
/// </summary>
public sealed class ProtectedSecretConverter(IDataProtector protector)
    : ValueConverter<string, string>(
        v => protector.Protect(v),
        v => v.StartsWith(TwoStepSecrets.ProtectedPrefix, StringComparison.Ordinal) ? protector.Unprotect(v) : v);

public static class EncryptedTextModel
{
    /// <summary>The Data Protection provider of the app this context belongs to, if there is one (not at design time).</summary>
    public static IDataProtectionProvider? ProviderOf(DbContext context)
        => context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?
            .GetService(typeof(IDataProtectionProvider)) as IDataProtectionProvider;

    /// <summary>
    /// Puts the converter on every string property marked <see cref="EncryptedAttribute"/>, and lifts its column
    /// length limit (ciphertext is longer than the text; the length rule lives in the domain's validation).
    /// </summary>
    public static void Apply(ModelBuilder builder, DbContext context)
    {
        var provider = ProviderOf(context);
        var converter = provider is null
            ? null // design time (dotnet ef): only the column shape matters
            : new ProtectedTextConverter(provider.CreateProtector(ProtectedTextConverter.Purpose));
        if (provider is not null)
        {
            // Identity's own secrets: the authenticator key and the recovery codes (issue 12, item 11).
            builder.Entity<IdentityUserToken<Guid>>().Property(nameof(IdentityUserToken<Guid>.Value))
                .HasConversion(new ProtectedSecretConverter(provider.CreateProtector(ProtectedTextConverter.Purpose)));
        }

        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if (property.ClrType == typeof(string)
                    && property.PropertyInfo?.GetCustomAttributes(typeof(EncryptedAttribute), inherit: true).Length > 0)
                {
                    property.SetMaxLength(null);
                    if (converter is not null)
                    {
                        property.SetValueConverter(converter);
                    }
                }
            }
        }
    }
}

/// <summary>
/// EF caches one model per context type; the encryption converter belongs to one app's key ring, so the
/// cache key includes that app's Data Protection provider (several hosts in one process, as in tests,
/// each get their own model).
/// </summary>
public sealed class PerAppModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime)
        => (context.GetType(), designTime, EncryptedTextModel.ProviderOf(context));
}
