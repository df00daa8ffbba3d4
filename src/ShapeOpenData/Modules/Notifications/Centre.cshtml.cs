using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Notifications;

/// <summary>
/// The notification centre: everything the person was told, newest first, unread marked, each linking to its item while
/// they may still see it; mark one or all as read. Forms and links only, so it works without JavaScript.
/// </summary>
[Authorize]
public sealed class CentreModel(AppDbContext db, IEnumerable<IFollowable> followables, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    /// <summary>A notice as the centre shows it: the first paragraph of the email, and its item while the person may see it.</summary>
    public sealed record Line(long Id, string Subject, string Opening, DateTime At, bool Unread, (string Title, string Url)? Item);

    public IReadOnlyList<Line> Lines { get; private set; } = [];
    public int Total { get; private set; }
    public int Unread { get; private set; }
    public int CurrentPage { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        CurrentPage = Pagination.PageNumber(ModelState, page);
        if (!ModelState.IsValid)
        {
            return this.Invalid();
        }
        var mine = Mine();
        Total = await mine.CountAsync(cancellationToken);
        Unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var notices = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip((CurrentPage - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        var lines = new List<Line>();
        foreach (var notice in notices)
        {
            lines.Add(new Line(notice.Id, notice.Subject, notice.Opening, notice.CreatedAt, notice.ReadAt is null, await ItemAsync(notice, cancellationToken)));
        }
        Lines = lines;
        return Page();
    }

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken cancellationToken)
    {
        var read = await Mine().Where(n => n.Id == id && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, clock.UtcNow()), cancellationToken);
        if (read == 0 && !await Mine().AnyAsync(n => n.Id == id, cancellationToken))
        {
            return NotFound();
        }
        return Redirect($"/notifications#notice-{id}");
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        var read = await Mine().Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, clock.UtcNow()), cancellationToken);
        TempData.Success(read == 1 ? "1 notification marked as read" : $"{read:N0} notifications marked as read");
        return Redirect("/notifications");
    }

    private IQueryable<Notice> Mine()
    {
        var userId = User.UserId()!.Value;
        return db.Notices.Where(n => n.UserId == userId);
    }

    private async Task<(string Title, string Url)?> ItemAsync(Notice notice, CancellationToken cancellationToken) =>
        notice is { AboutType: { } type, AboutId: { } id } && followables.SingleOrDefault(f => f.Type == type) is { } followable
            && await followable.CanSeeAsync(id, User, cancellationToken)
            ? await followable.DescribeAsync(id, cancellationToken)
            : null;
}
