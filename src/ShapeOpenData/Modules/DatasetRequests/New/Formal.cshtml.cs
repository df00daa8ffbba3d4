using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests.New;

/// <summary>Whether the request is also a formal request under a law, which sets its legal clock.</summary>
public sealed class FormalModel(AppDbContext db, TimeProvider clock, Jurisdiction.Jurisdiction jurisdiction) : DraftPage(db, clock)
{
    [BindProperty] public string? Regime { get; set; }

    public IReadOnlyList<GovukOption> Choices { get; private set; } = [];

    protected override string StepName => "formal";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAnswersAsync(cancellationToken);
        Regime = Answers.Regime;
        await LoadChoicesAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (RequestAnswers.RegimeError(Regime) is { } error)
        {
            ModelState.AddModelError(nameof(Regime), error);
            await LoadChoicesAsync(cancellationToken);
            return this.Invalid();
        }
        await LoadAnswersAsync(cancellationToken);
        Answers.Regime = Regime;
        await SaveAnswersAsync(cancellationToken);
        return Continue();
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var rules = await jurisdiction.GetAsync(cancellationToken);
        Choices =
        [
            new(RequestAnswers.NotFormal, "No, an ordinary request", $"Answered within the programme's standard of {rules.ServiceStandard.DescribeAmount()}"),
            .. RequestAnswers.FormalRegimes.Select(rules.Find).OfType<Jurisdiction.LegalRegime>()
                .Select(r => new GovukOption(r.Code, $"Yes, under the {r.Name}", $"A legal right to a reply within {r.DescribeAmount()}")),
        ];
    }
}
