using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Accounts.SignIn;

[EnableRateLimiting(RateLimits.Authentication)]
public sealed class IndexModel(SignInManager<User> signIn, UserManager<User> users) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => User.IsSignedIn() ? LocalRedirect(Forms.SafeReturnUrl(ReturnUrl)) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var email = ModelState.Email(nameof(Email), Email);
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter your password");
        }
        if (!ModelState.IsValid)
        {
            return this.Invalid();
        }

        var user = await users.FindByEmailAsync(email!);
        if (user is null || user.DeletedAt is not null)
        {
            return Refused("Enter a correct email address and password");
        }
        var result = await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Forms.SafeReturnUrl(ReturnUrl));
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Accounts/SignIn/TwoFactor", new { returnUrl = Forms.SafeReturnUrl(ReturnUrl) });
        }
        if (result.IsLockedOut)
        {
            return Refused("You have entered the wrong password too many times. Wait 15 minutes, then try again, or reset your password");
        }
        if (result.IsNotAllowed)
        {
            return Refused("Confirm your email address before you sign in. Check your email for the link, or ask for a new one");
        }
        return Refused("Enter a correct email address and password");
    }

    private PageResult Refused(string message)
    {
        ModelState.AddModelError(nameof(Email), message);
        return this.Invalid();
    }
}
