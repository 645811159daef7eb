using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutuality.Web.Data;
using QRCoder;

namespace Mutuality.Web.Features.Account.Manage;

/// <summary>Two-step sign-in with an authenticator app (TOTP) and one-time recovery codes, all through Identity.</summary>
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, Security.SecurityActivity activity) : PageModel
{
    public bool Enabled { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public string SharedKey { get; private set; } = string.Empty;

    public string QrCodeDataUri { get; private set; } = string.Empty;

    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    /// <summary>The password, or a current code from the app, asked again before new recovery codes or turning two-step off.</summary>
    [BindProperty]
    [Display(Name = "Your password, or a code from your app")]
    public string? Confirm { get; set; }

    /// <summary>Which of the two confirmed forms ("RecoveryCodes" or "Disable") was refused, to show its message there.</summary>
    public string? Refused { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Code: enter the 6-digit code your app shows.")]
    [RegularExpression(@"^\s*\d{3}\s?-?\d{3}\s*$", ErrorMessage = "Code: enter the 6 digits your app shows.")]
    [Display(Name = "Code from your app")]
    public string Code { get; set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        var code = new string([.. Code.Where(char.IsDigit)]);
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError(nameof(Code), "Code: that code didn't match. Check the app shows Mutuality and try the current code.");
            await LoadAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await activity.RecordAsync(user.Id, Security.SecurityEventKinds.TwoFactorOn, HttpContext);
        NewRecoveryCodes = [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!];
        await signIn.RefreshSignInAsync(user);
        ModelState.Clear();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        ModelState.Clear();
        if (user.TwoFactorEnabled && !await ConfirmedAsync(user, "RecoveryCodes"))
        {
            await LoadAsync(user);
            return Page();
        }

        if (user.TwoFactorEnabled)
        {
            await activity.RecordAsync(user.Id, Security.SecurityEventKinds.RecoveryCodesMade, HttpContext);
            NewRecoveryCodes = [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!];
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        ModelState.Clear();
        if (user.TwoFactorEnabled && !await ConfirmedAsync(user, "Disable"))
        {
            await LoadAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await activity.RecordAsync(user.Id, Security.SecurityEventKinds.TwoFactorOff, HttpContext);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        ModelState.Clear();
        await LoadAsync(user);
        return Page();
    }

    private async Task<bool> ConfirmedAsync(AppUser user, string form)
    {
        var outcome = await Security.Reauthentication.CheckAsync(users, signIn, user, Confirm);
        if (outcome == Security.ReauthenticationOutcome.Confirmed)
        {
            return true;
        }

        Refused = form;
        ModelState.AddModelError(nameof(Confirm), Security.Reauthentication.Message(outcome, "Password or code", codeAllowed: true));
        return false;
    }

    private async Task LoadAsync(AppUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        if (Enabled)
        {
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        SharedKey = FormatKey(key!);
        var uri = $"otpauth://totp/{Uri.EscapeDataString("Mutuality:" + user.Email)}?secret={key}&issuer=Mutuality&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(png);
    }

    private static string FormatKey(string key)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            builder.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return builder.ToString().ToLowerInvariant().TrimEnd();
    }
}
