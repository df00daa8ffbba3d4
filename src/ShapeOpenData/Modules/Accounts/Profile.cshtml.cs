using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Accounts;

[Authorize]
public sealed class ProfileModel(UserManager<User> users, SignInManager<User> signIn) : PageModel
{
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Sector { get; set; }
    [BindProperty] public string? OrganisationName { get; set; }
    [BindProperty] public string? Bio { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        DisplayName = user.DisplayName;
        Sector = user.Sector?.ToCode();
        OrganisationName = user.OrganisationName;
        Bio = user.Bio;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        var displayName = ModelState.Required(nameof(DisplayName), DisplayName, "Enter the name to show with what you post", 100, "Your name");
        var sector = ModelState.Choice<Sector>(nameof(Sector), Sector, "Select who you are using data for");
        var organisation = ModelState.Optional(nameof(OrganisationName), OrganisationName, 200, "Organisation");
        var bio = ModelState.Optional(nameof(Bio), Bio, 1000, "About you");
        if (!ModelState.IsValid)
        {
            return this.Invalid();
        }
        user.DisplayName = displayName!;
        user.Sector = sector;
        user.OrganisationName = organisation;
        user.Bio = bio;
        await users.UpdateAsync(user);
        // The display name travels in the sign-in cookie.
        await signIn.RefreshSignInAsync(user);
        TempData.Success("Your profile has been saved");
        return Redirect("/account");
    }
}
