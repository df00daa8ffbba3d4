using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Notifications;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Commitments;

/// <summary>
/// Commitments and their milestones, progress updates and assessments. Each change is one unit of work: the change,
/// its audit entry and the emails to the commitment's followers, saved together.
/// </summary>
public sealed class CommitmentWorkflow(AppDbContext db, TimeProvider clock, Following following, Notifier notifier, ServiceLinks links)
{
    public const string ItemType = ItemTypes.Commitment;

    public static string UrlOf(string reference) => $"/commitments/{reference}";

    public async Task<Commitment> AddAsync(string planSlug, string reference, CommitmentDetails details, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var plan = await db.EngagementPlans.SingleOrDefaultAsync(p => p.Slug == planSlug, cancellationToken) ?? throw new NotFoundException("There is no such plan");
        if (!CommitmentPermissions.CanPublishFor(actor, plan.OrganisationId) || !CommitmentPermissions.CanPublishFor(actor, details.LeadOrganisationId))
        {
            throw new ForbiddenException("Only the programme team and the plan's publishers can add commitments to it");
        }
        if (await db.Commitments.AnyAsync(c => c.Reference == reference, cancellationToken))
        {
            throw new FieldRuleException("Reference", $"There is already a commitment {reference}: choose another reference");
        }
        await RequireOrganisationsAsync(details, cancellationToken);
        var now = clock.UtcNow();
        var commitment = Commitment.Make(plan.Id, reference, details, now);
        return await db.InOneTransactionAsync(async () =>
        {
            db.Commitments.Add(commitment);
            await db.SaveChangesAsync(cancellationToken);
            db.AuditEntries.Add(AuditEntry.Of(ItemType, commitment.Id, "added", actor.UserId(), now, null, CommitmentSnapshot.Of(commitment)));
            await following.FollowAsync(actor.UserId()!.Value, ItemType, commitment.Id, asked: true, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return commitment;
        }, cancellationToken);
    }

    /// <summary>Its details and completion; followers are told when its completion changes.</summary>
    public async Task ChangeAsync(string reference, CommitmentDetails details, Completion completion, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var commitment = await RunAsync(reference, actor, cancellationToken);
        if (details.LeadOrganisationId != commitment.LeadOrganisationId && !CommitmentPermissions.CanPublishFor(actor, details.LeadOrganisationId))
        {
            throw new FieldRuleException("LeadOrganisation", "You can only hand a commitment to an organisation you publish for");
        }
        await RequireOrganisationsAsync(details, cancellationToken);
        var before = CommitmentSnapshot.Of(commitment);
        var now = clock.UtcNow();
        commitment.Change(details, now);
        var moved = commitment.MoveTo(completion, now);
        await SaveAsync(commitment, "changed", before, actor, moved
            ? ($"completion:{completion.ToCode()}:{now.Ticks}", $"Commitment {commitment.Reference} is now {completion.ToText().ToLowerInvariant()}",
                $"Its lead organisation now judges \"{commitment.Title}\" to be {completion.ToText().ToLowerInvariant()}.")
            : null, cancellationToken);
    }

    public async Task<Milestone> AddMilestoneAsync(string reference, string title, DateOnly dueOn, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var commitment = await RunAsync(reference, actor, cancellationToken);
        var before = CommitmentSnapshot.Of(commitment);
        var milestone = commitment.AddMilestone(title, dueOn, clock.UtcNow());
        await SaveAsync(commitment, "milestone_added", before, actor,
            ($"milestone:{milestone.Number}:added", $"New milestone for commitment {commitment.Reference}",
                $"Milestone {milestone.Number}, \"{milestone.Title}\", is due by {dueOn:d MMMM yyyy}."), cancellationToken);
        return milestone;
    }

    /// <summary>A milestone's title, due date and state; followers are told when its state changes.</summary>
    public async Task ChangeMilestoneAsync(
        string reference, int number, MilestoneChange change, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var commitment = await RunAsync(reference, actor, cancellationToken);
        var milestone = commitment.Milestones.SingleOrDefault(m => m.Number == number) ?? throw new NotFoundException("There is no such milestone");
        var before = CommitmentSnapshot.Of(commitment);
        var was = milestone.State;
        milestone.Change(change.Title, change.DueOn);
        milestone.MoveTo(change.State, change.Evidence, change.MetOn, clock.Today());
        var now = clock.UtcNow();
        await SaveAsync(commitment, "milestone_changed", before, actor, was == milestone.State ? null
            : ($"milestone:{number}:{milestone.State.ToCode()}:{now.Ticks}", $"Milestone {number} of commitment {commitment.Reference}: {milestone.State.ToText().ToLowerInvariant()}",
                $"Milestone {number}, \"{milestone.Title}\", is now {milestone.State.ToText().ToLowerInvariant()}"
                + (milestone.MetOn is { } met ? $" (met {met:d MMMM yyyy}).\n\nEvidence: {milestone.Evidence}" : ".")), cancellationToken);
    }

    public async Task PostUpdateAsync(string reference, DateOnly reportedOn, string text, string? evidence, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var commitment = await RunAsync(reference, actor, cancellationToken);
        var before = CommitmentSnapshot.Of(commitment);
        var now = clock.UtcNow();
        var update = ProgressUpdate.Post(reportedOn, text, evidence, actor.UserId(), now, clock.Today());
        commitment.Updates.Add(update);
        await SaveAsync(commitment, "progress_posted", before, actor,
            ($"update:{now.Ticks}", $"Progress on commitment {commitment.Reference}",
                $"Progress reported as of {reportedOn:d MMMM yyyy}:\n\n{update.Text}" + (update.Evidence is null ? "" : $"\n\nEvidence: {update.Evidence}")), cancellationToken);
    }

    public async Task AssessAsync(string reference, AssessmentDetails details, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        if (!CommitmentPermissions.CanAssess(actor))
        {
            throw new ForbiddenException("Only assessors can record an independent assessment");
        }
        var commitment = await FindAsync(reference, cancellationToken);
        var before = CommitmentSnapshot.Of(commitment);
        var now = clock.UtcNow();
        var assessment = Assessment.Record(details, actor.UserId(), now, clock.Today());
        commitment.Assessments.Add(assessment);
        await SaveAsync(commitment, "assessed", before, actor,
            ($"assessment:{now.Ticks}", $"Commitment {commitment.Reference} has been independently assessed",
                $"A {details.Kind.ToText().ToLowerInvariant()} assessment, as of {details.AssessedOn:d MMMM yyyy}: completion {details.Completion.ToText().ToLowerInvariant()}, "
                + $"potential impact {details.PotentialImpact.ToText().ToLowerInvariant()}"
                + (CommitmentRules.IsStarred(assessment) ? ". It is a starred commitment." : ".")), cancellationToken);
    }

    /// <summary>The commitment with everything it holds, for reading or changing; its reference in any case.</summary>
    public async Task<Commitment> FindAsync(string reference, CancellationToken cancellationToken)
    {
        var key = reference.ToUpperInvariant();
        return await db.Commitments.Where(c => c.Reference == key)
                .Include(c => c.Supporters).Include(c => c.Milestones).Include(c => c.Updates).Include(c => c.Assessments)
                .AsSplitQuery().SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("There is no such commitment");
    }

    private async Task<Commitment> RunAsync(string reference, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var commitment = await FindAsync(reference, cancellationToken);
        if (!CommitmentPermissions.CanRun(actor, commitment))
        {
            throw new ForbiddenException("Only the programme team and the lead organisation's publishers can change this commitment");
        }
        return commitment;
    }

    private async Task RequireOrganisationsAsync(CommitmentDetails details, CancellationToken cancellationToken)
    {
        var wanted = details.SupportingOrganisationIds.Append(details.LeadOrganisationId).Distinct().ToList();
        if (await db.Organisations.CountAsync(o => wanted.Contains(o.Id), cancellationToken) != wanted.Count)
        {
            throw new FieldRuleException("SupportingOrganisations", "Choose organisations from the list");
        }
    }

    /// <summary>The change, its audit entry and, when there is news, the followers' emails: saved together.</summary>
    private Task<bool> SaveAsync(
        Commitment commitment, string action, CommitmentSnapshot before, ClaimsPrincipal actor, (string Key, string Subject, string Body)? news,
        CancellationToken cancellationToken) =>
        db.InOneTransactionAsync(async () =>
        {
            db.AuditEntries.Add(AuditEntry.Of(ItemType, commitment.Id, action, actor.UserId(), clock.UtcNow(), before, CommitmentSnapshot.Of(commitment)));
            if (news is { } told)
            {
                await notifier.NotifyFollowersAsync(
                    new Notification($"commitment:{commitment.Id}:{told.Key}", told.Subject, $"""
                        {told.Body}

                        See the commitment: {links.Absolute(UrlOf(commitment.Reference))}
                        """, $"follow:{ItemType}:{commitment.Id}"),
                    new FollowableItem(ItemType, commitment.Id), actor.UserId(), cancellationToken: cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);
}

public sealed record MilestoneChange(string Title, DateOnly DueOn, MilestoneState State, string? Evidence, DateOnly? MetOn);

/// <summary>The commitment as the audit log keeps it: its details, and its milestones' states and evidence.</summary>
public sealed record CommitmentSnapshot(
    string Reference, string Title, int LeadOrganisationId, IReadOnlyList<int> Supporters, DateOnly StartsOn, DateOnly EndsOn, string Completion,
    IReadOnlyList<string> Milestones, int Updates, int Assessments)
{
    public static CommitmentSnapshot Of(Commitment c) => new(
        c.Reference, c.Title, c.LeadOrganisationId, [.. c.Supporters.Select(s => s.OrganisationId).Order()], c.StartsOn, c.EndsOn, c.Completion.ToCode(),
        [.. c.Milestones.OrderBy(m => m.Number).Select(m => $"{m.Number}. {m.Title} (due {m.DueOn:yyyy-MM-dd}): {m.State.ToCode()}{(m.MetOn is { } met ? $" {met:yyyy-MM-dd}" : "")}{(m.Evidence is null ? "" : $" [{m.Evidence}]")}")],
        c.Updates.Count, c.Assessments.Count);
}
