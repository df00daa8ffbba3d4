using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests.New;

public sealed class BarriersModel(AppDbContext db, TimeProvider clock) : DraftPage(db, clock)
{
    public static readonly IReadOnlyList<GovukOption> Choices = GovukOption.FromEnum<Barrier>();

    [BindProperty] public List<string> Barriers { get; set; } = [];

    protected override string StepName => "barriers";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAnswersAsync(cancellationToken);
        Barriers = Answers.Barriers;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (RequestAnswers.BarriersError(Barriers) is { } error)
        {
            ModelState.AddModelError(nameof(Barriers), error);
            return this.Invalid();
        }
        await LoadAnswersAsync(cancellationToken);
        Answers.Barriers = [.. Barriers.Distinct()];
        await SaveAnswersAsync(cancellationToken);
        return Continue();
    }
}
