using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Audit;

namespace ShapeOpenData.Modules.EthicsAssessments;

/// <summary>A person in ethics assessments: the teams they are in, and the stage assessments they recorded.</summary>
internal sealed class EthicsAssessmentsPersonalData(AppDbContext db, TimeProvider clock) : IPersonalData
{
    public string Section => "ethics_assessments";

    public async Task<object?> ExportAsync(int userId, CancellationToken cancellationToken) => new
    {
        Teams = await db.EthicsTeamMembers.Where(m => m.UserId == userId).OrderBy(m => m.Id)
            .Select(m => new { Assessment = db.EthicsAssessments.Where(a => a.Id == m.AssessmentId).Select(a => a.Slug).Single(), m.AddedAt })
            .ToListAsync(cancellationToken),
        StagesAssessed = (await db.EthicsStageAssessments.Where(s => s.AssessedById == userId).OrderBy(s => s.Id)
            .Select(s => new { Assessment = db.EthicsAssessments.Where(a => a.Id == s.AssessmentId).Select(a => a.Slug).Single(), s.Stage, s.AssessedOn, s.RecordedAt })
            .ToListAsync(cancellationToken)).Select(s => new { s.Assessment, Stage = s.Stage.ToCode(), s.AssessedOn, s.RecordedAt }),
    };

    /// <summary>
    /// They leave every team (an assessment left with no team stays, seen by the programme team and administrators, and by
    /// everyone if it was published). The stage assessments they recorded stay, as by a former participant: they are the
    /// team's record, not theirs.
    /// </summary>
    public async Task EraseAsync(LeavingPerson person, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        var memberships = await db.EthicsTeamMembers.Where(m => m.UserId == person.UserId).ToListAsync(cancellationToken);
        db.AuditEntries.AddRange(memberships.Select(m =>
            AuditEntry.Of(EthicsAssessmentsModule.ItemType, m.AssessmentId, "left_with_account", person.UserId, now, new TeamMemberSnapshot(m.UserId), null)));
        db.EthicsTeamMembers.RemoveRange(memberships);
        await db.SaveChangesAsync(cancellationToken);
    }
}
