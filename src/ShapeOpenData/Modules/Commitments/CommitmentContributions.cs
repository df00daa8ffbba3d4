using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Commitments;

/// <summary>How commitments plug into the rest: followed, traced (as outcomes, with their milestones), found, counted on an organisation's record and shown on its page.</summary>
internal static class CommitmentContributions
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<IFollowable, CommitmentItems>();
        services.AddScoped<CommitmentTraces>();
        services.AddScoped<ITraceable>(s => s.GetRequiredService<CommitmentTraces>());
        services.AddSingleton<ISearchSource, CommitmentSearch>();
        services.AddScoped<ISearchable>(s => s.GetRequiredService<CommitmentTraces>());
        services.AddScoped<IOutcomeKind>(s => s.GetRequiredService<CommitmentTraces>());
        services.AddScoped<MilestoneTraces>();
        services.AddScoped<ITraceable>(s => s.GetRequiredService<MilestoneTraces>());
        services.AddScoped<IOutcomeKind>(s => s.GetRequiredService<MilestoneTraces>());
        services.AddScoped<IKeptLinks, CommitmentMilestoneLinks>();
        services.AddScoped<ICountable, CommitmentFigures>();
        services.AddScoped<IPageSection, OrganisationCommitments>();
    }
}

/// <summary>Commitments are public: anyone may follow one, and every follower may read what they are told.</summary>
internal sealed class CommitmentItems(AppDbContext db) : IFollowable
{
    public string Type => ItemTypes.Commitment;

    public Task<bool> CanSeeAsync(int id, ClaimsPrincipal person, CancellationToken cancellationToken) =>
        db.Commitments.AnyAsync(c => c.Id == id, cancellationToken);

    public async Task<(string Title, string Url)?> DescribeAsync(int id, CancellationToken cancellationToken) =>
        await db.Commitments.Where(c => c.Id == id).Select(c => new { c.Reference, c.Title }).SingleOrDefaultAsync(cancellationToken) is { } c
            ? ($"{c.Reference}: {c.Title}", CommitmentWorkflow.UrlOf(c.Reference))
            : null;
}

/// <summary>An organisation's record on its commitments: how many it leads, how many are complete, and its overdue milestones.</summary>
internal sealed class CommitmentFigures(AppDbContext db, TimeProvider clock) : ICountable
{
    public async Task<IReadOnlyList<Figure>> CountAsync(CountScope? scope, CancellationToken cancellationToken)
    {
        var led = db.Commitments.Where(c => scope == null || c.LeadOrganisationId == scope.OrganisationId);
        var levels = await led.Select(c => c.Completion).ToListAsync(cancellationToken);
        var overdue = await db.Milestones.Where(CommitmentRules.MilestoneOverdueOn(clock.Today()))
            .CountAsync(m => led.Any(c => c.Id == m.CommitmentId), cancellationToken);
        var link = scope is null ? "/commitments" : $"/commitments?organisation={scope.OrganisationSlug}";
        var complete = levels.Count(l => l == Completion.Complete);
        return
        [
            new(80, "Commitments led", levels.Count == 0 ? "None" : $"{levels.Count:N0}, {complete:N0} complete", link),
            new(90, "Milestones overdue", overdue.ToString("N0", CultureInfo.CurrentCulture), $"{link}{(scope is null ? "?" : "&")}overdue=yes",
                "not met by their due date"),
        ];
    }
}

/// <summary>On an organisation's page: its plans, the commitments it leads by completion, and its overdue milestones.</summary>
internal sealed class OrganisationCommitments(AppDbContext db, TimeProvider clock) : IPageSection
{
    public string Page => ItemTypes.Organisation;

    public async Task<PageSection?> ForAsync(int id, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var plans = await db.EngagementPlans.AsNoTracking().Where(p => p.OrganisationId == id).OrderByDescending(p => p.StartsOn)
            .Select(p => new OrganisationPlan(p.Slug, p.Title, p.StartsOn, p.EndsOn)).ToListAsync(cancellationToken);
        var levels = await db.Commitments.Where(c => c.LeadOrganisationId == id).Select(c => c.Completion).ToListAsync(cancellationToken);
        var overdue = await (
                from m in db.Milestones.AsNoTracking().Where(CommitmentRules.MilestoneOverdueOn(today))
                join c in db.Commitments on m.CommitmentId equals c.Id
                where c.LeadOrganisationId == id
                orderby m.DueOn, c.Reference, m.Number
                select new OverdueMilestone(c.Reference, m.Number, m.Title, m.DueOn))
            .ToListAsync(cancellationToken);
        return plans.Count == 0 && levels.Count == 0 ? null
            : new PageSection("/Modules/Commitments/Pages/_OrganisationCommitments.cshtml", new OrganisationCommitmentsView(plans, CommitmentRules.Rollup(levels), overdue));
    }
}

public sealed record OrganisationPlan(string Slug, string Title, DateOnly StartsOn, DateOnly EndsOn);

public sealed record OverdueMilestone(string Reference, int Number, string Title, DateOnly DueOn);

public sealed record OrganisationCommitmentsView(
    IReadOnlyList<OrganisationPlan> Plans, IReadOnlyList<(Completion Level, int Count)> ByCompletion, IReadOnlyList<OverdueMilestone> Overdue);
