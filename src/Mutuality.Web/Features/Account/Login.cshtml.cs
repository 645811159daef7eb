using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Account.Security;
using Mutuality.Web.Infrastructure.Hosting;
using Mutuality.Web.Infrastructure.Mail;

namespace Mutuality.Web.Features.Account;

[EnableRateLimiting(AppSetup.AuthRateLimit)]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, SecurityActivity activity, UnknownAccountCost unknown) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    public string ReturnUrl { get; private set; } = "/";

    public bool NeedsConfirmation { get; private set; }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "E-mail: please enter your e-mail address.")]
        [StringLength(254, ErrorMessage = "E-mail: use at most 254 characters.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Password: please enter your password.")]
        [StringLength(128, ErrorMessage = "Password: use at most 128 characters.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = string.Empty;

        [Display(Name = "Keep me signed in on this device")]
        public bool RememberMe { get; set; }
    }

    public void OnGet(string? returnUrl = null) => ReturnUrl = AccountLinks.SafeReturnUrl(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = AccountLinks.SafeReturnUrl(returnUrl);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // No account enumeration: an unknown address, an unconfirmed and a locked account all answer like a wrong
        // password, after exactly the same password-hashing work (one check), until the right password is given.
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            unknown.CheckAgainstNobody(users.PasswordHasher, Input.Password);
            return WrongPassword();
        }

        var locked = await users.IsLockedOutAsync(user);
        if (locked || !await signIn.CanSignInAsync(user))
        {
            if (locked)
            {
                await activity.RecordAsync(user.Id, SecurityEventKinds.LockedOut, HttpContext);
            }

            if (!await users.CheckPasswordAsync(user, Input.Password))
            {
                return WrongPassword();
            }

            if (locked)
            {
                ModelState.AddModelError(string.Empty, "This account is locked for 15 minutes after several attempts that didn't match. Try again later, or reset your password.");
                return Page();
            }

            NeedsConfirmation = true;
            ModelState.AddModelError(string.Empty, "Please confirm your e-mail address first: open the link we sent you.");
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl);
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("LoginWith2fa", new { returnUrl = ReturnUrl, rememberMe = Input.RememberMe });
        }

        await activity.RecordAsync(user.Id, result.IsLockedOut ? SecurityEventKinds.LockedOut : SecurityEventKinds.SignInFailed, HttpContext);
        return WrongPassword();
    }

    /// <summary>The one answer for a wrong password, an unknown address, and an unconfirmed or locked account.</summary>
    private PageResult WrongPassword()
    {
        ModelState.AddModelError(string.Empty, "That e-mail and password don't match an account. Check them and try again.");
        return Page();
    }
}
