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
/// Deleting an account: every module lets go of what identifies the person (<see cref="IPersonalData.EraseAsync"/>),
/// the account is anonymised, and what they contributed in public stays under "Former participant" — all in one
/// transaction. The audit log keeps that the roles and tokens went, and nothing of who they were.
/// </summary>
[Authorize]
public sealed class DeleteModel(
    AppDbContext db, UserManager<User> users, SignInManager<User> signIn, IEnumerable<IPersonalData> parts, AccountEmails emails, TimeProvider clock) : PageModel
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
            var roles = await RolesSnapshot.OfAsync(db, user.Id, cancellationToken);
            var leaving = new LeavingPerson(user.Id, email);
            foreach (var part in parts)
            {
                await part.EraseAsync(leaving, cancellationToken);
            }
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
