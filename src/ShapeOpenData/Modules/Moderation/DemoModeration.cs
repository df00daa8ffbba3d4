using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Comments;
using ShapeOpenData.Modules.Notifications;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Moderation;

/// <summary>
/// A moderation queue worth working: reports of every reason waiting, an advert hidden after three reports and its
/// author blocked, a rude comment hidden by the programme team whose author asked for a review (which the demo moderator
/// may decide, not having made it), and personal data waiting to be edited out. Made through the real desk, so the log,
/// audit entries and the queue are what the service would have produced.
/// </summary>
internal sealed class DemoModeration(IServiceProvider services, AppDbContext db, Onboarding onboarding, TimeProvider serviceClock) : IDemoContent
{
    public int Order => 30;

    public async Task SeedAsync(IServiceProvider scope, CancellationToken cancellationToken)
    {
        var demo = await db.Users.Where(u => u.Email!.EndsWith("@" + DemoAccounts.Domain)).ToDictionaryAsync(u => u.Email!.Split('@')[0], cancellationToken);
        if (!demo.ContainsKey("programme") || demo.ContainsKey("promoter") || await db.ModerationDecisions.AnyAsync(cancellationToken))
        {
            return;
        }
        var requests = await db.Comments.Where(c => c.TargetType == ItemTypes.Request && c.ParentId == null)
            .Select(c => c.TargetId).Distinct().OrderBy(id => id).Take(3).ToListAsync(cancellationToken);
        var earlier = await db.Comments.Where(c => c.TargetType == ItemTypes.Request && c.ParentId == null).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.AuthorId }).Take(12).ToListAsync(cancellationToken);
        if (requests.Count < 3)
        {
            return;
        }
        var (promoterUser, _) = await onboarding.AddAsync(new NewPerson($"promoter@{DemoAccounts.Domain}", "Quick Data Deals"), cancellationToken);
        var clock = new DemoClock(serviceClock.GetUtcNow().AddDays(-6));
        var comments = ActivatorUtilities.CreateInstance<CommentThreads>(services, clock);
        var desk = ActivatorUtilities.CreateInstance<ModerationDesk>(services, clock);
        async Task<ClaimsPrincipal> As(string who) => await DemoAccounts.PrincipalAsync(db, demo[who]);
        var promoter = await DemoAccounts.PrincipalAsync(db, promoterUser!);
        var programme = await As("programme");

        // An advert, hidden automatically after three reports; the programme team keeps it hidden and blocks its author,
        // who asks for the block to be reviewed.
        var advert = await comments.PostAsync(ItemTypes.Request, requests[0], null,
            "Need this data fast? Our scraping service delivers any government dataset overnight. Visit quick-data-deals.example today!", promoter, cancellationToken);
        clock.Advance(1);
        foreach (var who in new[] { "startup", "journalist", "resident" })
        {
            await desk.ReportAsync(CommentsModule.ItemType, advert.Id, ModerationReason.Spam, null, await As(who), cancellationToken);
        }
        await desk.DecideAsync(CommentsModule.ItemType, advert.Id, new Verdict.Hide(ModerationReason.Spam, "Third advert from this account this week."), programme, cancellationToken);
        await desk.BlockAsync(promoterUser!.Id, BlockPeriod.OneWeek, ModerationReason.Spam, "Adverts on three requests.", programme, cancellationToken);
        clock.Advance(1);
        var block = await db.ModerationDecisions.SingleAsync(d => d.ItemType == ModerationDecision.Account && d.ItemId == promoterUser.Id, cancellationToken);
        await desk.AskForReviewAsync(block.Id, "We were only trying to help people find the data they asked for.", promoter, cancellationToken);

        // A rude comment hidden by the programme team; its author asks for a review the demo moderator can decide.
        var rude = await comments.PostAsync(ItemTypes.Request, requests[1], null,
            "Typical. This department never answers anything and the people who run it are useless.", await As("council"), cancellationToken);
        await desk.ReportAsync(CommentsModule.ItemType, rude.Id, ModerationReason.Abuse, "Insulting the staff rather than discussing the data.", await As("researcher"), cancellationToken);
        clock.Advance(1);
        await desk.DecideAsync(CommentsModule.ItemType, rude.Id, new Verdict.Hide(ModerationReason.Abuse, null), programme, cancellationToken);
        var hide = await db.ModerationDecisions.SingleAsync(d => d.ItemType == CommentsModule.ItemType && d.ItemId == rude.Id && d.Kind == DecisionKind.Hide, cancellationToken);
        await desk.AskForReviewAsync(hide.Id, "I was frustrated, but it is fair criticism: we have waited six months.", await As("council"), cancellationToken);

        // Waiting in the queue: personal data to edit out, and reports of every other reason on earlier comments.
        clock.Advance(1);
        var personal = await comments.PostAsync(ItemTypes.Request, requests[2], null,
            "My neighbour John Smith at 12 Acacia Avenue works there and says the figures exist. Ring him on 07700 900123.", await As("resident"), cancellationToken);
        await desk.ReportAsync(CommentsModule.ItemType, personal.Id, ModerationReason.PersonalData, "Names a private person and gives his phone number.", await As("charity"), cancellationToken);
        var reasons = new[] { (ModerationReason.OffTopic, "council", (string?)null), (ModerationReason.Spam, "charity", null), (ModerationReason.Other, "journalist", "I think this repeats a comment on another request word for word.") };
        foreach (var ((reason, who, detail), comment) in reasons.Zip(earlier.Where(c => c.AuthorId != demo["council"].Id && c.AuthorId != demo["charity"].Id && c.AuthorId != demo["journalist"].Id)))
        {
            await desk.ReportAsync(CommentsModule.ItemType, comment.Id, reason, detail, await As(who), cancellationToken);
        }
        await services.GetRequiredService<Notifier>().DiscardPendingAsync("Demo content: not sent", cancellationToken);
    }
}
