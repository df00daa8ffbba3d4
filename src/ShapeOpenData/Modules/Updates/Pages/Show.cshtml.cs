using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Comments;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Updates.Pages;

/// <summary>
/// One policy update: its text and tags, the suggestions for improvement with their answers and a form to suggest one,
/// follow and unfollow, and its comments.
/// </summary>
public sealed class ShowModel(UpdateReadModel read, UpdateWorkflow updates, AppDbContext db, Following following, CommentThreads comments) : PageModel
{
    [BindProperty] public string? Text { get; set; }

    public UpdateResponse Update { get; private set; } = null!;
    public CommentPage Comments { get; private set; } = null!;
    public bool CanChange { get; private set; }
    public bool IsFollowing { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "comments")] int commentPage, CancellationToken cancellationToken) =>
        await LoadAsync(slug, commentPage, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSuggestAsync(string slug, CancellationToken cancellationToken)
    {
        if (!UpdatePermissions.CanSuggest(User))
        {
            return Challenge();
        }
        if (!await db.PolicyUpdates.AnyAsync(u => u.Slug == slug, cancellationToken))
        {
            return NotFound();
        }
        var text = ModelState.Required(nameof(Text), Text, "Enter your suggestion", Suggestion.TextMaxLength, "Your suggestion");
        return await this.ChangeAsync(async () =>
        {
            var suggestion = await updates.SuggestAsync(slug, text!, User, cancellationToken);
            return new Changed(UpdateWorkflow.UrlOf(slug, suggestion.Id), "Thank you. Your suggestion has been published, and we will email you when it is answered");
        }, nameof(Text), () => LoadAsync(slug, 1, cancellationToken));
    }

    public Task<IActionResult> OnPostFollowAsync(string slug, CancellationToken cancellationToken) =>
        ActAsync(slug, async id =>
        {
            await following.FollowAsync(User, ItemTypes.Update, id, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            TempData.Success("You are following this update. We will tell you when it changes or gets a suggestion");
        }, cancellationToken);

    public Task<IActionResult> OnPostUnfollowAsync(string slug, CancellationToken cancellationToken) =>
        ActAsync(slug, async id =>
        {
            await following.UnfollowAsync(User.UserId()!.Value, ItemTypes.Update, id, cancellationToken);
            TempData.Success("You are no longer following this update");
        }, cancellationToken);

    private async Task<IActionResult> ActAsync(string slug, Func<int, Task> act, CancellationToken cancellationToken)
    {
        if (!User.IsSignedIn())
        {
            return Challenge();
        }
        var update = await updates.FindAsync(slug, cancellationToken);
        await act(update.Id);
        return Redirect(UpdateWorkflow.UrlOf(update.Slug) + "#follow");
    }

    private async Task<bool> LoadAsync(string slug, int commentPage, CancellationToken cancellationToken)
    {
        if (await read.FindAsync(slug, cancellationToken) is not { } found)
        {
            return false;
        }
        Update = found;
        var entity = await db.PolicyUpdates.Where(u => u.Slug == slug).Select(u => new { u.Id, u.OrganisationId }).SingleAsync(cancellationToken);
        CanChange = UpdatePermissions.CanPostFor(User, entity.OrganisationId);
        if (User.UserId() is { } userId)
        {
            IsFollowing = await following.IsFollowingAsync(userId, ItemTypes.Update, entity.Id, cancellationToken);
        }
        Comments = await comments.PageAsync(ItemTypes.Update, entity.Id, commentPage, User, User.IsSignedIn(), cancellationToken);
        return true;
    }

    public static string AnswerText(string code) => Codes.Parse<SuggestionAnswer>(code).ToText();
}
