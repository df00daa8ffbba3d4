using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Accounts;

[Authorize]
public sealed class ChangePasswordModel(AppDbContext db, UserManager<User> users, SignInManager<User> signIn, ApiTokens tokens) : PageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? Password { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
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
        // Tokens made with the old password go with it: whoever learnt it keeps no way in.
        var result = await db.InOneTransactionAsync(async () =>
        {
            var changed = await users.ChangePasswordAsync(user, CurrentPassword!, Password!);
            if (changed.Succeeded)
            {
                await tokens.RevokeAllAsync(user.Id, "revoked_password_changed", user.Id, cancellationToken);
            }
            return changed;
        }, cancellationToken);
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
