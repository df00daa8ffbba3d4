using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Notifications;

/// <summary>The header's link to the notification centre, with how many notices are unread (one indexed count).</summary>
internal sealed class UnreadNotices(AppDbContext db) : IPersonalLink
{
    public async Task<PersonalLinkView?> ForAsync(ClaimsPrincipal person, CancellationToken cancellationToken) =>
        person.UserId() is { } userId
            ? new PersonalLinkView("Notifications", "/notifications", await db.Notices.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken), "unread")
            : null;
}
