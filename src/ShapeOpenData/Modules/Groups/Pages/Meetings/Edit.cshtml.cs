using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ShapeOpenData.Modules.Groups.Pages.Meetings;

/// <summary>Changing a scheduled meeting: people with a place are told, and calendars get the new SEQUENCE.</summary>
[Authorize]
public sealed class EditModel(MeetingWorkflow meetings) : MeetingPage(meetings), IMeetingFormPage
{
    [BindProperty] public MeetingForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var result = await ManagedPageAsync(id, cancellationToken);
        if (result is PageResult)
        {
            Form = MeetingForm.From(Meeting);
        }
        return result;
    }

    public Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var details = Form.Read(ModelState, "Form.");
        return ActAsync(id, "The meeting has been changed and everyone registered told",
            () => Meetings.ChangeAsync(id, details!, User, cancellationToken), "Form.Title", cancellationToken);
    }
}
