using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Accounts.TwoFactor;

[Authorize]
public sealed class SetUpModel(UserManager<User> users, SignInManager<User> signIn, IOptions<ServiceOptions> service) : PageModel
{
    [BindProperty] public string? Code { get; set; }

    public string Key { get; private set; } = "";
    public string QrCode { get; private set; } = "";
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (user.TwoFactorEnabled)
        {
            return Redirect("/account/two-factor");
        }
        await ShowKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        var code = TwoFactorCodes.Normalise(Code);
        if (code is null || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), code is null
                ? "Enter the 6-digit code from your authenticator app"
                : "The code is not right or has expired. Enter the code your app shows now");
            await ShowKeyAsync(user);
            return this.Invalid();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        // Staff roles waiting for two-factor authentication take effect now.
        await signIn.RefreshSignInAsync(user);
        return Page();
    }

    private async Task ShowKeyAsync(User user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // Making a key changes the security stamp: this session is refreshed so it is not signed out a minute later.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        Key = key!;
        QrCode = TwoFactorCodes.QrCodeDataUri(TwoFactorCodes.AuthenticatorUri(service.Value.Name, user.Email!, Key));
    }
}
