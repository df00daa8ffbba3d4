using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Commitments;

/// <summary>
/// Commitments as outcomes of a traceability link, known by their reference (<c>UK16-OD</c>), address or exact title,
/// standing as their completion; found by words; linked to by the programme team and the lead organisation's publishers.
/// </summary>
public sealed class CommitmentTraces(AppDbContext db) : ITraceable, ISearchable, IOutcomeKind
{
    public string Type => ItemTypes.Commitment;

    public string HowToName => "Its reference, like UK16-OD, or its web address.";

    public async Task<IReadOnlyList<TracedItem>> PublicAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        await TracedAsync(db.Commitments.AsNoTracking().Where(c => ids.Contains(c.Id)), cancellationToken);

    public async Task<TracedItem?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        var text = reference.Trim();
        var key = text.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.ToUpperInvariant() ?? "";
        return (await TracedAsync(db.Commitments.AsNoTracking().Where(c => c.Reference == key || c.Title == text).OrderBy(c => c.Id).Take(1), cancellationToken))
            .FirstOrDefault();
    }

    public async Task<bool> IsOwnedByAsync(int id, ClaimsPrincipal person, CancellationToken cancellationToken) =>
        await db.Commitments.Where(c => c.Id == id).Select(c => (int?)c.LeadOrganisationId).SingleOrDefaultAsync(cancellationToken) is { } lead
        && CommitmentPermissions.CanPublishFor(person, lead);

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string words, int limit, CancellationToken cancellationToken)
    {
        var found = db.Commitments.AsNoTracking();
        foreach (var term in words.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // The database's lower(), in SQL: culture and comparison overloads do not apply.
#pragma warning disable CA1304, CA1311, CA1862
            found = found.Where(c => c.Reference.ToLower().Contains(term) || c.Title.ToLower().Contains(term) || c.Description.ToLower().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }
        return [.. (await TracedAsync(found.OrderByDescending(c => c.UpdatedAt).Take(limit), cancellationToken)).Select(c => new SearchHit(c, c.Standing))];
    }

    private static async Task<List<TracedItem>> TracedAsync(IQueryable<Commitment> commitments, CancellationToken cancellationToken) =>
        [.. (await commitments.Select(c => new { c.Id, c.Reference, c.Title, c.Completion }).ToListAsync(cancellationToken))
            .Select(c => new TracedItem(ItemTypes.Commitment, c.Id, c.Reference, c.Title, CommitmentWorkflow.UrlOf(c.Reference),
                $"completion: {c.Completion.ToText().ToLowerInvariant()}"))];
}

/// <summary>
/// Milestones as outcomes: known as "{reference} milestone {n}" or by their address (<c>/commitments/UK16-OD#milestone-2</c>),
/// standing as met (with the date), overdue or due; linked to by those who run their commitment.
/// </summary>
internal sealed partial class MilestoneTraces(AppDbContext db, TimeProvider clock) : ITraceable, IOutcomeKind
{
    public string Type => ItemTypes.Milestone;

    public string HowToName => "Its commitment's reference and its number, like UK16-OD milestone 2.";

    public async Task<IReadOnlyList<TracedItem>> PublicAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        await TracedAsync(db.Milestones.AsNoTracking().Where(m => ids.Contains(m.Id)), cancellationToken);

    public async Task<TracedItem?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        if (Named().Match(reference.Trim()) is not { Success: true } found)
        {
            return null;
        }
        var (key, number) = (found.Groups["reference"].Value.ToUpperInvariant(), int.Parse(found.Groups["number"].Value, CultureInfo.InvariantCulture));
        return (await TracedAsync(db.Milestones.AsNoTracking().Where(m => m.Number == number && db.Commitments.Any(c => c.Id == m.CommitmentId && c.Reference == key)),
            cancellationToken)).FirstOrDefault();
    }

    public async Task<bool> IsOwnedByAsync(int id, ClaimsPrincipal person, CancellationToken cancellationToken) =>
        await db.Milestones.Where(m => m.Id == id).Join(db.Commitments, m => m.CommitmentId, c => c.Id, (m, c) => (int?)c.LeadOrganisationId)
            .SingleOrDefaultAsync(cancellationToken) is { } lead
        && CommitmentPermissions.CanPublishFor(person, lead);

    private async Task<List<TracedItem>> TracedAsync(IQueryable<Milestone> milestones, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var rows = await (
                from m in milestones
                join c in db.Commitments on m.CommitmentId equals c.Id
                select new { Milestone = m, c.Reference })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new TracedItem(ItemTypes.Milestone, r.Milestone.Id, $"{r.Reference} milestone {r.Milestone.Number}", r.Milestone.Title,
            $"{CommitmentWorkflow.UrlOf(r.Reference)}#milestone-{r.Milestone.Number}", StandingOf(r.Milestone, today)))];
    }

    private static string StandingOf(Milestone milestone, DateOnly today) =>
        milestone.MetOn is { } met ? $"met {met:d MMMM yyyy}"
        : CommitmentRules.IsOverdue(milestone, today) ? $"overdue: due {milestone.DueOn:d MMMM yyyy}"
        : $"{milestone.State.ToText().ToLowerInvariant()}, due {milestone.DueOn:d MMMM yyyy}";

    /// <summary>"UK16-OD milestone 2", or its address, absolute or not.</summary>
    [GeneratedRegex(@"^(?:.*/commitments/)?(?<reference>[A-Za-z0-9-]{1,20})(?:\s+milestone\s+|#milestone-)(?<number>\d{1,4})$", RegexOptions.IgnoreCase)]
    private static partial Regex Named();
}

/// <summary>A commitment leads to its milestones: the link every chain through a commitment follows to its evidence.</summary>
internal sealed class CommitmentMilestoneLinks(AppDbContext db) : IKeptLinks
{
    private const string Reason = "A milestone of the commitment";

    public async Task<IReadOnlyList<TraceLink>> AllAsync(CancellationToken cancellationToken)
    {
        var milestones = await db.Milestones.AsNoTracking().Select(m => new { m.CommitmentId, m.Id }).ToListAsync(cancellationToken);
        return Links(milestones.Select(m => (m.CommitmentId, m.Id)));
    }

    public async Task<IReadOnlyList<TraceLink>> OfAsync(ItemRef item, CancellationToken cancellationToken) => item.Type switch
    {
        ItemTypes.Commitment => Links((await db.Milestones.AsNoTracking().Where(m => m.CommitmentId == item.Id).Select(m => m.Id).ToListAsync(cancellationToken))
            .Select(id => (item.Id, id))),
        ItemTypes.Milestone => Links((await db.Milestones.AsNoTracking().Where(m => m.Id == item.Id).Select(m => m.CommitmentId).ToListAsync(cancellationToken))
            .Select(commitment => (commitment, item.Id))),
        _ => [],
    };

    private static List<TraceLink> Links(IEnumerable<(int Commitment, int Milestone)> pairs) =>
        [.. pairs.Select(p => new TraceLink(new(ItemTypes.Commitment, p.Commitment), new(ItemTypes.Milestone, p.Milestone), Reason, null))];
}
