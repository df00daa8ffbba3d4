using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Notifications;

/// <summary>Whether the service emails this person at all: "stop all email" from an unsubscribe link is turned back on here.</summary>
[Authorize]
public sealed class SettingsModel(AppDbContext db) : PageModel
{
    public bool EmailOff { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        EmailOff = (await db.NotificationSettings.FindAsync([User.UserId()!.Value], cancellationToken))?.EmailOff == true;

    public async Task<IActionResult> OnPostAsync([FromForm] bool emailOff, CancellationToken cancellationToken)
    {
        var userId = User.UserId()!.Value;
        var settings = await db.NotificationSettings.FindAsync([userId], cancellationToken);
        if (settings is null)
        {
            settings = new NotificationSettings { UserId = userId };
            db.NotificationSettings.Add(settings);
        }
        settings.EmailOff = emailOff;
        await db.SaveChangesAsync(cancellationToken);
        TempData.Success(emailOff ? "We will not email you any more" : "We will email you again about what you follow");
        return Redirect("/account/notifications");
    }
}
