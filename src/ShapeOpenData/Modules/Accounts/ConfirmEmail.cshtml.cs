using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Accounts;

/// <summary>
/// The link in the email opens a page with a button; only pressing it confirms, so mail scanners that
/// follow links confirm nothing.
/// </summary>
public sealed class ConfirmEmailModel(UserManager<User> users) : PageModel
{
    [BindProperty(SupportsGet = true)] public int UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    public bool Confirmed { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.FindByIdAsync(UserId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var result = user is null || string.IsNullOrEmpty(Code) ? null : await users.ConfirmEmailAsync(user, Code);
        if (result?.Succeeded != true)
        {
            ModelState.AddModelError("", "This link has expired or has already been used. Sign in, or ask for a new confirmation email");
            return this.Invalid();
        }
        Confirmed = true;
        return Page();
    }
}
