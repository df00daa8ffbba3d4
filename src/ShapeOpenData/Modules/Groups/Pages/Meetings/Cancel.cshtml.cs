using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups.Pages.Meetings;

/// <summary>Cancelling a meeting, with the reason everyone registered is told. Calendars show it cancelled.</summary>
[Authorize]
public sealed class CancelModel(MeetingWorkflow meetings) : MeetingPage(meetings)
{
    [BindProperty] public string? Reason { get; set; }

    public Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => ManagedPageAsync(id, cancellationToken);

    public Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var reason = ModelState.Required(nameof(Reason), Reason, "Say why the meeting is cancelled", 1_000, "The reason");
        return ActAsync(id, "The meeting has been cancelled and everyone registered told",
            () => Meetings.CancelAsync(id, reason!, User, cancellationToken), nameof(Reason), cancellationToken);
    }
}
