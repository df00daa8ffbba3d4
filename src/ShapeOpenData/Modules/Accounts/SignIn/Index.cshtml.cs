using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Accounts.SignIn;

/// <summary>
/// Signing in. Every refusal looks the same, so the page never tells a stranger whether an address has an account, is
/// locked or is not confirmed; the owner is told by email instead (<see cref="SignInNotices"/>).
/// </summary>
[EnableRateLimiting(RateLimits.Authentication)]
public sealed class IndexModel(SignInManager<User> signIn, UserManager<User> users, SignInNotices notices) : PageModel
{
    public const string Refusal = "Enter a correct email address and password";

    // A password hash to check against when there is no account's own, so that every refusal costs one hash check.
    private static readonly string Decoy = new PasswordHasher<User>().HashPassword(new User(), "no account has this password");

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => User.IsSignedIn() ? LocalRedirect(Forms.SafeReturnUrl(ReturnUrl)) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
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
            users.PasswordHasher.VerifyHashedPassword(new User(), Decoy, Password!);
            return Refused();
        }
        var wasLockedOut = await users.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Forms.SafeReturnUrl(ReturnUrl));
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Accounts/SignIn/TwoFactor", new { returnUrl = Forms.SafeReturnUrl(ReturnUrl) });
        }
        if (wasLockedOut || result.IsNotAllowed)
        {
            // Identity refuses these before looking at the password; look at it anyway, so they take as long as a wrong one.
            users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash ?? Decoy, Password!);
        }
        if (result.IsLockedOut)
        {
            await notices.LockedOutAsync(user, cancellationToken);
        }
        else if (result.IsNotAllowed)
        {
            await notices.UnconfirmedAsync(user, cancellationToken);
        }
        return Refused();
    }

    private PageResult Refused()
    {
        ModelState.AddModelError(nameof(Email), Refusal);
        return this.Invalid();
    }
}
