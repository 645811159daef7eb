using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Account.Privacy;
using Mutuality.Web.Infrastructure.Couples;
using Phone = Mutuality.Web.Features.Phone;

namespace Mutuality.Web.Features.Account.Manage;

/// <summary>Deleting one's account: says exactly what happens, then asks for the password again.</summary>
public sealed class DeleteModel(CallerContext callers, UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountDeletion deletion) : PageModel
{
    public Caller Caller { get; private set; } = null!;

    [BindProperty]
    public DeleteInput Input { get; set; } = new();

    public sealed class DeleteInput
    {
        [Required(ErrorMessage = "Password: please enter your password to confirm.")]
        [StringLength(128, ErrorMessage = "Password: use at most 128 characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "Your password")]
        public string Password { get; set; } = string.Empty;
    }

    public async Task OnGetAsync() => Caller = await callers.RequireAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        Caller = await callers.RequireAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var check = await signIn.CheckPasswordSignInAsync(user, Input.Password, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            ModelState.AddModelError("Input.Password", check.IsLockedOut
                ? "Password: too many wrong attempts; please wait 15 minutes. Nothing has been deleted."
                : "Password: that isn't your password. Nothing has been deleted.");
            return Page();
        }

        await deletion.DeleteAsync(user.Id, HttpContext.RequestAborted);
        await signIn.SignOutAsync();
        Phone.SiteData.Clear(Response, cookiesToo: true); // issue 15
        TempData["Status"] = "Your account and everything you wrote have been deleted. Take care.";
        return Redirect("/");
    }
}
