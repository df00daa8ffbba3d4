using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups.Pages;

/// <summary>
/// What the group pages share: the group found by its short name, the reader's membership, and turning the
/// workflow's refusals into the page's error summary (or 403 and 404).
/// </summary>
public abstract class GroupPage(AppDbContext db, GroupAccess access) : PageModel
{
    public Group Group { get; private set; } = null!;
    public GroupMember? Membership { get; private set; }

    public bool CanRun => GroupPermissions.CanRun(User, Membership);
    public bool CanSeeContent => GroupPermissions.CanSeeContent(User, Group, Membership);

    protected AppDbContext Db => db;

    protected async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await db.Groups.AsNoTracking().SingleOrDefaultAsync(g => g.Slug == slug, cancellationToken) is not { } group)
        {
            return false;
        }
        Group = group;
        Membership = await access.MembershipAsync(group.Id, User, cancellationToken);
        return true;
    }

    /// <summary>Runs a change; on success tells the person and goes to <paramref name="then"/>.</summary>
    /// <param name="runnersOnly">The page is for the chair, secretariat and programme team: others get 403 even when the form is wrong.</param>
    protected async Task<IActionResult> ActAsync(
        string slug, string done, Func<Task> act, string errorKey, string then, CancellationToken cancellationToken, bool runnersOnly = false)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        if (runnersOnly && !CanRun)
        {
            return Forbid();
        }
        return await this.ChangeAsync(act, done, then, errorKey, () => OnInvalidAsync(cancellationToken));
    }

    /// <summary>Loads what the page shows besides the group, before it is shown again with errors.</summary>
    protected virtual Task OnInvalidAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
