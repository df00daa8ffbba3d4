using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Accounts;

[Authorize]
public sealed class ChangePasswordModel(UserManager<User> users, SignInManager<User> signIn) : PageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? Password { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (string.IsNullOrEmpty(CurrentPassword))
        {
            ModelState.AddModelError(nameof(CurrentPassword), "Enter your current password");
        }
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter a new password");
        }
        if (!ModelState.IsValid)
        {
            return this.Invalid();
        }
        var result = await users.ChangePasswordAsync(user, CurrentPassword!, Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                if (error.Code == "PasswordMismatch")
                {
                    ModelState.AddModelError(nameof(CurrentPassword), "Your current password is not right");
                }
            }
            if (ModelState.IsValid)
            {
                IdentityMessages.AddTo(ModelState, result);
            }
            return this.Invalid();
        }
        await signIn.RefreshSignInAsync(user);
        TempData.Success("Your password has been changed");
        return Redirect("/account");
    }
}
