using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Accounts;

namespace ShapeOpenData.Modules.Notifications;

/// <summary>A person's email settings and choices, the emails kept for them in the outbox and their notification centre.</summary>
internal sealed class NotificationsPersonalData(AppDbContext db) : IPersonalData
{
    public string Section => "notifications";

    public async Task<object?> ExportAsync(int userId, CancellationToken cancellationToken) => new
    {
        Settings = await db.NotificationSettings.Where(s => s.UserId == userId).Select(s => new { s.EmailOff }).SingleOrDefaultAsync(cancellationToken),
        Preferences = await db.NotificationPreferences.Where(p => p.UserId == userId).OrderBy(p => p.Kind)
            .Select(p => new { p.Kind, p.Choice }).ToListAsync(cancellationToken),
        Emails = await db.OutboxEmails.Where(m => m.UserId == userId).OrderBy(m => m.Id)
            .Select(m => new { m.Subject, m.Body, m.CreatedAt, m.SentAt }).ToListAsync(cancellationToken),
        Notices = await db.Notices.Where(n => n.UserId == userId).OrderBy(n => n.Id)
            .Select(n => new { n.Subject, n.Body, n.CreatedAt, n.ReadAt }).ToListAsync(cancellationToken),
    };

    /// <summary>
    /// Their settings, their emails and their notices go. So do the words of every email already sent to anyone, and of
    /// every notice: a sent one may tell of the person (a request to join a group carries their name and message).
    /// </summary>
    public async Task EraseAsync(LeavingPerson person, CancellationToken cancellationToken)
    {
        await db.NotificationSettings.Where(s => s.UserId == person.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.NotificationPreferences.Where(p => p.UserId == person.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.OutboxEmails.Where(m => m.UserId == person.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.OutboxEmails.Where(m => m.SentAt != null && m.Body != "").ExecuteUpdateAsync(s => s.SetProperty(m => m.Body, ""), cancellationToken);
        await db.Notices.Where(n => n.UserId == person.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.Notices.Where(n => n.Body != "").ExecuteUpdateAsync(s => s.SetProperty(n => n.Body, ""), cancellationToken);
    }
}
