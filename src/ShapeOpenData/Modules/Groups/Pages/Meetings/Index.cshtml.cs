using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups.Pages.Meetings;

/// <summary>Upcoming and past meetings and events the reader may see, by group.</summary>
public sealed class IndexModel(AppDbContext db, GroupAccess access, TimeProvider clock) : PageModel
{
    public const int PastPageSize = 20;

    public sealed record Row(int Id, string Title, string? GroupName, DateTime StartsAt, DateTime EndsAt, string TimeZone, MeetingState State, int? Capacity, int Registered, bool HasMinutes);

    /// <summary>A group's short name, or "events" for public events with no group.</summary>
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<GovukOption> Groups { get; private set; } = [];
    public IReadOnlyList<Row> Upcoming { get; private set; } = [];
    public IReadOnlyList<Row> Past { get; private set; } = [];
    public int PastPages { get; private set; }
    public bool CanPublishEvents => GroupPermissions.CanScheduleEvents(User);

    private static IQueryable<Row> Rows(IQueryable<Meeting> meetings) =>
        meetings.Select(m => new Row(m.Id, m.Title, m.Group!.Name, m.StartsAt, m.EndsAt, m.TimeZone, m.State, m.Capacity, m.RegisteredCount, m.Minutes.Any()));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var visibility = await access.VisibilityAsync(User, cancellationToken);
        var groups = await db.Groups.AsNoTracking().OrderBy(g => g.Name).Select(g => new { g.Id, g.Slug, g.Name, g.MembersOnly }).ToListAsync(cancellationToken);
        Groups = [new("", "All groups and events"), new("events", "Public events"),
            .. groups.Where(g => !g.MembersOnly || visibility.Everything || visibility.MemberOf.Contains(g.Id)).Select(g => new GovukOption(g.Slug, g.Name))];
        var meetings = db.Meetings.AsNoTracking().Where(visibility.Meetings);
        if (Group == "events")
        {
            meetings = meetings.Where(m => m.GroupId == null);
        }
        else if (!string.IsNullOrEmpty(Group))
        {
            meetings = meetings.Where(m => m.Group!.Slug == Group);
        }
        var now = clock.UtcNow();
        Upcoming = await Rows(meetings.Where(m => m.EndsAt >= now).OrderBy(m => m.StartsAt)).ToListAsync(cancellationToken);
        var past = meetings.Where(m => m.EndsAt < now);
        PastPages = Math.Max(1, (await past.CountAsync(cancellationToken) + PastPageSize - 1) / PastPageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PastPages);
        Past = await Rows(past.OrderByDescending(m => m.StartsAt).Skip((PageNumber - 1) * PastPageSize).Take(PastPageSize)).ToListAsync(cancellationToken);
    }
}
