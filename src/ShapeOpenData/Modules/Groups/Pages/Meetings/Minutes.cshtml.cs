using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups.Pages.Meetings;

/// <summary>
/// Publishing the minutes with their decisions, or a correction: published minutes are never edited, so a
/// correction is a new version with a note, and the earlier versions stay readable.
/// </summary>
[Authorize]
public sealed class MinutesModel(MeetingWorkflow meetings) : MeetingPage(meetings)
{
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Decisions { get; set; }
    [BindProperty] public string? Note { get; set; }

    public bool IsCorrection => Meeting.Minutes.Count > 0;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var result = await ManagedPageAsync(id, cancellationToken);
        Text = Meeting?.LatestMinutes?.Text;
        return result;
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var errorKey = IsCorrection ? nameof(Note) : nameof(Text);  // a correction's one rule of its own: the note
        var text = ModelState.Required(nameof(Text), Text, "Enter the minutes", MinutesVersion.TextMaxLength, "The minutes");
        var note = ModelState.Optional(nameof(Note), Note, MinutesVersion.NoteMaxLength, "The note");
        var decisions = (Decisions ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (decisions.Any(d => d.Length > Decision.TextMaxLength))
        {
            ModelState.AddModelError(nameof(Decisions), $"Each decision must be {Decision.TextMaxLength} characters or fewer");
        }
        return await ActAsync(id, "", async () =>
        {
            var version = await Meetings.PublishMinutesAsync(id, text!, note, decisions, User, cancellationToken);
            TempData.Success(version.Number == 1
                ? "The minutes have been published and attendees and followers told"
                : $"Version {version.Number} of the minutes has been published. Earlier versions stay readable");
        }, errorKey, cancellationToken);
    }
}
