using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutuality.Web.Data;

namespace Mutuality.Web.Features.Account.Manage;

public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, Security.SecurityActivity activity) : PageModel
{
    [BindProperty]
    public ChangeInput Input { get; set; } = new();

    [TempData]
    public string? Status { get; set; }

    public sealed class ChangeInput
    {
        [Required(ErrorMessage = "Current password: please enter it.")]
        [StringLength(128, ErrorMessage = "Current password: use at most 128 characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string OldPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "New password: please choose one.")]
        [StringLength(128, MinimumLength = 10, ErrorMessage = "New password: use between 10 and 128 characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = string.Empty;

        [DataType(DataType.Password)]
        [Display(Name = "New password again")]
        [Compare(nameof(NewPassword), ErrorMessage = "New password again: the two passwords are not the same.")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, Input.OldPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var isMismatch = error.Code == "PasswordMismatch";
                ModelState.AddModelError(isMismatch ? "Input.OldPassword" : "Input.NewPassword",
                    isMismatch ? "Current password: that isn't your current password." : $"New password: {error.Description}");
            }

            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        await activity.RecordAsync(user.Id, Security.SecurityEventKinds.PasswordChanged, HttpContext);
        Status = "Your password has been changed.";
        return RedirectToPage("Index");
    }
}
