using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Accounts.TwoFactor;

/// <summary>
/// Two-factor authentication on or off, and new recovery codes. Turning it off and new codes ask for the password (or a
/// code) again, so a taken-over session cannot weaken the account; turning it off also revokes the person's API tokens.
/// </summary>
[Authorize]
public sealed class IndexModel(
    AppDbContext db, UserManager<User> users, SignInManager<User> signIn, IdentityCheck identity, ApiTokens tokens, TimeProvider clock) : PageModel
{
    [BindProperty] public string? TurnOffPassword { get; set; }
    [BindProperty] public string? NewCodesPassword { get; set; }

    public bool IsOn { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostTurnOffAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (await identity.CheckAsync(user, TurnOffPassword) is { } wrong)
        {
            return await RefuseAsync(user, nameof(TurnOffPassword), wrong);
        }
        await db.InOneTransactionAsync(async () =>
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.ResetAuthenticatorKeyAsync(user);
            await tokens.RevokeAllAsync(user.Id, "revoked_two_factor_off", user.Id, cancellationToken);
            db.AuditEntries.Add(AuditEntry.Of(AccountsModule.AccountItemType, user.Id, "two_factor_turned_off", user.Id, clock.UtcNow(),
                new { TwoFactor = true }, new { TwoFactor = false }));
            return await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        await signIn.RefreshSignInAsync(user);
        TempData.Success("Two-factor authentication is off");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostNewRecoveryCodesAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { TwoFactorEnabled: true } user)
        {
            return RedirectToPage();
        }
        if (await identity.CheckAsync(user, NewCodesPassword) is { } wrong)
        {
            return await RefuseAsync(user, nameof(NewCodesPassword), wrong);
        }
        NewRecoveryCodes = await db.InOneTransactionAsync(async () =>
        {
            IReadOnlyList<string> codes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
            db.AuditEntries.Add(AuditEntry.Of<object>(AccountsModule.AccountItemType, user.Id, "recovery_codes_renewed", user.Id, clock.UtcNow(), null, null));
            await db.SaveChangesAsync(cancellationToken);
            return codes;
        }, cancellationToken);
        IsOn = true;
        RecoveryCodesLeft = NewRecoveryCodes.Count;
        return Page();
    }

    private async Task<IActionResult> RefuseAsync(User user, string field, string message)
    {
        ModelState.AddModelError(field, message);
        await LoadAsync(user);
        return this.Invalid();
    }

    private async Task LoadAsync(User user)
    {
        IsOn = user.TwoFactorEnabled;
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
    }
}
