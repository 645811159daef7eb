using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutuality.Domain.People;
using Mutuality.Web.Data;

namespace Mutuality.Web.Features.Account.Manage;

public sealed class IndexModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public string Email { get; private set; } = string.Empty;

    public bool TwoFactorEnabled { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public sealed class ProfileInput
    {
        [Required(ErrorMessage = "Display name: please tell us what to call you.")]
        [StringLength(PersonRules.DisplayNameMaxLength, ErrorMessage = "Display name: use at most 60 characters.")]
        [Display(Name = "Display name")]
        public string DisplayName { get; set; } = string.Empty;

        [Display(Name = "Time zone")]
        public string TimeZoneId { get; set; } = string.Empty;
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Load(user);
        Input = new ProfileInput { DisplayName = user.DisplayName, TimeZoneId = user.TimeZoneId };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Load(user);
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

        user.DisplayName = name.Value;
        user.TimeZoneId = zone.Value;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        Status = "Saved.";
        return RedirectToPage();
    }

    private void Load(AppUser user)
    {
        Email = user.Email ?? string.Empty;
        TwoFactorEnabled = user.TwoFactorEnabled;
    }
}
