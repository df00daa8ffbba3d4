using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Commitments.Pages.Assessments;

/// <summary>
/// An assessor records an independent assessment on the OGP Independent Reporting Mechanism's scales. Whether it is
/// starred is worked out from it, never chosen.
/// </summary>
[Authorize]
public sealed class NewModel(CommitmentWorkflow commitments, TimeProvider clock) : PageModel
{
    public static readonly IReadOnlyList<GovukOption> Kinds = GovukOption.FromEnum<AssessmentKind>();
    public static readonly IReadOnlyList<GovukOption> Specificities = GovukOption.FromEnum<Specificity>();
    public static readonly IReadOnlyList<GovukOption> Impacts = GovukOption.FromEnum<PotentialImpact>();
    public static readonly IReadOnlyList<GovukOption> Completions = GovukOption.FromEnum<Completion>();
    public static readonly IReadOnlyList<GovukOption> Openings = GovukOption.FromEnum<OpenedGovernment>();
    public static readonly IReadOnlyList<GovukOption> Values =
    [
        new("access_to_information", "Access to information"), new("civic_participation", "Civic participation"),
        new("public_accountability", "Public accountability"), new("technology_and_innovation", "Technology and innovation for transparency and accountability"),
    ];

    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public DateInput AssessedOn { get; set; } = new();
    [BindProperty] public string? Specificity { get; set; }
    [BindProperty] public List<string> Relevance { get; set; } = [];
    [BindProperty] public string? PotentialImpact { get; set; }
    [BindProperty] public string? Completion { get; set; }
    [BindProperty] public string? OpenedGovernment { get; set; }
    [BindProperty] public string? Summary { get; set; }

    public Commitment Commitment { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        Commitment = await commitments.FindAsync(reference, cancellationToken);
        AssessedOn = DateInput.From(clock.Today());
        return CommitmentPermissions.CanAssess(User) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(string reference, CancellationToken cancellationToken)
    {
        Commitment = await commitments.FindAsync(reference, cancellationToken);
        if (!CommitmentPermissions.CanAssess(User))
        {
            return Forbid();
        }
        var kind = ModelState.Choice<AssessmentKind>(nameof(Kind), Kind, "Select whether this is the mid-term or end-of-term assessment");
        var assessedOn = AssessedOn.Read(ModelState, nameof(AssessedOn), "the date of the assessment");
        var specificity = ModelState.Choice<Specificity>(nameof(Specificity), Specificity, "Select how specific the commitment is");
        if (Relevance.Any(v => Values.All(o => o.Value != v)))
        {
            ModelState.AddModelError(nameof(Relevance), "Select the OGP values from the list");
        }
        var impact = ModelState.Choice<PotentialImpact>(nameof(PotentialImpact), PotentialImpact, "Select the commitment's potential impact");
        var completion = ModelState.Choice<Completion>(nameof(Completion), Completion, "Select how complete the commitment is");
        var opened = kind == AssessmentKind.EndOfTerm
            ? ModelState.Choice<OpenedGovernment>(nameof(OpenedGovernment), OpenedGovernment, "Select whether it opened government: an end-of-term assessment says")
            : ModelState.OptionalChoice<OpenedGovernment>(nameof(OpenedGovernment), OpenedGovernment, "Select whether it opened government from the list");
        var summary = ModelState.Required(nameof(Summary), Summary, "Give the reasons for your assessment", Assessment.SummaryMaxLength, "The reasons");
        return await this.ChangeAsync(async () =>
        {
            var details = new AssessmentDetails(kind!.Value, assessedOn!.Value, specificity!.Value, Relevance.Contains("access_to_information"),
                Relevance.Contains("civic_participation"), Relevance.Contains("public_accountability"), Relevance.Contains("technology_and_innovation"),
                impact!.Value, completion!.Value, opened, summary!);
            await commitments.AssessAsync(reference, details, User, cancellationToken);
            return new Changed($"{CommitmentWorkflow.UrlOf(Commitment.Reference)}#assessments", "The assessment has been published");
        }, nameof(Kind));
    }
}
