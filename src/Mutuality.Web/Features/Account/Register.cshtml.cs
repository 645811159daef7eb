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
    TimeProvider clock) : PageModel
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

        [DataType(DataType.Password)]
        [Display(Name = "Password again")]
        [Compare(nameof(Password), ErrorMessage = "Password again: the two passwords are not the same.")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }

    public void OnGet(string? returnUrl = null) => ReturnUrl = AccountLinks.SafeReturnUrl(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = AccountLinks.SafeReturnUrl(returnUrl);
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

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            // Don't reveal that the address has an account; tell its owner instead.
            await mail.SendAsync(new OutgoingMail(email, existing.DisplayName, "Someone tried to create a Mutuality account with your e-mail",
                "Someone tried to create an account with this e-mail address, which already has one. If it was you, sign in or reset your password. If not, you can ignore this.",
                "<p>Someone tried to create an account with this e-mail address, which already has one. If it was you, sign in or reset your password. If not, you can ignore this.</p>"));
            return RedirectToPage("RegisterConfirmation");
        }

        var user = new AppUser
        {
            UserName = email,
            Email = email,
            DisplayName = name.Value,
            TimeZoneId = zone.Value,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
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
        return RedirectToPage("RegisterConfirmation");
    }

    internal static async Task SendConfirmation(UserManager<AppUser> users, IEmailSender<AppUser> mailer, AccountLinks links, HttpRequest request, AppUser user, string returnUrl)
    {
        var code = AccountLinks.EncodeToken(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = links.Absolute(request, $"/Account/ConfirmEmail?userId={user.Id}&code={code}&returnUrl={Uri.EscapeDataString(returnUrl)}");
        await mailer.SendConfirmationLinkAsync(user, user.Email!, link);
    }
}
