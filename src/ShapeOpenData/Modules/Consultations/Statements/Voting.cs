using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations.Statements;

/// <param name="Choice">The person's vote now, or null when they have none.</param>
/// <param name="Changed">False when nothing changed (the same vote again, or withdrawing a vote that was not there).</param>
public sealed record VoteResult(VoteChoice? Choice, bool Changed, StatementCounts Counts);

/// <summary>
/// Agree, disagree or pass on a statement, one vote per person and statement, changeable and withdrawable while the
/// consultation is open. Only statements everyone can see take votes. The checks are made here; the vote is written
/// by <see cref="VoteBatches"/>, with the statement's counts, and answered once committed. The first vote makes the
/// person's participant record.
/// </summary>
public sealed class Voting(AppDbContext db, Participants participants, VoteBatches batches, TimeProvider clock)
{
    public Task<VoteResult> VoteAsync(string slug, int statementId, VoteChoice choice, ClaimsPrincipal person, CancellationToken cancellationToken = default) =>
        WriteAsync(slug, statementId, choice, person, cancellationToken);

    public Task<VoteResult> WithdrawAsync(string slug, int statementId, ClaimsPrincipal person, CancellationToken cancellationToken = default) =>
        WriteAsync(slug, statementId, null, person, cancellationToken);

    /// <summary>Refuses, as a vote would, someone who may not see the statement (not found) or is not signed in.</summary>
    public async Task CheckAsync(string slug, int statementId, ClaimsPrincipal person, CancellationToken cancellationToken = default) =>
        await FindAsync(slug, statementId, person, cancellationToken);

    private async Task<VoteResult> WriteAsync(string slug, int statementId, VoteChoice? choice, ClaimsPrincipal person, CancellationToken cancellationToken)
    {
        var (statement, consultation, userId, participantId) = await FindAsync(slug, statementId, person, cancellationToken);
        var now = clock.UtcNow();
        if (!consultation.IsOpenAt(now))
        {
            throw new RuleException(StatementBoard.NotOpen(consultation, "votes"));
        }
        if (!statement.Moderation.IsPublic)
        {
            throw new RuleException(statement.Moderation.AwaitingApproval
                ? "This statement is waiting for a moderator: it can be voted on once it is approved"
                : "This statement has been hidden by a moderator: it cannot be voted on");
        }
        if (choice is null && participantId is null)
        {
            // Nothing to take back, and no reason to make a participant record for it.
            return new VoteResult(null, false, new StatementCounts(statement.Id, statement.Agrees, statement.Disagrees, statement.Passes));
        }
        participantId ??= (await participants.EnsureAsync(consultation.Id, userId, cancellationToken)).Id;
        var written = await batches.WriteAsync(new PendingVote(consultation.Id, statement.Id, participantId.Value, choice, now));
        return new VoteResult(choice, written.Changed, written.Counts);
    }

    /// <summary>
    /// The statement and its consultation, as the person may see them (a hidden or held statement only its author and
    /// moderators), and the person's participant record there, if they have one.
    /// </summary>
    private async Task<(Statement, Consultation, int UserId, int? ParticipantId)> FindAsync(string slug, int statementId, ClaimsPrincipal person, CancellationToken cancellationToken)
    {
        var userId = person.UserId() ?? throw new ForbiddenException("Sign in to vote");
        // The consultation, the statement and the voter's participant record in one read: a vote is the busiest thing the service does.
        var found = await db.Statements.AsNoTracking()
            .Where(s => s.Id == statementId)
            .Join(db.Consultations.Where(c => c.Slug == slug), s => s.ConsultationId, c => c.Id, (s, c) => new
            {
                Statement = s,
                Consultation = c,
                ParticipantId = db.Participants.Where(p => p.ConsultationId == c.Id && p.UserId == userId).Select(p => (int?)p.Id).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null || !ConsultationPermissions.CanSee(person, found.Consultation)
            || (!found.Statement.Moderation.IsPublic && !person.Moderates() && !await IsAuthorAsync(found.Statement, userId, cancellationToken)))
        {
            throw new NotFoundException("There is no such statement");
        }
        return (found.Statement, found.Consultation, userId, found.ParticipantId);
    }

    private async Task<bool> IsAuthorAsync(Statement statement, int userId, CancellationToken cancellationToken) =>
        statement.ParticipantId is { } author && await db.Participants.AnyAsync(p => p.Id == author && p.UserId == userId, cancellationToken);
}
