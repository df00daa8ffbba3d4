using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Accounts;

[EnableRateLimiting(RateLimits.Authentication)]
public sealed class ResendConfirmationModel(UserManager<User> users, AccountEmails emails, ServiceLinks links) : PageModel
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
        if (user is { EmailConfirmed: false, DeletedAt: null })
        {
            var code = await users.GenerateEmailConfirmationTokenAsync(user);
            var link = links.Absolute(Url.Page("/Accounts/ConfirmEmail", new { userId = user.Id, code })!).ToString();
            await emails.SendConfirmationAsync(email!, user.DisplayName, link, cancellationToken);
        }
        return RedirectToPage("/Accounts/CheckEmail", new { reason = "confirm" });
    }
}
