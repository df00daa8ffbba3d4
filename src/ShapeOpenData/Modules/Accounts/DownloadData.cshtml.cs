using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Accounts;

/// <summary>Everything the service holds about the signed-in person, as one JSON file.</summary>
[Authorize]
public sealed class DownloadDataModel(PersonalDataExport export) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } userId)
        {
            return Challenge();
        }
        Response.Headers.CacheControl = "no-store";
        return File(await export.ExportAsync(userId, cancellationToken), "application/json", "shape-open-data-my-data.json");
    }
}
