using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Updates.Pages;

/// <summary>
/// Answers a suggestion for improvement — noted, adopted, or not adopted with the reason — for the programme team and
/// the update's organisation's publishers. The answer can be changed later; the audit log keeps each one.
/// </summary>
[Authorize]
public sealed class AnswerModel(AppDbContext db, UpdateReadModel read, UpdateWorkflow updates) : PageModel
{
    public static readonly IReadOnlyList<GovukOption> Answers =
    [
        new("noted", "Noted", "You have read it and will keep it in mind"),
        new("adopted", "Adopted", "The update, or what it describes, will change because of it"),
        new("not_adopted", "Not adopted", "Say why in the reason"),
    ];

    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public UpdateResponse Update { get; private set; } = null!;
    public SuggestionResponse Suggestion { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(slug, id, cancellationToken) is { } refused)
        {
            return refused;
        }
        (Answer, Reason) = (Suggestion.Answer, Suggestion.Reason);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, int id, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(slug, id, cancellationToken) is { } refused)
        {
            return refused;
        }
        // That "not adopted" needs a reason is the suggestion's own rule: broken, it is shown on the reason.
        var answer = ModelState.Choice<SuggestionAnswer>(nameof(Answer), Answer, "Select noted, adopted or not adopted");
        var reason = ModelState.Optional(nameof(Reason), Reason, Updates.Suggestion.ReasonMaxLength, "The reason");
        return await this.ChangeAsync(() => updates.AnswerAsync(slug, id, answer!.Value, reason, User, cancellationToken),
            $"The suggestion has been answered: {answer?.ToText().ToLowerInvariant()}", UpdateWorkflow.UrlOf(slug, id), nameof(Reason));
    }

    /// <summary>Not found, forbidden, or null when the person may answer; loads the update and the suggestion.</summary>
    private async Task<IActionResult?> AllowedAsync(string slug, int id, CancellationToken cancellationToken)
    {
        if (await read.FindAsync(slug, cancellationToken) is not { } update || update.Suggestions.SingleOrDefault(s => s.Id == id) is not { } suggestion)
        {
            return NotFound();
        }
        (Update, Suggestion) = (update, suggestion);
        var organisation = await db.PolicyUpdates.Where(u => u.Slug == slug).Select(u => u.OrganisationId).SingleAsync(cancellationToken);
        return UpdatePermissions.CanPostFor(User, organisation) ? null : Forbid();
    }
}
