using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Mutuality.Web.Data;

namespace Mutuality.Web.Features.Account.Security;

/// <summary>
/// Identity's user manager, safe under simultaneous sign-in attempts for one account. Identity updates the user row
/// with an optimistic concurrency check; when two attempts race, the loser's update fails and, left as it was, the
/// user stays tracked as modified (the next save of anything in the request then throws) and its wrong password is
/// never counted. Here a lost race reloads the row and applies the change again, so every wrong password counts
/// toward lockout, and a failed update never leaves a stale user behind in the request.
/// </summary>
public sealed class RaceSafeUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger,
    AppDbContext db)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    // Each retry follows a lost race, which means another attempt's change was saved: the loop ends quickly.
    private const int MaxAttempts = 50;

    public override Task<IdentityResult> AccessFailedAsync(AppUser user) => RetryAsync(user, () => base.AccessFailedAsync(user));

    public override Task<IdentityResult> ResetAccessFailedCountAsync(AppUser user) => RetryAsync(user, () => base.ResetAccessFailedCountAsync(user));

    protected override async Task<IdentityResult> UpdateUserAsync(AppUser user)
    {
        var result = await base.UpdateUserAsync(user);
        if (IsLostRace(result))
        {
            // Forget the change that lost, so nothing else saved in this request tries it again.
            await db.Entry(user).ReloadAsync();
        }

        return result;
    }

    private async Task<IdentityResult> RetryAsync(AppUser user, Func<Task<IdentityResult>> change)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await change();
            if (!IsLostRace(result) || attempt >= MaxAttempts)
            {
                return result;
            }

            Logger.LogInformation("A simultaneous change to the same account won a race; applying this one again on the fresh row");
        }
    }

    private static bool IsLostRace(IdentityResult result)
        => !result.Succeeded && result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure));
}
