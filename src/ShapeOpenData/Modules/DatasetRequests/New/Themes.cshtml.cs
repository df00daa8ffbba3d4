using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests.New;

public sealed class ThemesModel(AppDbContext db, TimeProvider clock) : DraftPage(db, clock)
{
    public static readonly IReadOnlyList<GovukOption> Choices = GovukOption.FromEnum<Theme>();

    [BindProperty] public List<string> Themes { get; set; } = [];

    protected override string StepName => "themes";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAnswersAsync(cancellationToken);
        Themes = Answers.Themes;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (RequestAnswers.ThemesError(Themes) is { } error)
        {
            ModelState.AddModelError(nameof(Themes), error);
            return this.Invalid();
        }
        await LoadAnswersAsync(cancellationToken);
        Answers.Themes = [.. Themes.Distinct()];
        await SaveAnswersAsync(cancellationToken);
        return Continue();
    }
}
