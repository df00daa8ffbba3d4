using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.DatasetRequests.New;

/// <summary>"Is your request one of these?" Shown only when open requests share the title's words.</summary>
public sealed class SimilarModel(AppDbContext db, TimeProvider clock, SimilarRequests similar) : DraftPage(db, clock)
{
    public IReadOnlyList<SimilarRequest> Requests { get; private set; } = [];

    protected override string StepName => "similar";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAnswersAsync(cancellationToken);
        if (Answers.Title is null)
        {
            return Redirect("/requests/new");
        }
        Requests = await similar.FindAsync(Answers.Title, cancellationToken: cancellationToken);
        return Requests.Count == 0 ? Continue() : Page();
    }

    public IActionResult OnPost() => Continue();
}
