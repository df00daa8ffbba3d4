using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Accounts;

[EnableRateLimiting(RateLimits.Authentication)]
public sealed class ResetPasswordModel(AppDbContext db, UserManager<User> users, ApiTokens tokens) : PageModel
{
    [BindProperty(SupportsGet = true)] public int UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public string? Password { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter a new password");
            return this.Invalid();
        }
        var user = await users.FindByIdAsync(UserId.ToString(CultureInfo.InvariantCulture));
        if (user is null || user.DeletedAt is not null || string.IsNullOrEmpty(Code))
        {
            ModelState.AddModelError("", "This link has expired or has already been used. Ask for a new one");
            return this.Invalid();
        }
        var result = await db.InOneTransactionAsync(async () =>
        {
            var reset = await users.ResetPasswordAsync(user, Code, Password);
            if (reset.Succeeded)
            {
                // A reset also ends a lockout: the person has proved they hold the email address. Their tokens go, in
                // case the reset is because someone else had the password.
                await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
                await tokens.RevokeAllAsync(user.Id, "revoked_password_reset", user.Id, cancellationToken);
            }
            return reset;
        }, cancellationToken);
        if (!result.Succeeded)
        {
            IdentityMessages.AddTo(ModelState, result);
            return this.Invalid();
        }
        TempData.Success("Your password has been changed. Sign in with your new password");
        return RedirectToPage("/Accounts/SignIn/Index");
    }
}
