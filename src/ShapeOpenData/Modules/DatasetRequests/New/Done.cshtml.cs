using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ShapeOpenData.Modules.DatasetRequests.New;

[Authorize]
public sealed class DoneModel(RequestQueries queries) : PageModel
{
    public DatasetRequest DatasetRequest { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, User, cancellationToken) is not { } request)
        {
            return NotFound();
        }
        DatasetRequest = request;
        return Page();
    }
}
