using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.Accounts;

[Authorize]
public sealed class IndexModel(AppDbContext db, UserManager<User> users) : PageModel
{
    public User Account { get; private set; } = null!;
    public IReadOnlyList<string> RoleNames { get; private set; } = [];
    public IReadOnlyList<string> PublishesFor { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        Account = user;
        RoleNames = [.. await users.GetRolesAsync(user)];
        PublishesFor = await db.PublisherMemberships.Where(m => m.UserId == user.Id)
            .OrderBy(m => m.Organisation!.Name).Select(m => m.Organisation!.Name).ToListAsync();
        return Page();
    }
}
