using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups.Pages.Meetings;

/// <summary>Scheduling a group's meeting (its chair or secretariat), or a public event with no group (the programme team).</summary>
[Authorize]
public sealed class NewModel(AppDbContext db, GroupAccess access, MeetingWorkflow meetings) : PageModel, IMeetingFormPage
{
    [BindProperty] public MeetingForm Form { get; set; } = new();

    /// <summary>The group's short name; none for a public event.</summary>
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }

    public Group? ForGroup { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await AllowedAsync(cancellationToken) is { } refused ? refused : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await AllowedAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        var details = Form.Read(ModelState, "Form.");
        if (details is null)
        {
            return this.Invalid();
        }
        return await this.ChangeAsync(async () =>
        {
            var meeting = await meetings.ScheduleAsync(ForGroup?.Slug, details, User, cancellationToken);
            return new Changed(MeetingWorkflow.UrlOf(meeting.Id),
                ForGroup is null ? "The event has been published" : "The meeting has been scheduled and the group's members and followers told");
        }, "Form.Date");
    }

    private async Task<IActionResult?> AllowedAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(Group))
        {
            return GroupPermissions.CanScheduleEvents(User) ? null : Forbid();
        }
        ForGroup = await db.Groups.AsNoTracking().SingleOrDefaultAsync(g => g.Slug == Group, cancellationToken);
        if (ForGroup is null)
        {
            return NotFound();
        }
        return GroupPermissions.CanRun(User, await access.MembershipAsync(ForGroup.Id, User, cancellationToken)) ? null : Forbid();
    }
}
