using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests.Manage;

/// <summary>Reopening is an explicit, recorded decision that clears the outcome and restarts the clock.</summary>
public sealed class ReopenModel(RequestQueries queries, RequestWorkflow workflow) : ManagePage(queries)
{
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var reason = ModelState.Required(nameof(Reason), Reason, "Give the reason for reopening the request", DatasetRequest.ReasonMaxLength, "The reason");
        return RunAsync(id, "The request has been reopened", () => workflow.ReopenAsync(id, User, reason!, cancellationToken), cancellationToken, nameof(Reason));
    }
}
