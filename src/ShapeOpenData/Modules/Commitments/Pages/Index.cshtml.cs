using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Commitments.Pages;

/// <summary>Every commitment, soonest ending first, filtered by organisation, plan, completion and whether it is overdue.</summary>
public sealed class IndexModel(AppDbContext db, CommitmentReadModel commitments) : PageModel
{
    public static readonly IReadOnlyList<GovukOption> Completions = [new("", "Any"), .. GovukOption.FromEnum<Completion>()];
    public static readonly IReadOnlyList<GovukOption> OverdueChoices = [new("", "Either"), new("yes", "Overdue"), new("no", "Not overdue")];

    [BindProperty(SupportsGet = true)] public string? Organisation { get; set; }
    [BindProperty(SupportsGet = true)] public string? Plan { get; set; }
    [BindProperty(SupportsGet = true)] public string? Completion { get; set; }
    [BindProperty(SupportsGet = true)] public string? Overdue { get; set; }

    public IReadOnlyList<GovukOption> Organisations { get; private set; } = [];
    public IReadOnlyList<GovukOption> Plans { get; private set; } = [];
    public IReadOnlyList<CommitmentResponse> Commitments { get; private set; } = [];
    public bool CanPublish => CommitmentPermissions.CanPublishPlans(User);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var level = ModelState.OptionalChoice<Completion>(nameof(Completion), Completion, "Select a completion level from the list");
        if (Overdue is not (null or "" or "yes" or "no"))
        {
            ModelState.AddModelError(nameof(Overdue), "Select overdue, not overdue or either");
        }
        Organisations = [new("", "Any organisation"), .. await db.Organisations.AsNoTracking()
            .Where(o => db.Commitments.Any(c => c.LeadOrganisationId == o.Id || c.Supporters.Any(s => s.OrganisationId == o.Id)))
            .OrderBy(o => o.Name).Select(o => new GovukOption(o.Slug, o.Name, null)).ToListAsync(cancellationToken)];
        Plans = [new("", "Any plan"), .. await db.EngagementPlans.AsNoTracking().OrderByDescending(p => p.StartsOn)
            .Select(p => new GovukOption(p.Slug, p.Title, null)).ToListAsync(cancellationToken)];
        if (!ModelState.IsValid)
        {
            return this.Invalid();
        }
        var filter = new CommitmentFilter(NullIfEmpty(Organisation), NullIfEmpty(Plan), level, Overdue switch { "yes" => true, "no" => false, _ => null });
        Commitments = await commitments.ReadAsync(commitments.Filtered(filter), cancellationToken);
        return Page();
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
