using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Audit;

namespace ShapeOpenData.Modules.Consultations;

/// <summary>
/// A person in consultations: the consultations they took part in, their survey responses with every answer, the
/// statements they wrote and their votes, and the document versions they published.
/// </summary>
internal sealed class ConsultationsPersonalData(AppDbContext db, TimeProvider clock) : IPersonalData
{
    public string Section => "consultations";

    public async Task<object?> ExportAsync(int userId, CancellationToken cancellationToken)
    {
        var theirs = db.Participants.Where(p => p.UserId == userId);
        var slugs = db.Consultations.Select(c => new { c.Id, c.Slug });
        return new
        {
            Participations = await (
                    from p in theirs
                    join c in slugs on p.ConsultationId equals c.Id
                    orderby p.Id
                    select new { Consultation = c.Slug, Participant = p.Number, Consent = p.Consent.ToCode(), p.GroupNumber, p.CreatedAt })
                .ToListAsync(cancellationToken),
            Responses = await (
                    from r in db.Responses
                    join p in theirs on r.ParticipantId equals p.Id
                    join c in slugs on r.ConsultationId equals c.Id
                    orderby r.Id
                    select new
                    {
                        Consultation = c.Slug, RespondedAt = r.CreatedAt, r.UpdatedAt, Consent = p.Consent.ToCode(),
                        Answers = (
                            from a in db.Answers
                            join q in db.SurveyQuestions on a.QuestionId equals q.Id
                            where a.ResponseId == r.Id
                            orderby q.Number
                            select new { Question = q.Number, q.Text, Answer = a.Value }).ToList(),
                    })
                .ToListAsync(cancellationToken),
            Statements = await (
                    from s in db.Statements
                    join p in theirs on s.ParticipantId equals p.Id
                    join c in slugs on s.ConsultationId equals c.Id
                    orderby s.Id
                    select new { Consultation = c.Slug, Statement = s.Number, s.Text, s.CreatedAt })
                .ToListAsync(cancellationToken),
            Votes = await (
                    from v in db.StatementVotes
                    join p in theirs on v.ParticipantId equals p.Id
                    join s in db.Statements on v.StatementId equals s.Id
                    join c in slugs on v.ConsultationId equals c.Id
                    orderby c.Id, s.Number
                    select new { Consultation = c.Slug, Statement = s.Number, Vote = v.Choice.ToCode(), v.VotedAt })
                .ToListAsync(cancellationToken),
            VersionsPublished = await (
                    from v in db.DocumentVersions
                    join c in slugs on v.ConsultationId equals c.Id
                    where v.PublishedById == userId
                    orderby v.Id
                    select new { Consultation = c.Slug, Version = v.Number, v.PublishedAt })
                .ToListAsync(cancellationToken),
        };
    }

    /// <summary>
    /// Their survey responses and every answer in them go. Their participant records stay without the account, as
    /// Pol.is keeps an anonymous participant: the statements and votes already published stay, in the groups and in
    /// exports, under the same pseudonym, but nothing links them to the person any more. Versions they published
    /// stay, as the work of a former participant.
    /// </summary>
    public async Task EraseAsync(LeavingPerson person, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        var theirs = db.Participants.Where(p => p.UserId == person.UserId);
        var responses = await db.Responses.Where(r => theirs.Any(p => p.Id == r.ParticipantId))
            .Select(r => new { r.Id, r.ConsultationId, Participant = theirs.Where(p => p.Id == r.ParticipantId).Select(p => p.Number).Single() })
            .ToListAsync(cancellationToken);
        var ids = responses.Select(r => r.Id).ToList();
        // The audit log keeps that a response was removed, and why; it never held the answers.
        db.AuditEntries.AddRange(responses.Select(r => AuditEntry.Of<object>(ConsultationsModule.ItemType, r.ConsultationId, "response_erased", person.UserId, now,
            new { r.Participant }, null)));
        await db.SaveChangesAsync(cancellationToken);
        await db.Answers.Where(a => ids.Contains(a.ResponseId)).ExecuteDeleteAsync(cancellationToken);
        await db.Responses.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
        await theirs.ExecuteUpdateAsync(set => set.SetProperty(p => p.UserId, (int?)null), cancellationToken);
    }
}
