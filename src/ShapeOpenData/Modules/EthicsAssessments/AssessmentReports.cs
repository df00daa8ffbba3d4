using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.EthicsAssessments;

/// <param name="AssessedBy">The public name of who recorded it ("Former participant" once their account is deleted).</param>
public sealed record StageRecord(int Id, ProjectStage Stage, DateOnly AssessedOn, DateTime RecordedAt, string AssessedBy, IReadOnlyList<ItemScore> Scores)
{
    public int ScoreOf(EthicsItem item) => Scores.Single(s => s.Item == item).Score;
}

/// <summary>A person in the team, by their public name.</summary>
public sealed record TeamPerson(int UserId, string Name, DateTime AddedAt);

/// <summary>
/// Everything about one assessment that its page, its exports and the API show: the team, every stage assessment
/// (newest first) and, for the chart and the summary, the latest assessment of each stage in the order of the stages.
/// </summary>
public sealed record AssessmentReport(
    EthicsAssessment Assessment, string? OrganisationSlug, string? OrganisationName, IReadOnlyList<TeamPerson> Team, IReadOnlyList<StageRecord> History)
{
    /// <summary>The latest of each stage assessed so far, start first: by the day assessed, then the latest recorded that day.</summary>
    public IReadOnlyList<StageRecord> Latest { get; } =
        [.. History.GroupBy(h => h.Stage).OrderBy(g => g.Key).Select(g => g.OrderByDescending(h => h.AssessedOn).ThenByDescending(h => h.Id).First())];
}

/// <summary>Reads assessments as a reader may see them: a private one is not there for anyone outside the team (and staff).</summary>
public sealed class AssessmentReports(AppDbContext db)
{
    /// <summary>The assessment if <paramref name="reader"/> may see it; null if it does not exist or they may not.</summary>
    public async Task<AssessmentReport?> FindAsync(string slug, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        var assessment = await db.EthicsAssessments.AsNoTracking().Include(a => a.Team).SingleOrDefaultAsync(a => a.Slug == slug, cancellationToken);
        if (assessment is null || !EthicsAssessmentPermissions.CanSee(reader, assessment, assessment.HasMember(reader.UserId())))
        {
            return null;
        }
        return await ReportAsync(assessment, cancellationToken);
    }

    /// <summary>The published assessment, whoever asks: what the API and its readers may see.</summary>
    public async Task<AssessmentReport?> FindPublishedAsync(string slug, CancellationToken cancellationToken) =>
        await db.EthicsAssessments.AsNoTracking().Include(a => a.Team).SingleOrDefaultAsync(a => a.Slug == slug && a.PublishedAt != null, cancellationToken) is { } assessment
            ? await ReportAsync(assessment, cancellationToken)
            : null;

    /// <summary>The stages each of <paramref name="assessmentIds"/> has been assessed at so far, in the order of the stages, for lists.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<ProjectStage>>> StagesAssessedAsync(IReadOnlyCollection<int> assessmentIds, CancellationToken cancellationToken)
    {
        var assessed = await db.EthicsStageAssessments.Where(s => assessmentIds.Contains(s.AssessmentId)).Select(s => new { s.AssessmentId, s.Stage })
            .Distinct().ToListAsync(cancellationToken);
        return assessmentIds.ToDictionary(id => id, IReadOnlyList<ProjectStage> (id) => [.. assessed.Where(s => s.AssessmentId == id).Select(s => s.Stage).Order()]);
    }

    private async Task<AssessmentReport> ReportAsync(EthicsAssessment assessment, CancellationToken cancellationToken)
    {
        var organisation = assessment.OrganisationId is { } organisationId
            ? await db.Organisations.Where(o => o.Id == organisationId).Select(o => new { o.Slug, o.Name }).SingleAsync(cancellationToken)
            : null;
        var memberIds = assessment.Team.Select(m => m.UserId).ToList();
        var names = await db.Users.Where(u => memberIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.PublicName, cancellationToken);
        var team = assessment.Team.OrderBy(m => m.AddedAt).ThenBy(m => m.Id).Select(m => new TeamPerson(m.UserId, names[m.UserId], m.AddedAt)).ToList();
        var stages = await (from s in db.EthicsStageAssessments.AsNoTracking().Include(s => s.Scores)
                            where s.AssessmentId == assessment.Id
                            join u in db.Users on s.AssessedById equals u.Id into assessors
                            from u in assessors.DefaultIfEmpty()
                            orderby s.RecordedAt descending, s.Id descending
                            select new { Stage = s, Name = u == null ? null : u.DeletedAt == null ? u.DisplayName : Accounts.User.FormerParticipant })
            .ToListAsync(cancellationToken);
        var history = stages.Select(s => new StageRecord(s.Stage.Id, s.Stage.Stage, s.Stage.AssessedOn, s.Stage.RecordedAt, s.Name ?? Accounts.User.FormerParticipant,
            [.. s.Stage.Scores.OrderBy(i => i.Item)])).ToList();
        return new AssessmentReport(assessment, organisation?.Slug, organisation?.Name, team, history);
    }
}
