using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Jurisdiction;

/// <summary>The regimes in force and the bank holidays known, with an import for a newer gov.uk file.</summary>
[Authorize(Policy = JurisdictionPermissions.ManagePolicy)]
public sealed class CalendarModel(AppDbContext db, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    private const long MaxFileBytes = 1_000_000;

    public sealed record Coverage(string Division, int Count, DateOnly First, DateOnly Last);

    [BindProperty] public IFormFile? Upload { get; set; }

    public IReadOnlyList<LegalRegime> Regimes { get; private set; } = [];
    public IReadOnlyList<Coverage> Divisions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Select a bank holidays file");
        }
        else if (Upload.Length > MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Upload), "The file must be smaller than 1 MB");
        }
        else
        {
            try
            {
                await using var stream = Upload.OpenReadStream();
                var result = await BankHolidayImport.ImportAsync(db, stream, new BankHolidayImport.Importer(User.UserId(), clock.UtcNow()), cancellationToken);
                jurisdiction.Invalidate();
                TempData.Success($"Bank holidays imported: {result.Added} added, {result.Updated} updated, {result.Total} in the file");
                return RedirectToPage();
            }
            catch (InvalidDataException invalid)
            {
                ModelState.AddModelError(nameof(Upload), invalid.Message);
            }
        }
        await LoadAsync(cancellationToken);
        return this.Invalid();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Regimes = (await jurisdiction.GetAsync(cancellationToken)).Regimes;
        Divisions = await db.BankHolidays.GroupBy(h => h.Division)
            .Select(g => new Coverage(g.Key, g.Count(), g.Min(h => h.Date), g.Max(h => h.Date)))
            .ToListAsync(cancellationToken);
    }
}
