using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Accounts;

[EnableRateLimiting(RateLimits.Authentication)]
public sealed class ForgottenPasswordModel(UserManager<User> users, AccountEmails emails, ServiceLinks links) : PageModel
{
    [BindProperty] public string? Email { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var email = ModelState.Email(nameof(Email), Email);
        if (!ModelState.IsValid)
        {
            return this.Invalid();
        }
        var user = await users.FindByEmailAsync(email!);
        if (user is { DeletedAt: null })
        {
            var code = await users.GeneratePasswordResetTokenAsync(user);
            // On the service's public address, never the request's Host header: a forged one would point a genuine code elsewhere.
            var link = links.Absolute(Url.Page("/Accounts/ResetPassword", new { userId = user.Id, code })!).ToString();
            await emails.SendPasswordResetAsync(email!, user.DisplayName, link, cancellationToken);
        }
        // The same answer whether or not there is an account.
        return RedirectToPage("/Accounts/CheckEmail", new { reason = "reset" });
    }
}
