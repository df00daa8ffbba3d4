using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests.Manage;

/// <summary>The steps that need only an optional public note: starting a review, and starting work.</summary>
public sealed class NoteModel(RequestQueries queries, RequestWorkflow workflow) : ManagePage(queries)
{
    [BindProperty] public string? Note { get; set; }
    [BindProperty(SupportsGet = true)] public string Step { get; set; } = "";

    public string Heading => Step == "review" ? "Start reviewing this request" : "Start work on this request";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var note = ModelState.Optional(nameof(Note), Note, DatasetRequest.NoteMaxLength, "The note");
        return Step == "review"
            ? RunAsync(id, "The request is under review", () => workflow.ReviewAsync(id, User, note, cancellationToken), cancellationToken)
            : RunAsync(id, "Work on the request has started", () => workflow.StartAsync(id, User, note, cancellationToken), cancellationToken);
    }
}
