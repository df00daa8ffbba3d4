using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Accounts.SignIn;

[EnableRateLimiting(RateLimits.Authentication)]
public sealed class RecoveryCodeModel(SignInManager<User> signIn) : PageModel
{
    [BindProperty] public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Accounts/SignIn/Index") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Accounts/SignIn/Index");
        }
        var code = Code?.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (string.IsNullOrEmpty(code))
        {
            ModelState.AddModelError(nameof(Code), "Enter one of your recovery codes");
            return this.Invalid();
        }
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            TempData.Success("You signed in with a recovery code. That code will not work again");
            return Redirect("/account/two-factor");
        }
        ModelState.AddModelError(nameof(Code), "That recovery code is not right or has already been used");
        return this.Invalid();
    }
}
