using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Catalogue;

/// <summary>Administrators import the catalogue from CKAN here, from a saved response or a portal, and see how past imports went.</summary>
[Authorize(Policy = Policies.Administrator)]
[RequestSizeLimit(ImportModel.MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportModel.MaxUploadBytes)]
public sealed class ImportModel(AppDbContext db, CatalogueImports imports, IOptions<CatalogueOptions> options) : PageModel
{
    public const long MaxUploadBytes = 200L * 1024 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? PortalUrl { get; set; }

    public IReadOnlyList<CatalogueImport> Recent { get; private set; } = [];
    public int Datasets { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostFileAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Select a file holding a CKAN package_search response");
            await LoadAsync(cancellationToken);
            return this.Invalid();
        }
        await using var upload = Upload.OpenReadStream();
        await imports.QueueAsync(Path.GetFileName(Upload.FileName), upload, User.UserId(), cancellationToken);
        TempData.Success($"The import of {Path.GetFileName(Upload.FileName)} has started. Refresh this page to see how it went");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPortalAsync(CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(PortalUrl?.Trim(), UriKind.Absolute, out var portal) || portal.Scheme is not ("https" or "http"))
        {
            ModelState.AddModelError(nameof(PortalUrl), "Enter the portal's address, like https://data.gov.uk");
            await LoadAsync(cancellationToken);
            return this.Invalid();
        }
        // Said now, rather than only in the failed import; the import checks again on every connection it makes.
        if (await SourceAddresses.RefusalAsync(portal, options.Value, cancellationToken) is { } refusal)
        {
            ModelState.AddModelError(nameof(PortalUrl), $"Enter the address of a public portal: {refusal}");
            await LoadAsync(cancellationToken);
            return this.Invalid();
        }
        await imports.QueueAsync(portal.ToString(), null, User.UserId(), cancellationToken);
        TempData.Success($"The import from {portal.Host} has started. Large portals take minutes: refresh this page to see how it went");
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Recent = await db.CatalogueImports.AsNoTracking().OrderByDescending(i => i.Id).Take(20).ToListAsync(cancellationToken);
        Datasets = await db.Datasets.CountAsync(d => d.WithdrawnAt == null, cancellationToken);
    }
}
