using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests.New;

/// <summary>
/// What every question page of "ask for data" shares: the answers so far, kept in the database between
/// pages (so nothing typed is lost, with or without JavaScript), and the order of the questions.
/// </summary>
[Authorize]
public abstract class DraftPage(AppDbContext db, TimeProvider clock) : PageModel
{
    private static readonly string[] Steps = ["", "similar", "holder", "themes", "use", "barriers", "formal", "private", "received", "check"];

    /// <summary>Set when the person came from "check your answers" to change one answer.</summary>
    [BindProperty(SupportsGet = true)] public bool Change { get; set; }

    protected RequestAnswers Answers { get; private set; } = new();
    protected AppDbContext Db => db;
    protected DateOnly Today => clock.Today();

    public string BackLink => Change ? "/requests/new/check" : $"/requests/new/{Previous(StepName)}".TrimEnd('/');

    protected abstract string StepName { get; }

    protected async Task LoadAnswersAsync(CancellationToken cancellationToken)
    {
        var draft = await db.RequestDrafts.FindAsync([User.UserId()!.Value], cancellationToken);
        Answers = draft is null ? new RequestAnswers() : JsonSerializer.Deserialize<RequestAnswers>(draft.Answers, JsonSerializerOptions.Web) ?? new();
    }

    protected async Task SaveAnswersAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId()!.Value;
        var draft = await db.RequestDrafts.FindAsync([userId], cancellationToken);
        if (draft is null)
        {
            draft = new RequestDraft { UserId = userId };
            db.RequestDrafts.Add(draft);
        }
        draft.Answers = JsonSerializer.Serialize(Answers, JsonSerializerOptions.Web);
        draft.UpdatedAt = clock.UtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>After an answer: back to "check your answers" when changing one, otherwise the next question.</summary>
    protected IActionResult Continue() => Redirect(Change ? "/requests/new/check" : $"/requests/new/{Next(StepName)}");

    private string Next(string step)
    {
        var next = Steps[Array.IndexOf(Steps, step) + 1];
        return next == "received" && !DatasetRequestPermissions.CanRecordOnBehalf(User) ? Next(next) : next;
    }

    private string Previous(string step)
    {
        var previous = Steps[Math.Max(0, Array.IndexOf(Steps, step) - 1)];
        return previous == "received" && !DatasetRequestPermissions.CanRecordOnBehalf(User) ? Previous(previous) : previous;
    }
}
