using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests.New;

/// <summary>Question 1: what data is needed.</summary>
public sealed class TitleModel(AppDbContext db, TimeProvider clock) : DraftPage(db, clock)
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }

    protected override string StepName => "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAnswersAsync(cancellationToken);
        (Title, Description) = (Answers.Title, Answers.Description);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (RequestAnswers.TitleError(Title) is { } titleError) ModelState.AddModelError(nameof(Title), titleError);
        if (RequestAnswers.DescriptionError(Description) is { } descriptionError) ModelState.AddModelError(nameof(Description), descriptionError);
        if (!ModelState.IsValid)
        {
            return this.Invalid();
        }
        await LoadAnswersAsync(cancellationToken);
        (Answers.Title, Answers.Description) = (Title!.Trim(), Description!.Trim());
        await SaveAnswersAsync(cancellationToken);
        // A changed title may now match other requests: always look again.
        return Redirect(Change ? "/requests/new/similar?change=true" : "/requests/new/similar");
    }
}
