using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Notifications;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups;

/// <summary>
/// A message from those who run a group to its members, sent by the service as one email to each member: members'
/// email addresses are for administrators only, so a chair reaches members without ever seeing them.
/// </summary>
public sealed record GroupMessage
{
    public const int SubjectMaxLength = 120;
    public const int TextMaxLength = 5_000;

    /// <summary>Messages a group may send in 24 hours: enough to run a group, too few to spam its members.</summary>
    public const int PerGroupPerDay = 5;

    public string Subject { get; }
    public string Text { get; }

    private GroupMessage(string subject, string text) => (Subject, Text) = (subject, text);

    /// <summary>A subject on one line (it becomes the email's subject header) and the message.</summary>
    public static GroupMessage Write(string? subject, string? text)
    {
        var oneLine = string.Join(' ', (subject ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var body = (text ?? "").Trim();
        Rules.Require(oneLine.Length > 0, "Enter a subject");
        Rules.Require(oneLine.Length <= SubjectMaxLength, $"The subject must be {SubjectMaxLength} characters or fewer");
        Rules.Require(body.Length > 0, "Enter your message");
        Rules.Require(body.Length <= TextMaxLength, $"The message must be {TextMaxLength} characters or fewer");
        return new GroupMessage(oneLine, body);
    }
}

/// <summary>What the audit log keeps of a message: all of it, and how many members it went to.</summary>
public sealed record GroupMessageSnapshot(string Subject, string Text, int Recipients);

public sealed class GroupMessages(AppDbContext db, TimeProvider clock, GroupAccess access, Notifier notifier, ServiceLinks links)
{
    /// <summary>Queues the message to every other active member, with the sender's name; audited. Returns how many members it goes to.</summary>
    public async Task<int> SendAsync(string slug, string? subject, string? text, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var group = await db.Groups.AsNoTracking().SingleOrDefaultAsync(g => g.Slug == slug, cancellationToken)
                    ?? throw new NotFoundException("There is no such group, meeting or action");
        if (!GroupPermissions.CanRun(actor, await access.MembershipAsync(group.Id, actor, cancellationToken)))
        {
            throw new ForbiddenException("You cannot do that");
        }
        var message = GroupMessage.Write(subject, text);
        var now = clock.UtcNow();
        var dayAgo = now.AddDays(-1);
        var sentToday = await db.AuditEntries.CountAsync(
            e => e.EntityType == GroupWorkflow.ItemType && e.EntityId == group.Id && e.Action == "messaged_members" && e.At > dayAgo, cancellationToken);
        Rules.Require(sentToday < GroupMessage.PerGroupPerDay,
            $"The members of this group have had {GroupMessage.PerGroupPerDay} messages in the last 24 hours. Send this one tomorrow");

        var actorId = actor.UserId();
        var recipients = await db.GroupMembers.Where(m => m.GroupId == group.Id && m.State == MemberState.Active && m.UserId != actorId)
            .Select(m => m.UserId).ToListAsync(cancellationToken);
        await notifier.NotifyAsync(new Notification($"group-message:{group.Id}:{now.Ticks}", $"{group.Name}: {message.Subject}", $"""
            {actor.DisplayName()} has sent this message to the members of {group.Name}:

            {message.Text}

            You are getting this because you are a member of {group.Name}. Replies to this email are not read: to answer,
            contact {actor.DisplayName()} through the group. See the group: {links.Absolute($"/groups/{group.Slug}")}
            """, "all"), recipients, actorId, cancellationToken);
        db.AuditEntries.Add(AuditEntry.Of(GroupWorkflow.ItemType, group.Id, "messaged_members", actorId, now, null,
            new GroupMessageSnapshot(message.Subject, message.Text, recipients.Count)));
        await db.SaveChangesAsync(cancellationToken);
        return recipients.Count;
    }
}
