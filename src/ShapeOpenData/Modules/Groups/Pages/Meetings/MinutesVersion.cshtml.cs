using Microsoft.AspNetCore.Mvc;

namespace ShapeOpenData.Modules.Groups.Pages.Meetings;

/// <summary>One version of a meeting's minutes, exactly as it was published.</summary>
public sealed class MinutesVersionModel(MeetingWorkflow meetings) : MeetingPage(meetings)
{
    public MinutesVersion Version { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Meeting.Minutes.SingleOrDefault(v => v.Number == number) is not { } version)
        {
            return NotFound();
        }
        Version = version;
        return Page();
    }
}
