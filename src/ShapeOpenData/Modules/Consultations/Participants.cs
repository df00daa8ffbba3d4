using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.Consultations;

/// <summary>
/// A person's participant record in a consultation, made the first time they take part (a response, a statement or a
/// vote) and kept for good, so exports name them by the same pseudonym every time. The unique indexes decide between
/// two first steps at once.
/// </summary>
public sealed class Participants(AppDbContext db, TimeProvider clock)
{
    public Task<Participant?> FindAsync(int consultationId, int userId, CancellationToken cancellationToken) =>
        db.Participants.SingleOrDefaultAsync(p => p.ConsultationId == consultationId && p.UserId == userId, cancellationToken);

    /// <summary>The person's participant record, made and saved now if they have none.</summary>
    public async Task<Participant> EnsureAsync(int consultationId, int userId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await FindAsync(consultationId, userId, cancellationToken) is { } existing)
            {
                return existing;
            }
            var number = await db.Participants.Where(p => p.ConsultationId == consultationId).MaxAsync(p => (int?)p.Number, cancellationToken) ?? -1;
            var participant = Participant.Join(consultationId, userId, number + 1, clock.UtcNow());
            db.Participants.Add(participant);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return participant;
            }
            catch (DbUpdateException failed) when (failed.IsUniqueViolation() && attempt < 5)
            {
                // Someone else took the number, or this person arrived twice at once: look again.
                db.Entry(participant).State = EntityState.Detached;
            }
        }
    }
}
