using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Notifications;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.EthicsAssessments;

/// <summary>
/// Every change to an ethics assessment: starting one, the team, a stage assessed, publishing and taking it back.
/// Each is checked against <see cref="EthicsAssessmentPermissions"/> and saved in one unit of work with its audit entry
/// and its emails to the rest of the team (which the outbox checks again against who may see it when it sends them).
/// </summary>
public sealed class EthicsAssessmentWorkflow(AppDbContext db, TimeProvider clock, Notifier notifier, ServiceLinks links)
{
    public const string ItemType = EthicsAssessmentsModule.ItemType;

    public static string UrlOf(string slug) => $"/ethics-assessments/{slug}";

    public async Task<EthicsAssessment> StartAsync(string slug, AssessmentDetails details, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var userId = actor.UserId() ?? throw new ForbiddenException();
        if (await db.EthicsAssessments.AnyAsync(a => a.Slug == slug, cancellationToken))
        {
            throw new RuleException("An assessment already uses that short name. Choose another");
        }
        var now = clock.UtcNow();
        var assessment = EthicsAssessment.Start(slug, details, userId, now);
        return await db.InOneTransactionAsync(async () =>
        {
            db.EthicsAssessments.Add(assessment);
            await SaveAsync(cancellationToken);
            db.AuditEntries.Add(AuditEntry.Of(ItemType, assessment.Id, "started", userId, now, null, AssessmentSnapshot.Of(assessment)));
            await SaveAsync(cancellationToken);
            return assessment;
        }, cancellationToken);
    }

    /// <summary>Adds someone with an account to the team, by their email address, and tells them.</summary>
    public async Task AddMemberAsync(string slug, string email, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var assessment = await ForTeamAsync(slug, actor, cancellationToken);
        var normalised = email.Trim().ToUpperInvariant();
        var person = await db.Users.Where(u => u.NormalizedEmail == normalised && u.DeletedAt == null && u.EmailConfirmed)
            .Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new RuleException("There is no account with that email address. Ask them to create an account first");
        var now = clock.UtcNow();
        var member = assessment.AddMember(person.Id, now);
        db.AuditEntries.Add(AuditEntry.Of(ItemType, assessment.Id, "member_added", actor.UserId(), now, null, new TeamMemberSnapshot(member.UserId)));
        await notifier.NotifyAsync(new Notification($"ethics-member:{assessment.Id}:{person.Id}:{now.Ticks}",
            $"You have been added to the team assessing {assessment.ProjectName}", $"""
            {actor.DisplayName()} has added you to the team carrying out the data ethics self-assessment of {assessment.ProjectName}.

            As a member of the team you can assess the project at each stage, manage the team and decide when to publish it.

            See the assessment: {links.Absolute(UrlOf(assessment.Slug))}
            """, "all") { About = null }, // about their own place in the team, which is saved with this email: nothing to check it against yet
            [person.Id], actor.UserId(), cancellationToken);
        await SaveAsync(cancellationToken);
    }

    /// <summary>A member leaves the team, or another member removes them; the last member stays.</summary>
    public async Task RemoveMemberAsync(string slug, int userId, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var assessment = await ForTeamAsync(slug, actor, cancellationToken);
        var now = clock.UtcNow();
        var member = assessment.RemoveMember(userId, now);
        db.AuditEntries.Add(AuditEntry.Of(ItemType, assessment.Id, actor.UserId() == userId ? "member_left" : "member_removed", actor.UserId(), now,
            new TeamMemberSnapshot(member.UserId), null));
        await SaveAsync(cancellationToken);
    }

    /// <summary>Records the project assessed at a stage, and tells the rest of the team.</summary>
    public async Task<StageAssessment> AssessAsync(
        string slug, ProjectStage stage, DateOnly assessedOn, IReadOnlyList<ItemAnswer> answers, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var assessment = await ForTeamAsync(slug, actor, cancellationToken);
        var now = clock.UtcNow();
        var record = assessment.Assess(stage, assessedOn, answers, actor.UserId(), clock.Today(), now);
        db.EthicsStageAssessments.Add(record);
        db.AuditEntries.Add(AuditEntry.Of(ItemType, assessment.Id, "stage_assessed", actor.UserId(), now, null, StageSnapshot.Of(record)));
        await TellTeamAsync(assessment, $"ethics-stage:{assessment.Id}:{now.Ticks}", $"{assessment.ProjectName}: {stage.ToText().ToLowerInvariant()} stage assessed", $"""
            {actor.DisplayName()} has assessed {assessment.ProjectName} at the {stage.ToText().ToLowerInvariant()} stage ({assessedOn:d MMMM yyyy}).

            Average score: {record.Scores.Average(s => s.Score):0.0} out of {EthicsFramework.MaxScore}.

            See the scores and notes: {links.Absolute(UrlOf(assessment.Slug))}
            """, actor, cancellationToken);
        await SaveAsync(cancellationToken);
        return record;
    }

