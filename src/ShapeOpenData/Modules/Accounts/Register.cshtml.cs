using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Accounts;

[EnableRateLimiting(RateLimits.Authentication)]
public sealed class RegisterModel(UserManager<User> users, AccountEmails emails, TimeProvider clock, ServiceLinks links) : PageModel
{
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Sector { get; set; }

    public IActionResult OnGet() => User.IsSignedIn() ? Redirect("/account") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var displayName = ModelState.Required(nameof(DisplayName), DisplayName, "Enter the name to show with what you post", 100, "Your name");
        var email = ModelState.Email(nameof(Email), Email);
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter a password");
        }
        var sector = ModelState.Choice<Sector>(nameof(Sector), Sector, "Select who you are using data for");
        if (!ModelState.IsValid)
        {
            return this.Invalid();
        }

        var existing = await users.FindByEmailAsync(email!);
        if (existing is not null)
        {
            // Say the same as for a new account, so this page never tells anyone who has one.
            await emails.SendAlreadyRegisteredAsync(email!, AbsolutePage("/Accounts/SignIn/Index"), AbsolutePage("/Accounts/ForgottenPassword"), cancellationToken);
            return RedirectToPage("/Accounts/CheckEmail", new { reason = "confirm" });
        }

        var user = new User { UserName = email, Email = email, DisplayName = displayName!, Sector = sector, CreatedAt = clock.UtcNow() };
        var created = await users.CreateAsync(user, Password!);
        if (!created.Succeeded)
        {
            IdentityMessages.AddTo(ModelState, created);
            return this.Invalid();
        }

        var code = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = links.Absolute(Url.Page("/Accounts/ConfirmEmail", new { userId = user.Id, code })!).ToString();
        await emails.SendConfirmationAsync(email!, user.DisplayName, link, cancellationToken);
        return RedirectToPage("/Accounts/CheckEmail", new { reason = "confirm" });
    }

    // On the service's public address, never the request's Host header (see ServiceLinks).
    private string AbsolutePage(string page) => links.Absolute(Url.Page(page)!).ToString();
}
