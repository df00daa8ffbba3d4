using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests.Manage;

/// <summary>
/// What the managing pages share: the request (only for those who may manage it), and turning the
/// workflow's refusals into the page's error summary. The request's own rules decide what is allowed.
/// </summary>
[Authorize]
public abstract class ManagePage(RequestQueries queries) : PageModel
{
    public DatasetRequest DatasetRequest { get; private set; } = null!;

    /// <summary>Loads the request; false when it is not there or this person may not manage it.</summary>
    protected async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken, Func<DatasetRequest, bool>? allowed = null)
    {
        if (await queries.FindAsync(id, User, cancellationToken) is not { } request)
        {
            return NotFound();
        }
        DatasetRequest = request;
        return (allowed ?? (r => DatasetRequestPermissions.CanManage(User, r)))(request) ? null : Forbid();
    }

    /// <summary>
    /// Runs a workflow action; on success tells the person and goes back to the request. Someone who may not take it
    /// (by default, who may not manage the request) gets 403 before their form is looked at.
    /// </summary>
    protected async Task<IActionResult> RunAsync(
        int id, string done, Func<Task> act, CancellationToken cancellationToken, string errorKey = "", Func<DatasetRequest, bool>? allowed = null)
    {
        if (await LoadAsync(id, cancellationToken, allowed) is { } refused)
        {
            return refused;
        }
        return await this.ChangeAsync(act, done, $"/requests/{id}", errorKey);
    }
}
