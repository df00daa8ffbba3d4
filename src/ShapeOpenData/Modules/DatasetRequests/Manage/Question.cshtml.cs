using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests.Manage;

/// <summary>Asks the requester to clarify; the clock stops until they answer.</summary>
public sealed class QuestionModel(RequestQueries queries, RequestWorkflow workflow) : ManagePage(queries)
{
    [BindProperty] public string? Question { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var question = ModelState.Required(nameof(Question), Question, "Enter your question for the requester", DatasetRequest.QuestionMaxLength, "The question");
        return RunAsync(id, "Your question has been sent. The clock is paused until the requester answers",
            () => workflow.AskAsync(id, User, question!, cancellationToken), cancellationToken, nameof(Question));
    }
}
