using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Commitments.Pages;

/// <summary>A page with the plan form: publishing a plan, or changing one.</summary>
public interface IPlanFormPage
{
    PlanForm Form { get; }
    IReadOnlyList<GovukOption> Organisations { get; }
    bool IsNew { get; }
}

/// <summary>The fields of an engagement plan, shared by the publish and change pages.</summary>
public sealed class PlanForm
{
    public string? Slug { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Organisation { get; set; }
    public DateInput StartsOn { get; set; } = new();
    public DateInput EndsOn { get; set; } = new();

    public static PlanForm From(EngagementPlan plan, string organisationSlug) => new()
    {
        Slug = plan.Slug, Title = plan.Title, Summary = plan.Summary, Organisation = organisationSlug,
        StartsOn = DateInput.From(plan.StartsOn), EndsOn = DateInput.From(plan.EndsOn),
    };

    /// <summary>The organisations <paramref name="user"/> may publish for, by short name.</summary>
    public static async Task<IReadOnlyList<GovukOption>> OrganisationsAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var mine = user.PublisherOrganisations();
        var all = user.IsProgrammeTeam();
        return [.. await db.Organisations.AsNoTracking().Where(o => all || mine.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new GovukOption(o.Slug, o.Name, null)).ToListAsync(cancellationToken)];
    }

    /// <summary>The details, or null with an error on each field that is wrong.</summary>
    public async Task<PlanDetails?> ReadAsync(ModelStateDictionary state, AppDbContext db, CancellationToken cancellationToken)
    {
        const string prefix = "Form.";
        var title = state.Required(prefix + nameof(Title), Title, "Enter the plan's title", EngagementPlan.TitleMaxLength, "The title");
        var summary = state.Required(prefix + nameof(Summary), Summary, "Enter what the plan is for", EngagementPlan.SummaryMaxLength, "The summary");
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Slug == Organisation).Select(o => (int?)o.Id).SingleOrDefaultAsync(cancellationToken);
        if (organisation is null)
        {
            state.AddModelError(prefix + nameof(Organisation), "Select the organisation that publishes the plan");
        }
        var startsOn = StartsOn.Read(state, prefix + nameof(StartsOn), "the start date");
        var endsOn = EndsOn.Read(state, prefix + nameof(EndsOn), "the end date");
        if (startsOn is { } start && endsOn is { } end && end < start)
        {
            state.AddModelError(prefix + nameof(EndsOn), "The end date must be the same as or after the start date");
        }
        return state.IsValid ? new PlanDetails(title!, summary!, organisation!.Value, startsOn!.Value, endsOn!.Value) : null;
    }

    public string? ReadSlug(ModelStateDictionary state)
    {
        const string key = "Form." + nameof(Slug);
        var slug = state.Required(key, Slug?.Trim().ToLowerInvariant(), "Enter a short name for the plan's web address", EngagementPlan.SlugMaxLength, "The short name");
        if (slug is not null && (!Slugs.IsValid(slug) || slug == "new"))
        {
            state.AddModelError(key, "The short name can only contain lower-case letters, numbers and hyphens, like uk-open-government-2016-18");
            return null;
        }
        return slug;
    }
}
