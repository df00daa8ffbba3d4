using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.Commitments.Pages.Plans;

/// <summary>Every engagement plan, newest first, with how many commitments each holds and how many are complete.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(string Slug, string Title, string Organisation, DateOnly StartsOn, DateOnly EndsOn, int Commitments, int Complete);

    public IReadOnlyList<Row> Plans { get; private set; } = [];
    public bool CanPublish => CommitmentPermissions.CanPublishPlans(User);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Plans = await (
                from p in db.EngagementPlans.AsNoTracking()
                join o in db.Organisations on p.OrganisationId equals o.Id
                orderby p.StartsOn descending, p.Title
                select new Row(p.Slug, p.Title, o.Name, p.StartsOn, p.EndsOn,
                    db.Commitments.Count(c => c.PlanId == p.Id), db.Commitments.Count(c => c.PlanId == p.Id && c.Completion == Completion.Complete)))
            .ToListAsync(cancellationToken);
}
