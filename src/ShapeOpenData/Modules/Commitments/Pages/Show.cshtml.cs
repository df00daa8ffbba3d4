using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Commitments.Pages;

/// <summary>
/// One commitment: what was promised, by whom and when, its milestones with their evidence, its progress updates and
/// its independent assessments, with what other modules link to it.
/// </summary>
public sealed class ShowModel(CommitmentReadModel read, CommitmentWorkflow commitments, AppDbContext db, Following following, PageSections sections, TimeProvider clock)
    : PageModel
{
    public CommitmentResponse Commitment { get; private set; } = null!;
    public bool CanRun { get; private set; }
    public bool CanAssess => CommitmentPermissions.CanAssess(User);
    public bool IsFollowing { get; private set; }
    public DateOnly Today { get; private set; }

    /// <summary>What other modules show on a commitment's page, like what was traced to it.</summary>
    public IReadOnlyList<PageSection> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken) =>
        await LoadAsync(reference, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostFollowAsync(string reference, CancellationToken cancellationToken) =>
        ActAsync(reference, async id =>
        {
            await following.FollowAsync(User, ItemTypes.Commitment, id, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            TempData.Success("You are following this commitment. We will tell you when it changes");
        }, cancellationToken);

    public Task<IActionResult> OnPostUnfollowAsync(string reference, CancellationToken cancellationToken) =>
        ActAsync(reference, async id =>
        {
            await following.UnfollowAsync(User.UserId()!.Value, ItemTypes.Commitment, id, cancellationToken);
            TempData.Success("You are no longer following this commitment");
        }, cancellationToken);

    private async Task<IActionResult> ActAsync(string reference, Func<int, Task> act, CancellationToken cancellationToken)
    {
        if (!User.IsSignedIn())
        {
            return Challenge();
        }
        var commitment = await commitments.FindAsync(reference, cancellationToken);
        await act(commitment.Id);
        return Redirect(CommitmentWorkflow.UrlOf(commitment.Reference) + "#follow");
    }

    private async Task<bool> LoadAsync(string reference, CancellationToken cancellationToken)
    {
        if (await read.FindAsync(reference, cancellationToken) is not { } found)
        {
            return false;
        }
        Commitment = found;
        // Only its number and lead are still needed: the read model already holds everything shown.
        var entity = await db.Commitments.Where(c => c.Reference == found.Reference).Select(c => new { c.Id, c.LeadOrganisationId }).SingleAsync(cancellationToken);
        CanRun = CommitmentPermissions.CanPublishFor(User, entity.LeadOrganisationId);
        Today = clock.Today();
        if (User.UserId() is { } userId)
        {
            IsFollowing = await following.IsFollowingAsync(userId, ItemTypes.Commitment, entity.Id, cancellationToken);
        }
        Sections = await sections.ForAsync(ItemTypes.Commitment, entity.Id, User, cancellationToken);
        return true;
    }

    public static string Text<TEnum>(string code) where TEnum : struct, Enum => Codes.Parse<TEnum>(code).ToText();
}
