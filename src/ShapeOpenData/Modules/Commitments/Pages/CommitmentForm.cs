using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Commitments.Pages;

/// <summary>A page with the commitment form: adding one to a plan, or changing one.</summary>
public interface ICommitmentFormPage
{
    CommitmentForm Form { get; }
    IReadOnlyList<GovukOption> LeadOrganisations { get; }
    IReadOnlyList<GovukOption> AllOrganisations { get; }
    bool IsNew { get; }
}

/// <summary>The fields of a commitment, shared by the add and change pages; completion only when changing.</summary>
public sealed partial class CommitmentForm
{
    public static readonly IReadOnlyList<GovukOption> Completions = GovukOption.FromEnum<Completion>();

    public string? Reference { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? LeadOrganisation { get; set; }
    public List<string> SupportingOrganisations { get; set; } = [];
    public DateInput StartsOn { get; set; } = new();
    public DateInput EndsOn { get; set; } = new();
    public string? Completion { get; set; }

    public static CommitmentForm From(CommitmentResponse c) => new()
    {
        Reference = c.Reference, Title = c.Title, Description = c.Description, LeadOrganisation = c.LeadOrganisation.Slug,
        SupportingOrganisations = [.. c.SupportingOrganisations.Select(o => o.Slug)], StartsOn = DateInput.From(c.StartsOn),
        EndsOn = DateInput.From(c.EndsOn), Completion = c.Completion,
    };

    /// <summary>The details, or null with an error on each field that is wrong.</summary>
    public async Task<CommitmentDetails?> ReadAsync(ModelStateDictionary state, AppDbContext db, CancellationToken cancellationToken)
    {
        const string prefix = "Form.";
        var title = state.Required(prefix + nameof(Title), Title, "Enter the commitment's title", Commitment.TitleMaxLength, "The title");
        var description = state.Required(prefix + nameof(Description), Description, "Enter what will be done and why", Commitment.DescriptionMaxLength, "The description");
        var slugs = SupportingOrganisations.Append(LeadOrganisation ?? "").Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => slugs.Contains(o.Slug)).ToDictionaryAsync(o => o.Slug, o => o.Id, cancellationToken);
        if (LeadOrganisation is null || !organisations.ContainsKey(LeadOrganisation))
        {
            state.AddModelError(prefix + nameof(LeadOrganisation), "Select the organisation that leads the commitment");
        }
        if (SupportingOrganisations.Any(s => !organisations.ContainsKey(s)))
        {
            state.AddModelError(prefix + nameof(SupportingOrganisations), "Choose supporting organisations from the list");
        }
        var startsOn = StartsOn.Read(state, prefix + nameof(StartsOn), "the start date");
        var endsOn = EndsOn.Read(state, prefix + nameof(EndsOn), "the end date");
        if (startsOn is { } start && endsOn is { } end && end < start)
        {
            state.AddModelError(prefix + nameof(EndsOn), "The end date must be the same as or after the start date");
        }
        return state.IsValid
            ? new CommitmentDetails(title!, description!, organisations[LeadOrganisation!], [.. SupportingOrganisations.Select(s => organisations[s])], startsOn!.Value, endsOn!.Value)
            : null;
    }

    public string? ReadReference(ModelStateDictionary state)
    {
        const string key = "Form." + nameof(Reference);
        var reference = state.Required(key, Reference?.Trim().ToUpperInvariant(), "Enter the commitment's reference", Commitment.ReferenceMaxLength, "The reference");
        if (reference is not null && (!ReferencePattern().IsMatch(reference) || reference == "NEW"))
        {
            state.AddModelError(key, "The reference can only contain letters, numbers and hyphens, like UK-16-05");
            return null;
        }
        return reference;
    }

    public Completion? ReadCompletion(ModelStateDictionary state) =>
        state.Choice<Completion>("Form." + nameof(Completion), Completion, "Select how far the commitment has got");

    [GeneratedRegex("^[A-Z0-9](?:[A-Z0-9-]*[A-Z0-9])?$")]
    private static partial Regex ReferencePattern();
}
