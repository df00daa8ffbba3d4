using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Notifications;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Moderation;

/// <summary>Blocks on a person, and reviews of a decision asked for by the person it is about.</summary>
public sealed partial class ModerationDesk
{
    /// <summary>The author may read but not write for <paramref name="period"/>, and is told why and until when.</summary>
    public async Task BlockAsync(int userId, BlockPeriod period, ModerationReason reason, string? note, ClaimsPrincipal moderator, CancellationToken cancellationToken)
    {
        RefuseUnlessModerator(moderator);
        if (userId == moderator.UserId())
        {
            throw new RuleException("You cannot block yourself");
        }
        if (await IsStaffAsync(userId, cancellationToken))
        {
            throw new RuleException("Staff accounts cannot be blocked here. Ask an administrator to change their roles");
        }
        var now = clock.UtcNow();
        if (await Blocks.ActiveAsync(db, userId, now, cancellationToken) is not null)
        {
            throw new RuleException("This person is already blocked");
        }
        await db.InOneTransactionAsync(async () =>
        {
            var decision = ModerationDecision.Make(ModerationDecision.Account, userId, DecisionKind.Block, reason, note, moderator.UserId(), userId, null, now);
            db.ModerationDecisions.Add(decision);
            await db.SaveChangesAsync(cancellationToken);
            var block = Block.Make(userId, decision.Id, reason, now, period);
            db.Blocks.Add(block);
            db.AuditEntries.Add(AuditEntry.Of(AuditType, decision.Id, "blocked", moderator.UserId(), now, null,
                new { UserId = userId, Reason = reason.ToCode(), block.Until, Period = period.ToCode() }));
            await notifier.NotifyAsync(new Notification($"moderation:{decision.Id}:author", "You cannot post for now",
                $"""
                A moderator has blocked your account {Blocks.Describe(block)}, because of "{reason.ToText()}".
                You can still read everything and look after your account.

                If you think this is wrong, ask for a review: {links.Absolute(ReviewUrl(decision))}
                """, "all") { About = null }, [userId], null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return block.Id;
        }, cancellationToken);
    }

    /// <summary>The person a hide or a block is about asks, once, for another moderator to look again.</summary>
    public async Task AskForReviewAsync(int decisionId, string reason, ClaimsPrincipal author, CancellationToken cancellationToken)
    {
        var decision = await ReviewableAsync(decisionId, author, cancellationToken);
        var now = clock.UtcNow();
        decision.AskForReview(author.UserId() ?? 0, reason, now);
        await Saving(() => db.InOneTransactionAsync(async () =>
        {
            var waiting = await CaseAsync(decision.ItemType, decision.ItemId, decision.AuthorId, cancellationToken);
            waiting.Wait(Waiting.Review, now);
            db.AuditEntries.Add(AuditEntry.Of(AuditType, decision.Id, "review_asked", author.UserId(), now, null, new { Decision = decision.Id }));
            await db.SaveChangesAsync(cancellationToken);
            return decision.Id;
        }, cancellationToken));
    }

    /// <summary>A moderator other than the one who decided upholds or overturns the decision; the author is told.</summary>
    public async Task ReviewAsync(int decisionId, bool overturn, string? note, ClaimsPrincipal moderator, CancellationToken cancellationToken)
    {
        RefuseUnlessModerator(moderator);
        var decision = await db.ModerationDecisions.SingleOrDefaultAsync(d => d.Id == decisionId, cancellationToken) ?? throw new NotFoundException("There is no such decision");
        var now = clock.UtcNow();
        var answer = ModerationDecision.Make(decision.ItemType, decision.ItemId, overturn ? DecisionKind.ReviewOverturned : DecisionKind.ReviewUpheld,
            decision.Reason, note, moderator.UserId(), decision.AuthorId, decision.Url, now);
        decision.CheckReviewer(moderator.UserId());
        await Saving(() => db.InOneTransactionAsync(async () =>
        {
            var waiting = await CaseAsync(decision.ItemType, decision.ItemId, decision.AuthorId, cancellationToken);
            if (overturn && decision.Kind == DecisionKind.Block)
            {
                (await db.Blocks.SingleAsync(b => b.DecisionId == decision.Id, cancellationToken)).Lift(now);
            }
            else if (overturn)
            {
                await Kind(decision.ItemType).ApplyAsync(decision.ItemId, new ModerationChange.Restore(), cancellationToken);
            }
            waiting.Decided(decision.Kind == DecisionKind.Hide && !overturn);
            db.ModerationDecisions.Add(answer);
            await db.SaveChangesAsync(cancellationToken);
            decision.Reviewed(answer);
            db.AuditEntries.Add(AuditEntry.Of(AuditType, answer.Id, overturn ? "review_overturned" : "review_upheld", moderator.UserId(), now, null, new { Reviewed = decision.Id }));
            if (decision.AuthorId is { } authorId)
            {
                var what = decision.Kind == DecisionKind.Block ? "block on your account" : "decision to hide what you wrote";
                await notifier.NotifyAsync(new Notification($"moderation:{answer.Id}:author", overturn ? "We have changed our decision" : "We have reviewed our decision",
                    overturn
                        ? $"A second moderator looked again at the {what} and overturned it.{Where(decision)}"
                        : $"A second moderator looked again at the {what} and decided it stands.{Where(decision)}",
                    "all") { About = null }, [authorId], null, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            return answer.Id;
        }, cancellationToken));
    }

    /// <summary>A decision the person it is about may ask to have reviewed.</summary>
    public async Task<ModerationDecision> ReviewableAsync(int decisionId, ClaimsPrincipal author, CancellationToken cancellationToken)
    {
        var decision = await db.ModerationDecisions.SingleOrDefaultAsync(d => d.Id == decisionId, cancellationToken);
        return decision is not null && decision.AuthorId == author.UserId() ? decision : throw new NotFoundException("There is no such decision");
    }

    /// <summary>Where the person a decision is about reads it and may ask for a review.</summary>
    public static string ReviewUrl(ModerationDecision decision) => $"/moderation/about/{decision.ItemType}/{decision.ItemId}";

    private static string Where(ModerationDecision decision) => decision.Url is { } url ? $"\n\n{url}" : "";
}
