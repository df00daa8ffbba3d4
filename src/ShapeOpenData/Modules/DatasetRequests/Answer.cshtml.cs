using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Modules.DatasetRequests.Manage;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>The requester answers the question they were asked; the clock restarts.</summary>
public sealed class AnswerModel(RequestQueries queries, RequestWorkflow workflow) : ManagePage(queries)
{
    [BindProperty] public string? Answer { get; set; }

    public string? Question => DatasetRequest.Events.Where(e => e.Kind == RequestEventKind.ClarificationRequested).MaxBy(e => e.Id)?.Note;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken, r => DatasetRequestPermissions.CanAnswerQuestion(User, r)) ?? Page();

    public Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var answer = ModelState.Required(nameof(Answer), Answer, "Enter your answer", DatasetRequest.AnswerMaxLength, "Your answer");
        return RunAsync(id, "Thank you. Your answer has been sent and the clock has restarted",
            () => workflow.AnswerAsync(id, User, answer!, cancellationToken), cancellationToken, nameof(Answer),
            r => DatasetRequestPermissions.CanAnswerQuestion(User, r));
    }
}
