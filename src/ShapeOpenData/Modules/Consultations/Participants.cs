using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.Consultations;

/// <summary>
/// A person's participant record in a consultation, made the first time they take part (a response, a statement or a
/// vote) and kept for good, so exports name them by the same pseudonym every time. New records take the next number
/// one at a time in each consultation, so that hundreds of people voting for the first time at once never clash.
/// </summary>
public sealed class Participants(AppDbContext db, TimeProvider clock, WriteGate gate)
{
    /// <summary>The first key of PostgreSQL's advisory lock on a consultation's participant numbers (the second is its id).</summary>
    private const int NumbersLock = 0x50617274;

    public Task<Participant?> FindAsync(int consultationId, int userId, CancellationToken cancellationToken) =>
        db.Participants.SingleOrDefaultAsync(p => p.ConsultationId == consultationId && p.UserId == userId, cancellationToken);

    /// <summary>The person's participant record, made and saved now if they have none.</summary>
    public async Task<Participant> EnsureAsync(int consultationId, int userId, CancellationToken cancellationToken)
    {
        if (await FindAsync(consultationId, userId, cancellationToken) is { } existing)
        {
            return existing;
        }
        // SQLite's writers take turns at the gate; PostgreSQL's wait on a lock for this consultation, held until the
        // transaction ends. Whoever waited looks again: the same person arriving twice at once gets one record.
        using (await gate.EnterAsync(cancellationToken))
        {
            return await db.InOneTransactionAsync(async () =>
            {
                if (!db.Database.IsSqlite())
                {
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({NumbersLock}, {consultationId})", cancellationToken);
                }
                if (await FindAsync(consultationId, userId, cancellationToken) is { } arrived)
                {
                    return arrived;
                }
                var number = await db.Participants.Where(p => p.ConsultationId == consultationId).MaxAsync(p => (int?)p.Number, cancellationToken) ?? -1;
                var participant = Participant.Join(consultationId, userId, number + 1, clock.UtcNow());
                db.Participants.Add(participant);
                await db.SaveChangesAsync(cancellationToken);
                return participant;
            }, cancellationToken);
        }
    }
}
