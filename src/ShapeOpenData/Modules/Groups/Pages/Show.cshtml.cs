using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups.Pages;

/// <summary>
/// A group: always its purpose, how to join and its size and sector mix; its terms, members, meetings and
/// actions too unless they are for members only.
/// </summary>
public sealed class ShowModel(AppDbContext db, GroupAccess access, GroupWorkflow groups, Following following, TimeProvider clock) : GroupPage(db, access)
{
    public sealed record MemberRow(int UserId, string Name, GroupRole Role, Sector? Sector);
    public sealed record MeetingRow(int Id, string Title, DateTime StartsAt, DateTime EndsAt, string TimeZone, MeetingState State, bool HasMinutes);
    public sealed record SectorFigure(string Sector, int Members, int Percent);

    [BindProperty] public string? Message { get; set; }

    public int MemberCount { get; private set; }
    public int Waiting { get; private set; }
    public IReadOnlyList<SectorFigure> Composition { get; private set; } = [];
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<MeetingRow> Upcoming { get; private set; } = [];
    public IReadOnlyList<MeetingRow> Past { get; private set; } = [];
    public IReadOnlyList<ActionRows.Row> Actions { get; private set; } = [];
    public bool IsFollowing { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        await LoadPageAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostJoinAsync(string slug, CancellationToken cancellationToken)
    {
        var message = ModelState.Optional(nameof(Message), Message, GroupMember.MessageMaxLength, "Your message");
        return SignedIn(() => ActAsync(slug, "", async () =>
        {
            var member = await groups.JoinAsync(slug, message, User, cancellationToken);
            TempData.Success(member.IsActive
                ? $"You are now a member of {Group.Name}. We will email you about its meetings and minutes"
                : "Your request has been sent. The chair or secretariat will decide, and we will email you");
        }, nameof(Message), $"/groups/{slug}", cancellationToken));
    }

    public Task<IActionResult> OnPostLeaveAsync(string slug, CancellationToken cancellationToken) =>
        SignedIn(() => ActAsync(slug, $"You have left the group", () => groups.RemoveAsync(slug, User.UserId()!.Value, User, cancellationToken),
            "leave", $"/groups/{slug}", cancellationToken));

    /// <summary>Following tells of meetings and minutes, so only those who may see them can follow (not others, even if the group's name is public).</summary>
    public Task<IActionResult> OnPostFollowAsync(string slug, CancellationToken cancellationToken) =>
        SignedIn(() => ActAsync(slug, "You are following this group. We will email you about new meetings and minutes", async () =>
        {
            if (!CanSeeContent)
            {
                throw new ForbiddenException("Only members can follow this group");
            }
            await following.FollowAsync(User, GroupsModule.GroupItemType, Group.Id, cancellationToken);
            await Db.SaveChangesAsync(cancellationToken);
        }, "follow", $"/groups/{slug}", cancellationToken));

    public Task<IActionResult> OnPostUnfollowAsync(string slug, CancellationToken cancellationToken) =>
        SignedIn(() => ActAsync(slug, "You are no longer following this group",
            () => following.UnfollowAsync(User.UserId()!.Value, GroupsModule.GroupItemType, Group.Id, cancellationToken),
            "follow", $"/groups/{slug}", cancellationToken));

    protected override Task OnInvalidAsync(CancellationToken cancellationToken) => LoadPageAsync(cancellationToken);

    private Task<IActionResult> SignedIn(Func<Task<IActionResult>> act) => User.IsSignedIn() ? act() : Task.FromResult<IActionResult>(Challenge());

    private async Task LoadPageAsync(CancellationToken cancellationToken)
    {
        Today = clock.Today();
        var members = await (from m in Db.GroupMembers
                             join u in Db.Users on m.UserId equals u.Id
                             where m.GroupId == Group.Id && m.State == MemberState.Active
                             orderby m.Role, u.DisplayName
                             select new MemberRow(u.Id, u.DisplayName, m.Role, u.Sector)).ToListAsync(cancellationToken);
        MemberCount = members.Count;
        Composition = [.. members.GroupBy(m => m.Sector).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => new SectorFigure(g.Key?.ToText() ?? "Not given", g.Count(), (int)Math.Round(100.0 * g.Count() / members.Count)))];
        if (User.UserId() is { } userId)
        {
            IsFollowing = await following.IsFollowingAsync(userId, GroupsModule.GroupItemType, Group.Id, cancellationToken);
        }
        if (!CanSeeContent)
        {
            return;
        }
        Members = members;
        if (CanRun)
        {
            Waiting = await Db.GroupMembers.CountAsync(m => m.GroupId == Group.Id && m.State == MemberState.Requested, cancellationToken);
        }
        var now = clock.UtcNow();
        var meetings = await Db.Meetings.AsNoTracking().Where(m => m.GroupId == Group.Id)
            .Select(m => new MeetingRow(m.Id, m.Title, m.StartsAt, m.EndsAt, m.TimeZone, m.State, m.Minutes.Any())).ToListAsync(cancellationToken);
        Upcoming = [.. meetings.Where(m => m.EndsAt >= now).OrderBy(m => m.StartsAt)];
        Past = [.. meetings.Where(m => m.EndsAt < now).OrderByDescending(m => m.StartsAt)];
        Actions = await ActionRows.QueryAsync(Db, Db.GroupActions.Where(a => a.GroupId == Group.Id && a.State == ActionState.Open), cancellationToken);
    }
}
