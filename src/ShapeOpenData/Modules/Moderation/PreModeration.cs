using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Moderation;

/// <summary>
/// Content waits for a moderator where its place says so, and, when the programme turns it on, until a new
/// account's first post has been approved. Staff are never held.
/// </summary>
internal sealed class PreModeration(AppDbContext db, TimeProvider clock, IOptions<ModerationOptions> options) : IPreModeration, IReaction<ContentHeld>
{
    public async Task<bool> HoldsAsync(int authorId, bool placeRequiresIt, CancellationToken cancellationToken)
    {
        if (await ModerationModule.IsStaffAsync(db, authorId, cancellationToken))
        {
            return false;
        }
        if (placeRequiresIt)
        {
            return true;
        }
        var newSince = clock.UtcNow().AddDays(-options.Value.NewAccountDays);
        return options.Value.PreModerateFirstPosts
            && await db.Users.AnyAsync(u => u.Id == authorId && u.CreatedAt > newSince, cancellationToken)
            && !await db.ModerationDecisions.AnyAsync(d => d.AuthorId == authorId && d.Kind == DecisionKind.Approve, cancellationToken);
    }

    /// <summary>Held content joins the queue in the unit of work that wrote it.</summary>
    public async Task<int> HandleAsync(ContentHeld happened, CancellationToken cancellationToken)
    {
        var waiting = await db.ModerationCases.SingleOrDefaultAsync(c => c.ItemType == happened.Type && c.ItemId == happened.Id, cancellationToken);
        if (waiting is null)
        {
            waiting = ModerationCase.For(happened.Type, happened.Id, happened.AuthorId);
            db.ModerationCases.Add(waiting);
        }
        waiting.Wait(Waiting.Approval, clock.UtcNow());
        return 1;
    }
}
