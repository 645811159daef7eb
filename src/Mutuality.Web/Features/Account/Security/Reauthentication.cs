using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Mutuality.Web.Data;

namespace Mutuality.Web.Features.Account.Security;

public enum ReauthenticationOutcome
{
    Confirmed,
    Missing,
    Wrong,
    LockedOut,
}

/// <summary>
/// Asking a signed-in person to prove it is them again before a change that weakens or moves their account (turning
/// two-step off, new recovery codes, a new e-mail address): their password, or — when two-step is on — a current code
/// from their app (a code counts once, as at sign-in). Wrong answers count toward the same lockout as signing in, so a
/// borrowed session cannot guess its way through.
/// </summary>
public static partial class Reauthentication
{
    public static async Task<ReauthenticationOutcome> CheckAsync(UserManager<AppUser> users, SignInManager<AppUser> signIn, AppUser user, string? given)
    {
        if (string.IsNullOrWhiteSpace(given))
        {
            return ReauthenticationOutcome.Missing;
        }

        // A password is at least 10 characters, so six digits can only be a code.
        if (user.TwoFactorEnabled && CodeShape().IsMatch(given))
        {
            if (await users.IsLockedOutAsync(user))
            {
                return ReauthenticationOutcome.LockedOut;
            }

            var code = new string([.. given.Where(char.IsAsciiDigit)]);
            if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.ResetAccessFailedCountAsync(user);
                return ReauthenticationOutcome.Confirmed;
            }

            await users.AccessFailedAsync(user);
            return await users.IsLockedOutAsync(user) ? ReauthenticationOutcome.LockedOut : ReauthenticationOutcome.Wrong;
        }

        if (given.Length > 128)
        {
            return ReauthenticationOutcome.Wrong;
        }

        var check = await signIn.CheckPasswordSignInAsync(user, given, lockoutOnFailure: true);
        return check.Succeeded ? ReauthenticationOutcome.Confirmed
            : check.IsLockedOut ? ReauthenticationOutcome.LockedOut
            : ReauthenticationOutcome.Wrong;
    }

    /// <summary>The message for a field named <paramref name="field"/> when the check did not confirm.</summary>
    public static string Message(ReauthenticationOutcome outcome, string field, bool codeAllowed) => outcome switch
    {
        ReauthenticationOutcome.Missing => codeAllowed
            ? $"{field}: please enter your password, or the current code from your authenticator app, to confirm. Nothing has been changed."
            : $"{field}: please enter your password to confirm. Nothing has been changed.",
        ReauthenticationOutcome.LockedOut => $"{field}: too many wrong attempts; please wait 15 minutes. Nothing has been changed.",
        _ => codeAllowed
            ? $"{field}: that isn't your password or a current code from your app (each code works once). Nothing has been changed."
            : $"{field}: that isn't your password. Nothing has been changed.",
    };

    [GeneratedRegex(@"^\s*\d{3}\s?-?\d{3}\s*$")]
    private static partial Regex CodeShape();
}
