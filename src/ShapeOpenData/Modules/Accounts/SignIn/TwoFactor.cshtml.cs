using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Accounts.SignIn;

/// <summary>The second step of signing in: a code from the person's authenticator app.</summary>
[EnableRateLimiting(RateLimits.Authentication)]
public sealed class TwoFactorModel(SignInManager<User> signIn) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Accounts/SignIn/Index") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Accounts/SignIn/Index");
        }
        var code = TwoFactorCodes.Normalise(Code);
        if (code is null)
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app");
            return this.Invalid();
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(Forms.SafeReturnUrl(ReturnUrl));
        }
        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? "You have entered the wrong code too many times. Wait 15 minutes, then try again"
            : "The code is not right or has expired. Enter the code your app shows now");
        return this.Invalid();
    }
}