    /// <summary>Publishes it for everyone to read, export and find in the API; the team is told.</summary>
    public async Task PublishAsync(string slug, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var assessment = await ForTeamAsync(slug, actor, cancellationToken);
        var before = AssessmentSnapshot.Of(assessment);
        var now = clock.UtcNow();
        assessment.Publish(now);
        db.AuditEntries.Add(AuditEntry.Of(ItemType, assessment.Id, "published", actor.UserId(), now, before, AssessmentSnapshot.Of(assessment)));
        await TellTeamAsync(assessment, $"ethics-published:{assessment.Id}:{now.Ticks}", $"{assessment.ProjectName}: ethics assessment published", $"""
            {actor.DisplayName()} has published the data ethics self-assessment of {assessment.ProjectName}. Anyone can now read and download it.

            Any member of the team can unpublish it again from the assessment's page: {links.Absolute(UrlOf(assessment.Slug))}
            """, actor, cancellationToken);
        await SaveAsync(cancellationToken);
    }

    /// <summary>Takes it back to the team only.</summary>
    public async Task UnpublishAsync(string slug, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var assessment = await ForTeamAsync(slug, actor, cancellationToken);
        var before = AssessmentSnapshot.Of(assessment);
        var now = clock.UtcNow();
        assessment.Unpublish(now);
        db.AuditEntries.Add(AuditEntry.Of(ItemType, assessment.Id, "unpublished", actor.UserId(), now, before, AssessmentSnapshot.Of(assessment)));
        await SaveAsync(cancellationToken);
    }

    private async Task TellTeamAsync(EthicsAssessment assessment, string key, string subject, string body, ClaimsPrincipal actor, CancellationToken cancellationToken) =>
        await notifier.NotifyAsync(new Notification(key, subject, body, "all") { About = new FollowableItem(ItemType, assessment.Id) },
            assessment.Team.Select(m => m.UserId), actor.UserId(), cancellationToken);

    /// <summary>The assessment with its team, when <paramref name="actor"/> is in the team: 404 for those who may not see it, 403 for others.</summary>
    private async Task<EthicsAssessment> ForTeamAsync(string slug, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var assessment = await db.EthicsAssessments.Include(a => a.Team).SingleOrDefaultAsync(a => a.Slug == slug, cancellationToken);
        var isMember = assessment?.HasMember(actor.UserId()) == true;
        if (assessment is null || !EthicsAssessmentPermissions.CanSee(actor, assessment, isMember))
        {
            throw new NotFoundException("There is no such ethics assessment");
        }
        return EthicsAssessmentPermissions.CanChange(isMember) ? assessment : throw new ForbiddenException("Only the project's team can change its assessment");
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException failure) when (failure is DbUpdateConcurrencyException || failure.IsUniqueViolation())
        {
            throw new RuleException("That changed at the same moment. Check the assessment, then try again");
        }
    }
}

public sealed record AssessmentSnapshot(string Slug, string ProjectName, int? OrganisationId, DateTime? PublishedAt)
{
    public static AssessmentSnapshot Of(EthicsAssessment a) => new(a.Slug, a.ProjectName, a.OrganisationId, a.PublishedAt);
}

public sealed record TeamMemberSnapshot(int UserId);

public sealed record StageSnapshot(string Stage, DateOnly AssessedOn, IReadOnlyDictionary<string, int> Scores, IReadOnlyDictionary<string, string?> Notes)
{
    public static StageSnapshot Of(StageAssessment s) => new(s.Stage.ToCode(), s.AssessedOn,
        s.Scores.ToDictionary(i => i.Item.ToCode(), i => i.Score), s.Scores.ToDictionary(i => i.Item.ToCode(), i => i.Notes));
}
