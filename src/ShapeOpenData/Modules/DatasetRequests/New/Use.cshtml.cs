using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests.New;

/// <summary>What the data is for, and how it would help: what publishers weigh most.</summary>
public sealed class UseModel(AppDbContext db, TimeProvider clock) : DraftPage(db, clock)
{
    public static readonly IReadOnlyList<GovukOption> Choices = GovukOption.FromEnum<IntendedUse>();

    [BindProperty] public string? IntendedUse { get; set; }
    [BindProperty] public string? Benefits { get; set; }

    protected override string StepName => "use";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAnswersAsync(cancellationToken);
        (IntendedUse, Benefits) = (Answers.IntendedUse, Answers.Benefits);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (RequestAnswers.IntendedUseError(IntendedUse) is { } useError) ModelState.AddModelError(nameof(IntendedUse), useError);
        if (RequestAnswers.BenefitsError(Benefits) is { } benefitsError) ModelState.AddModelError(nameof(Benefits), benefitsError);
        if (!ModelState.IsValid)
        {
            return this.Invalid();
        }
        await LoadAnswersAsync(cancellationToken);
        (Answers.IntendedUse, Answers.Benefits) = (IntendedUse, string.IsNullOrWhiteSpace(Benefits) ? null : Benefits.Trim());
        await SaveAnswersAsync(cancellationToken);
        return Continue();
    }
}
