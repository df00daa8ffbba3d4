using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Accounts;

/// <summary>
/// Deleting an account removes the person's details, roles, tokens and sign-in, and keeps what they
/// contributed under "Former participant". The audit log keeps that the roles and tokens went, and nothing of who they were.
/// </summary>
[Authorize]
public sealed class DeleteModel(
    AppDbContext db, UserManager<User> users, SignInManager<User> signIn, ApiTokens tokens, AccountEmails emails, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Password { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter your password to delete your account");
            return this.Invalid();
        }
        if (!await users.CheckPasswordAsync(user, Password))
        {
            ModelState.AddModelError(nameof(Password), "Your password is not right");
            return this.Invalid();
        }

        var (email, name) = (user.Email!, user.DisplayName);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.Entry(user).Collection(u => u.PublisherMemberships).LoadAsync(cancellationToken);
            var roles = await RolesSnapshot.OfAsync(db, user.Id, cancellationToken);
            await tokens.RemoveAllAsync(user.Id, cancellationToken);
            await db.UserRoles.Where(r => r.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
            await db.UserClaims.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
            await db.UserLogins.Where(l => l.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
            await db.UserTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
            var now = clock.UtcNow();
            user.Anonymise(now);
            db.AuditEntries.Add(AuditEntry.Of(AccountsModule.AccountItemType, user.Id, "deleted", user.Id, now, roles, new RolesSnapshot([], [])));
            // Saves the account, its audit entry and its new security stamp together.
            await users.UpdateSecurityStampAsync(user);
            await transaction.CommitAsync(cancellationToken);
        }
        await signIn.SignOutAsync();
        await emails.SendAccountDeletedAsync(email, name, cancellationToken);
        TempData.Success("Your account has been deleted");
        return Redirect("/");
    }
}
