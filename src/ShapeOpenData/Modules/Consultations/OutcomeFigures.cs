using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Comments;

namespace ShapeOpenData.Modules.Consultations;

/// <summary>What one survey question gathered, as lines to read ("Agree: 12 of 30").</summary>
public sealed record OutcomeQuestion(int Number, string Question, int Answers, IReadOnlyList<string> Lines);

/// <summary>
/// "You said", in figures: what a consultation gathered, counted from what everyone may see (public statements and the
/// votes on them, comments not hidden) and aggregates of the rest (responses, participants).
/// </summary>
/// <param name="OpinionGroups">The groups the last opinion-group run found, or null when none has run.</param>
/// <param name="Grouped">How many participants that run placed in a group.</param>
public sealed record OutcomeFigures(
    int Participants, int Responses, int Comments, int Statements, int Votes, int Agrees, int Disagrees, int Passes,
    int? OpinionGroups, int Grouped, IReadOnlyList<OutcomeQuestion> Questions);

/// <summary>Counts what a consultation gathered, for its outcome page, the outcome form and the API.</summary>
public sealed class OutcomeCounts(AppDbContext db, CommentThreads comments, SurveyResults survey)
{
    public async Task<OutcomeFigures> CountAsync(int consultationId, CancellationToken cancellationToken)
    {
        var participants = await db.Participants.CountAsync(p => p.ConsultationId == consultationId, cancellationToken);
        var responses = await db.Responses.CountAsync(r => r.ConsultationId == consultationId, cancellationToken);
        // Comments are on the sections of every version: people commented on the one they read.
        var sections = await db.Sections.Where(s => db.DocumentVersions.Any(v => v.Id == s.VersionId && v.ConsultationId == consultationId))
            .Select(s => s.Id).ToListAsync(cancellationToken);
        var commentCount = (await comments.CountsAsync(ConsultationsModule.SectionItemType, sections, cancellationToken)).Values.Sum();
        var statements = await db.Statements.Where(s => s.ConsultationId == consultationId && s.Moderation.HiddenAt == null && !s.Moderation.AwaitingApproval)
            .GroupBy(s => 1).Select(g => new { Count = g.Count(), Agrees = g.Sum(s => s.Agrees), Disagrees = g.Sum(s => s.Disagrees), Passes = g.Sum(s => s.Passes) })
            .SingleOrDefaultAsync(cancellationToken);
        var run = await db.OpinionGroupRuns.AsNoTracking().Where(r => r.ConsultationId == consultationId)
            .Select(r => new { r.GroupCount, r.Grouped }).SingleOrDefaultAsync(cancellationToken);
        var (agrees, disagrees, passes) = (statements?.Agrees ?? 0, statements?.Disagrees ?? 0, statements?.Passes ?? 0);
        return new OutcomeFigures(participants, responses, commentCount, statements?.Count ?? 0, agrees + disagrees + passes, agrees, disagrees, passes,
            run is { GroupCount: > 0 } ? run.GroupCount : null, run?.Grouped ?? 0, await SurveyQuestionFiguresAsync(consultationId, cancellationToken));
    }

    /// <summary>
    /// The survey's figures question by question, as lines to read: each answer's count and share for choices and the
    /// scale; for free text only how many answered (the words themselves are on the survey page, where consented).
    /// </summary>
    private async Task<IReadOnlyList<OutcomeQuestion>> SurveyQuestionFiguresAsync(int consultationId, CancellationToken cancellationToken) =>
        [.. (await survey.ForAsync(consultationId, cancellationToken)).Questions.Select(q => new OutcomeQuestion(q.Number, q.Text, q.Answered,
            [.. q.Counts.Select(c => $"{c.Label}: {c.Count:N0} ({Math.Round(c.Share * 100):0}%)")]))];
}
