using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests.New;

public sealed class PrivateModel(AppDbContext db, TimeProvider clock) : DraftPage(db, clock)
{
    public static readonly IReadOnlyList<GovukOption> Choices =
    [
        new("false", "No, make it public", "Others can see it, support it and comment. This is how most requests get answered."),
        new("true", "Yes, keep it private", "Only you, the organisation answering it, moderators and the programme team will see it."),
    ];

    [BindProperty] public string? Confidential { get; set; }

    protected override string StepName => "private";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAnswersAsync(cancellationToken);
        Confidential = Answers.Confidential?.ToString().ToLowerInvariant();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        bool? confidential = Confidential switch { "true" => true, "false" => false, _ => null };
        if (RequestAnswers.ConfidentialError(confidential) is { } error)
        {
            ModelState.AddModelError(nameof(Confidential), error);
            return this.Invalid();
        }
        await LoadAnswersAsync(cancellationToken);
        Answers.Confidential = confidential;
        await SaveAnswersAsync(cancellationToken);
        return Continue();
    }
}
