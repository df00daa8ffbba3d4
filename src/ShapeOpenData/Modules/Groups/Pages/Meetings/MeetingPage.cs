using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups.Pages.Meetings;

/// <summary>
/// What the meeting pages share: the meeting (only for those who may see it), whether the reader runs it and
/// their registration, and turning the meeting's refusals into the page's error summary.
/// </summary>
public abstract class MeetingPage(MeetingWorkflow meetings) : PageModel
{
    public Meeting Meeting { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public Registration? Registration { get; private set; }

    protected MeetingWorkflow Meetings => meetings;

    protected async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        try
        {
            Meeting = await meetings.FindAsync(id, User, cancellationToken);
        }
        catch (NotFoundException)
        {
            return false;
        }
        CanManage = await meetings.CanManageAsync(Meeting, User, cancellationToken);
        Registration = User.UserId() is { } userId ? Meeting.Registrations.SingleOrDefault(r => r.UserId == userId && r.IsCurrent) : null;
        return true;
    }

    /// <summary>The page for those who run the meeting: 404 if unseen, 403 if not theirs.</summary>
    protected async Task<IActionResult> ManagedPageAsync(int id, CancellationToken cancellationToken) =>
        !await LoadAsync(id, cancellationToken) ? NotFound() : CanManage ? Page() : Forbid();

    /// <summary>Runs a change; on success tells the person and goes back to the meeting.</summary>
    protected async Task<IActionResult> ActAsync(int id, string done, Func<Task> act, string errorKey, CancellationToken cancellationToken, bool managersOnly = true)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (managersOnly && !CanManage)
        {
            return Forbid();
        }
        return await this.ChangeAsync(act, done, MeetingWorkflow.UrlOf(id), errorKey, () => OnInvalidAsync(cancellationToken));
    }

    protected virtual Task OnInvalidAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
