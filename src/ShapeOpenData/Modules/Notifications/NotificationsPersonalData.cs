using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Accounts;

namespace ShapeOpenData.Modules.Notifications;

/// <summary>A person's email setting and the emails kept for them in the outbox.</summary>
internal sealed class NotificationsPersonalData(AppDbContext db) : IPersonalData
{
    public string Section => "notifications";

    public async Task<object?> ExportAsync(int userId, CancellationToken cancellationToken) => new
    {
        Settings = await db.NotificationSettings.Where(s => s.UserId == userId).Select(s => new { s.EmailOff }).SingleOrDefaultAsync(cancellationToken),
        Emails = await db.OutboxEmails.Where(m => m.UserId == userId).OrderBy(m => m.Id)
            .Select(m => new { m.Subject, m.Body, m.CreatedAt, m.SentAt }).ToListAsync(cancellationToken),
    };

    /// <summary>
    /// Their setting and their emails go. So do the words of every email already sent to anyone: a body is kept only
    /// to be sent, and a sent one may tell of the person (a request to join a group carries their name and message).
    /// </summary>
    public async Task EraseAsync(LeavingPerson person, CancellationToken cancellationToken)
    {
        await db.NotificationSettings.Where(s => s.UserId == person.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.OutboxEmails.Where(m => m.UserId == person.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.OutboxEmails.Where(m => m.SentAt != null && m.Body != "").ExecuteUpdateAsync(s => s.SetProperty(m => m.Body, ""), cancellationToken);
    }
}
