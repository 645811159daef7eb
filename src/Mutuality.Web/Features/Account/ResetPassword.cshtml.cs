using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Mutuality.Web.Data;
using Mutuality.Web.Infrastructure.Hosting;
using Mutuality.Web.Infrastructure.Mail;

namespace Mutuality.Web.Features.Account;

[EnableRateLimiting(AppSetup.AuthRateLimit)]
public sealed class ResetPasswordModel(UserManager<AppUser> users, Security.SecurityActivity activity) : PageModel
{
    [BindProperty]
    public ResetInput Input { get; set; } = new();

    public bool Done { get; private set; }

    public sealed class ResetInput
    {
        [Required(ErrorMessage = "E-mail: please enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "E-mail: this doesn't look like an e-mail address (like name@example.org).")]
        [StringLength(254, ErrorMessage = "E-mail: use at most 254 characters.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Password: please choose a new password.")]
        [StringLength(128, MinimumLength = 10, ErrorMessage = "Password: use between 10 and 128 characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string Password { get; set; } = string.Empty;

        [DataType(DataType.Password)]
        [Display(Name = "New password again")]
        [Compare(nameof(Password), ErrorMessage = "New password again: the two passwords are not the same.")]
        public string ConfirmPassword { get; set; } = string.Empty;

        [StringLength(4000)]
        public string Code { get; set; } = string.Empty;
    }

    public IActionResult OnGet(string? code = null)
    {
        Input.Code = code ?? string.Empty;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var token = AccountLinks.DecodeToken(Input.Code);
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (token is null || user is null)
        {
            ModelState.AddModelError(string.Empty, "This reset link doesn't work for that e-mail. Links expire; ask for a new one.");
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var isToken = error.Code == "InvalidToken";
                ModelState.AddModelError(isToken ? string.Empty : "Input.Password",
                    isToken ? "This reset link doesn't work for that e-mail. Links expire; ask for a new one." : $"New password: {error.Description}");
            }

            return Page();
        }

        await users.ResetAccessFailedCountAsync(user);
        await activity.RecordAsync(user.Id, Security.SecurityEventKinds.PasswordReset, HttpContext);
        Done = true;
        return Page();
    }
}
