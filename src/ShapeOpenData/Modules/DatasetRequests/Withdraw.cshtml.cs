using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Modules.DatasetRequests.Manage;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>Only the requester withdraws their request.</summary>
public sealed class WithdrawModel(RequestQueries queries, RequestWorkflow workflow) : ManagePage(queries)
{
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken, r => DatasetRequestPermissions.CanWithdraw(User, r)) ?? Page();

    public Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var reason = ModelState.Optional(nameof(Reason), Reason, DatasetRequest.ReasonMaxLength, "The reason");
        return RunAsync(id, "Your request has been withdrawn", () => workflow.WithdrawAsync(id, User, reason, cancellationToken), cancellationToken, nameof(Reason),
            r => DatasetRequestPermissions.CanWithdraw(User, r));
    }
}
