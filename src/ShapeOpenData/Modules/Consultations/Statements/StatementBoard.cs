using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Api;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations.Statements;

/// <summary>Who is reading a consultation's statements: their participant record, if they have one, and whether they moderate.</summary>
public sealed record StatementReader(int? ParticipantId, bool Moderates);

/// <summary>A statement as one reader sees it: its counts, their own vote, and what moderators did to it, if anything.</summary>
/// <param name="Notice">"Waiting for a moderator to approve it" or "Hidden by a moderator: …", or null when everyone can read it.</param>
public sealed record StatementView(
    int Id, int Number, string Text, DateTime CreatedAt, int Agrees, int Disagrees, int Passes, string? Notice, bool IsYours, VoteChoice? YourVote)
{
    public int Votes => Agrees + Disagrees + Passes;
    public bool IsPublic => Notice is null;
}

/// <summary>What the audit log keeps of a statement when it is submitted.</summary>
public sealed record StatementSnapshot(int ConsultationId, int Number, string Text, bool Held);

/// <summary>
/// A consultation's statements as people read, are offered and submit them. Everyone may read the public ones (neither
/// hidden nor waiting for approval); a hidden or held statement is shown only to its author and moderators. People
/// signed in submit statements while the consultation is open; where it moderates statements (or the person's posts
/// are pre-moderated) a new one waits for a moderator. Statements are numbered within their consultation.
/// </summary>
public sealed class StatementBoard(
    AppDbContext db, TimeProvider clock, Participants participants, IPreModeration preModeration, DomainEvents events)
{
    public const string ItemType = ConsultationsModule.StatementItemType;

    /// <summary>Fifty statements keep a page of the list quick to read and to load on a phone.</summary>
    public const int PageSize = 50;

    /// <summary>Why something cannot be given now: the consultation is not open (yet, or any more).</summary>
    public static string NotOpen(Consultation consultation, string what) => consultation.State == ConsultationState.Draft
        ? $"The consultation is not open yet: {what} are taken once it opens"
        : $"The consultation has closed: {what} are no longer taken";

    /// <summary>A published consultation by its short name (a draft only for those who run it); not found otherwise.</summary>
    public async Task<Consultation> ConsultationAsync(string slug, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        var consultation = await db.Consultations.AsNoTracking().SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        return consultation is not null && ConsultationPermissions.CanSee(reader, consultation)
            ? consultation
            : throw new NotFoundException("There is no such consultation");
    }

    public async Task<StatementReader> ReaderAsync(int consultationId, ClaimsPrincipal person, CancellationToken cancellationToken)
    {
        int? participantId = person.UserId() is { } userId
            ? await db.Participants.Where(p => p.ConsultationId == consultationId && p.UserId == userId).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new StatementReader(participantId, person.Moderates());
    }

    /// <summary>The statement to offer the reader next: the public one with fewest votes they have not voted on (ties by number).</summary>
    public async Task<StatementView?> NextAsync(int consultationId, StatementReader reader, CancellationToken cancellationToken)
    {
        var unvoted = Public(consultationId);
        if (reader.ParticipantId is { } participantId)
        {
            unvoted = unvoted.Where(s => !db.StatementVotes.Any(v => v.StatementId == s.Id && v.ParticipantId == participantId));
        }
        var next = await Rows(unvoted.OrderBy(s => s.Agrees + s.Disagrees + s.Passes).ThenBy(s => s.Number), null).FirstOrDefaultAsync(cancellationToken);
        return next is null ? null : View(next, reader);
    }

    /// <summary>How many statements everyone can see, and on how many of them the reader has voted.</summary>
    public async Task<(int Statements, int Voted)> ProgressAsync(int consultationId, StatementReader reader, CancellationToken cancellationToken)
    {
        var statements = await Public(consultationId).CountAsync(cancellationToken);
        var voted = reader.ParticipantId is { } participantId
            ? await Public(consultationId).CountAsync(s => db.StatementVotes.Any(v => v.StatementId == s.Id && v.ParticipantId == participantId), cancellationToken)
            : 0;
        return (statements, voted);
    }

    /// <summary>One page of the statements the reader may see (or only those everyone may see), by number.</summary>
    public async Task<Paged<StatementView>> PageAsync(
        int consultationId, StatementReader reader, int page, int pageSize, bool publicOnly, CancellationToken cancellationToken)
    {
        var seen = publicOnly ? Public(consultationId) : Seen(consultationId, reader);
        var total = await seen.CountAsync(cancellationToken);
        var rows = await Rows(seen.OrderBy(s => s.Number).Skip((page - 1) * pageSize).Take(pageSize), reader.ParticipantId).ToListAsync(cancellationToken);
        return new Paged<StatementView>([.. rows.Select(r => View(r, reader))], page, pageSize, total);
    }

    /// <summary>The page of the list that holds statement <paramref name="number"/>, as the reader sees the list.</summary>
    public async Task<int> PageOfAsync(int consultationId, int number, StatementReader reader, int pageSize, CancellationToken cancellationToken) =>
        Math.Max(1, (await Seen(consultationId, reader).CountAsync(s => s.Number <= number, cancellationToken) + pageSize - 1) / pageSize);

    /// <summary>One statement, if the reader may see it.</summary>
    public async Task<StatementView?> FindAsync(int consultationId, int statementId, StatementReader reader, CancellationToken cancellationToken)
    {
        var row = await Rows(Seen(consultationId, reader).Where(s => s.Id == statementId), reader.ParticipantId).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : View(row, reader);
    }

    /// <summary>A new statement by <paramref name="author"/>, numbered next in its consultation; held for a moderator where that is the rule.</summary>
    public async Task<Statement> SubmitAsync(string slug, string? text, ClaimsPrincipal author, CancellationToken cancellationToken = default)
    {
        var userId = author.UserId() ?? throw new ForbiddenException("Sign in to add a statement");
        var consultation = await ConsultationAsync(slug, author, cancellationToken);
        var now = clock.UtcNow();
        if (!consultation.IsOpenAt(now))
        {
            throw new RuleException(NotOpen(consultation, "statements"));
        }
        // A statement is one short sentence to agree or disagree with: line breaks become spaces.
        var wording = text?.ReplaceLineEndings(" ").Trim();
        if (string.IsNullOrEmpty(wording))
        {
            throw new FieldRuleException("text", "Enter your statement");
        }
        if (wording.Length > Statement.TextMaxLength)
        {
            throw new FieldRuleException("text", $"Your statement must be {Statement.TextMaxLength} characters or fewer");
        }
        var participant = await participants.EnsureAsync(consultation.Id, userId, cancellationToken);
        var held = await preModeration.HoldsAsync(userId, consultation.ModerateStatements, cancellationToken);

        // The statement, its audit entry and, when held, its place in the moderation queue: all of them, or none.
        return await db.InOneTransactionAsync(async () =>
        {
            var statement = await NumberedAsync(consultation.Id, number => Statement.Submit(consultation.Id, number, participant.Id, wording, held, now), cancellationToken);
            db.AuditEntries.Add(AuditEntry.Of(ItemType, statement.Id, "submitted", userId, now, null,
                new StatementSnapshot(consultation.Id, statement.Number, statement.Text, held)));
            if (held)
            {
                await events.RaiseAsync(new ContentHeld(ItemType, statement.Id, userId), cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            return statement;
        }, cancellationToken);
    }

    /// <summary>Saved with the next number in its consultation; two at once both look, and the unique index sends one round again.</summary>
    private async Task<Statement> NumberedAsync(int consultationId, Func<int, Statement> make, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var number = (await db.Statements.Where(s => s.ConsultationId == consultationId).MaxAsync(s => (int?)s.Number, cancellationToken) ?? 0) + 1;
            var statement = make(number);
            db.Statements.Add(statement);
            try
            {
                // Inside the transaction EF saves to a savepoint, so a clash leaves the transaction usable for the next try.
                await db.SaveChangesAsync(cancellationToken);
                return statement;
            }
            catch (DbUpdateException failed) when (failed.IsUniqueViolation() && attempt < 5)
            {
                db.Entry(statement).State = EntityState.Detached;
            }
        }
    }

    private IQueryable<Statement> Public(int consultationId) =>
        db.Statements.AsNoTracking().Where(s => s.ConsultationId == consultationId && s.Moderation.HiddenAt == null && !s.Moderation.AwaitingApproval);

    /// <summary>What the reader may see: the public statements, and the hidden or held ones they wrote (moderators: all).</summary>
    private IQueryable<Statement> Seen(int consultationId, StatementReader reader)
    {
        var all = db.Statements.AsNoTracking().Where(s => s.ConsultationId == consultationId);
        if (reader.Moderates)
        {
            return all;
        }
        var participantId = reader.ParticipantId ?? -1;
        return all.Where(s => (s.Moderation.HiddenAt == null && !s.Moderation.AwaitingApproval) || s.ParticipantId == participantId);
    }

    private IQueryable<Row> Rows(IQueryable<Statement> statements, int? participantId) =>
        statements.Select(s => new Row(s, participantId == null ? null
            : db.StatementVotes.Where(v => v.StatementId == s.Id && v.ParticipantId == participantId).Select(v => (VoteChoice?)v.Choice).FirstOrDefault()));

    private static StatementView View(Row row, StatementReader reader) => new(
        row.Statement.Id, row.Statement.Number, row.Statement.Text, row.Statement.CreatedAt, row.Statement.Agrees, row.Statement.Disagrees,
        row.Statement.Passes, row.Statement.Moderation.Notice, reader.ParticipantId is not null && row.Statement.ParticipantId == reader.ParticipantId, row.YourVote);

    private sealed record Row(Statement Statement, VoteChoice? YourVote);
}
