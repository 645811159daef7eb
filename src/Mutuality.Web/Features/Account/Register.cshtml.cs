using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Mutuality.Domain.People;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Hosting;
using Mutuality.Web.Infrastructure.Mail;

namespace Mutuality.Web.Features.Account;

[EnableRateLimiting(AppSetup.AuthRateLimit)]
public sealed class RegisterModel(
    UserManager<AppUser> users,
    IEmailSender<AppUser> mailer,
    IMailSender mail,
    AccountLinks links,
    TimeProvider clock,
    RegisteredHere registeredHere) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public string? ReturnUrl { get; set; }

    public sealed class RegisterInput
    {
        [Required(ErrorMessage = "E-mail: please enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "E-mail: this doesn't look like an e-mail address (like name@example.org).")]
        [StringLength(254, ErrorMessage = "E-mail: use at most 254 characters.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Display name: please tell us what to call you.")]
        [StringLength(PersonRules.DisplayNameMaxLength, ErrorMessage = "Display name: use at most 60 characters.")]
        [Display(Name = "Display name")]
        public string DisplayName { get; set; } = string.Empty;

        [Display(Name = "Time zone")]
        public string TimeZoneId { get; set; } = string.Empty;

        [Required(ErrorMessage = "Password: please choose a password.")]
        [StringLength(128, MinimumLength = 10, ErrorMessage = "Password: use between 10 and 128 characters.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = string.Empty;

        [Required(ErrorMessage = "Password again: please type the same password a second time.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password again")]
        [Compare(nameof(Password), ErrorMessage = "Password again: the two passwords are not the same.")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }

    /// <summary>Outside Development without Mail:PublicBaseUrl no confirmation link can be sent, so no account is made: the page says why.</summary>
    public bool NoPublicAddress { get; private set; }

    public void OnGet(string? returnUrl = null)
    {
        ReturnUrl = AccountLinks.SafeReturnUrl(returnUrl);
        NoPublicAddress = !links.CanLink(Request);
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = AccountLinks.SafeReturnUrl(returnUrl);
        NoPublicAddress = !links.CanLink(Request);
        if (NoPublicAddress)
        {
            return Page();
        }

        var name = PersonRules.DisplayName(Input.DisplayName);
        if (!name.IsSuccess)
        {
            ModelState.AddModelError("Input.DisplayName", name.Error!.Message);
        }

        var zone = PersonRules.TimeZone(Input.TimeZoneId);
        if (!zone.IsSuccess)
        {
            ModelState.AddModelError("Input.TimeZoneId", zone.Error!.Message);
        }

        var email = (Input.Email ?? string.Empty).Trim();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            DisplayName = name.IsSuccess ? name.Value : string.Empty,
            TimeZoneId = zone.IsSuccess ? zone.Value : string.Empty,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };

        // The password rules come first and answer the same whether or not the address has an account.
        if (ModelState.IsValid)
        {
            foreach (var validator in users.PasswordValidators)
            {
                var checkedPassword = await validator.ValidateAsync(users, user, Input.Password);
                foreach (var error in checkedPassword.Errors)
                {
                    ModelState.AddModelError("Input.Password", $"Password: {error.Description}");
                }
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            // Don't reveal that the address has an account: the same hashing work as creating one, the same
            // "check your e-mail" answer, and the owner gets an e-mail instead of a confirmation link.
            _ = users.PasswordHasher.HashPassword(user, Input.Password);
            await mail.SendAsync(new OutgoingMail(email, existing.DisplayName, "Someone tried to create a Mutuality account with your e-mail",
                "Someone tried to create an account with this e-mail address, which already has one. If it was you, sign in or reset your password. If not, you can ignore this.",
                "<p>Someone tried to create an account with this e-mail address, which already has one. If it was you, sign in or reset your password. If not, you can ignore this.</p>"));
            registeredHere.Remember(Response, Guid.NewGuid()); // the same answer as a new account, down to the cookie; it matches nobody
            return RedirectToPage("RegisterConfirmation");
        }

        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                var field = error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email";
                var label = field == "Input.Password" ? "Password" : "E-mail";
                ModelState.AddModelError(field, $"{label}: {error.Description}");
            }

            return Page();
        }

        await SendConfirmation(users, mailer, links, Request, user, ReturnUrl);
        registeredHere.Remember(Response, user.Id); // issue 16: the link opened in this browser signs in
        return RedirectToPage("RegisterConfirmation");
    }

    internal static async Task SendConfirmation(UserManager<AppUser> users, IEmailSender<AppUser> mailer, AccountLinks links, HttpRequest request, AppUser user, string returnUrl)
    {
        var code = AccountLinks.EncodeToken(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = links.Absolute(request, $"/Account/ConfirmEmail?userId={user.Id}&code={code}&returnUrl={Uri.EscapeDataString(returnUrl)}");
        await mailer.SendConfirmationLinkAsync(user, user.Email!, link!); // callers check CanLink first
    }
}
