using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Audit;

// Addresses are compared without case in the database (LOWER in SQL), where the culture rules do not apply.
#pragma warning disable CA1304, CA1311, CA1862

namespace ShapeOpenData.Modules.Groups;

/// <summary>A person in groups and meetings: memberships and requests to join, invitations, places, and the work they did.</summary>
internal sealed class GroupsPersonalData(AppDbContext db, MeetingWorkflow meetings, TimeProvider clock) : IPersonalData
{
    public string Section => "groups_and_meetings";

    public async Task<object?> ExportAsync(int userId, CancellationToken cancellationToken)
    {
        var email = (await db.Users.Where(u => u.Id == userId).Select(u => u.Email!).SingleAsync(cancellationToken)).ToLowerInvariant();
        return new
        {
            Groups = await db.GroupMembers.Where(m => m.UserId == userId).OrderBy(m => m.Id)
                .Select(m => new { Group = db.Groups.Where(g => g.Id == m.GroupId).Select(g => g.Slug).Single(), Role = m.Role.ToCode(), State = m.State.ToCode(), m.Message, m.CreatedAt, m.JoinedAt })
                .ToListAsync(cancellationToken),
            InvitationsReceived = await db.GroupInvitations.Where(i => i.Email.ToLower() == email).OrderBy(i => i.Id)
                .Select(i => new { Group = db.Groups.Where(g => g.Id == i.GroupId).Select(g => g.Slug).Single(), i.Email, Role = i.Role.ToCode(), i.CreatedAt, i.ExpiresAt, i.AcceptedAt })
                .ToListAsync(cancellationToken),
            // Whom they invited is the invited person's to see, not theirs: the group and when, not the address.
            InvitationsSent = await db.GroupInvitations.Where(i => i.InvitedById == userId).OrderBy(i => i.Id)
                .Select(i => new { Group = db.Groups.Where(g => g.Id == i.GroupId).Select(g => g.Slug).Single(), Role = i.Role.ToCode(), i.CreatedAt })
                .ToListAsync(cancellationToken),
            Meetings = await db.Registrations.Where(r => r.UserId == userId).OrderBy(r => r.Id)
                .Select(r => new { r.MeetingId, State = r.State.ToCode(), r.JoinedQueueAt, r.PromotedAt, r.CancelledAt, r.Attended })
                .ToListAsync(cancellationToken),
            MinutesPublished = await db.MinutesVersions.Where(v => v.PublishedById == userId).OrderBy(v => v.Id)
                .Select(v => new { v.MeetingId, v.Number, v.PublishedAt }).ToListAsync(cancellationToken),
            ActionsOwned = await db.GroupActions.Where(a => a.OwnerUserId == userId).OrderBy(a => a.Id)
                .Select(a => new { a.Id, a.Text, a.DueOn, State = a.State.ToCode() }).ToListAsync(cancellationToken),
        };
    }

    /// <summary>
    /// Memberships and requests to join (with their messages) go, and so do invitations sent to their address; places
    /// they held at meetings to come are freed for the people waiting. Minutes, actions and invitations they sent stay,
    /// as from a former participant.
    /// </summary>
    public async Task EraseAsync(LeavingPerson person, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        var memberships = await db.GroupMembers.Where(m => m.UserId == person.UserId).ToListAsync(cancellationToken);
        db.AuditEntries.AddRange(memberships.Select(m =>
            AuditEntry.Of(GroupsModule.GroupItemType, m.GroupId, "left_with_account", person.UserId, now, MemberSnapshot.Of(m), null)));
        db.GroupMembers.RemoveRange(memberships);
        await db.SaveChangesAsync(cancellationToken);
        var email = person.Email.ToLowerInvariant();
        await db.GroupInvitations.Where(i => i.Email.ToLower() == email).ExecuteDeleteAsync(cancellationToken);
        await meetings.ForgetRegistrationsAsync(person.UserId, cancellationToken);
    }
}
