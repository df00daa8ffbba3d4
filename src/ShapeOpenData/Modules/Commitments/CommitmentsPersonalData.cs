using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Accounts;

namespace ShapeOpenData.Modules.Commitments;

/// <summary>
/// A person in commitments: the progress updates they posted and the assessments they recorded. Both are part of the
/// public record of a promise, so erasing the account keeps them, shown as by a former participant.
/// </summary>
internal sealed class CommitmentsPersonalData(AppDbContext db) : IPersonalData
{
    public string Section => "commitments";

    public async Task<object?> ExportAsync(int userId, CancellationToken cancellationToken) => new
    {
        UpdatesPosted = await (
                from u in db.ProgressUpdates
                join c in db.Commitments on u.CommitmentId equals c.Id
                where u.PostedById == userId
                orderby u.Id
                select new { Commitment = c.Reference, u.ReportedOn, u.Text, u.Evidence, u.PostedAt })
            .ToListAsync(cancellationToken),
        AssessmentsRecorded = await (
                from a in db.Assessments
                join c in db.Commitments on a.CommitmentId equals c.Id
                where a.AssessorId == userId
                orderby a.Id
                select new { Commitment = c.Reference, a.Kind, a.AssessedOn, a.Summary, a.RecordedAt })
            .ToListAsync(cancellationToken),
    };

    public Task EraseAsync(LeavingPerson person, CancellationToken cancellationToken) => Task.CompletedTask;
}
