using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Notifications;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups;

public sealed record GroupDetails(string Name, GroupKind Kind, string Purpose, string TermsOfReference, MembershipPolicy Policy, bool MembersOnly, bool IsClosed);

/// <summary>
/// Every change to a group and its membership: the programme team creates groups; people join an open group,
/// ask to join one that approves requests, or accept an emailed invitation; the chair or secretariat decides
/// requests, invites, and sets roles. Each change is checked, audited and saved with its emails; members follow the group.
/// </summary>
public sealed class GroupWorkflow(
    AppDbContext db, TimeProvider clock, Following following, Notifier notifier, ServiceLinks links, EmailSender email, MeetingWorkflow meetings)
{
    public const string ItemType = GroupsModule.GroupItemType;

    public async Task<Group> CreateAsync(string slug, GroupDetails details, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        if (!GroupPermissions.CanCreateGroups(actor))
        {
            throw new ForbiddenException("You cannot do that");
        }
        if (await db.Groups.AnyAsync(g => g.Slug == slug, cancellationToken))
        {
            throw new RuleException("A group already uses that short name. Choose another");
        }
        var now = clock.UtcNow();
        var group = Group.Create(slug, details, now);
        return await db.InOneTransactionAsync(async () =>
        {
            db.Groups.Add(group);
            await db.SaveChangesAsync(cancellationToken);
            db.AuditEntries.Add(AuditEntry.Of(ItemType, group.Id, "created", actor.UserId(), now, null, GroupSnapshot.Of(group)));
            await db.SaveChangesAsync(cancellationToken);
            return group;
        }, cancellationToken);
    }

    public async Task<Group> UpdateAsync(string slug, GroupDetails details, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var group = await RunAsync(slug, actor, cancellationToken);
        var before = GroupSnapshot.Of(group);
        var now = clock.UtcNow();
        group.ChangeDetails(details, now);
        db.AuditEntries.Add(AuditEntry.Of(ItemType, group.Id, "changed", actor.UserId(), now, before, GroupSnapshot.Of(group)));
        await db.SaveChangesAsync(cancellationToken);
        return group;
    }

    /// <summary>Joins an open group at once, or asks to join one that approves requests. Returns the membership.</summary>
    public async Task<GroupMember> JoinAsync(string slug, string? message, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var userId = actor.UserId() ?? throw new ForbiddenException("You cannot do that");
        var group = await FindWithMembersAsync(slug, cancellationToken);
        if (group.MembershipOf(userId) is { } existing)
        {
            return existing;
        }
        var now = clock.UtcNow();
        var member = group.Join(userId, message, now);
        if (member.IsActive)
        {
            await following.FollowAsync(userId, ItemType, group.Id, asked: true, cancellationToken);
        }
        else
        {
            await notifier.NotifyAsync(
                new Notification($"group-request:{group.Id}:{userId}:{now.Ticks}", $"Request to join {group.Name}", $"""
                    {actor.DisplayName()} has asked to join {group.Name}.
                    {(message is null ? "" : $"\nThey said: {message}\n")}
                    Approve or decline the request: {links.Absolute($"/groups/{group.Slug}/members")}
                    """, "all") { About = new(ItemType, group.Id) },
                await RunnersAsync(group.Id, cancellationToken), userId, cancellationToken);
        }
        db.AuditEntries.Add(AuditEntry.Of(ItemType, group.Id, member.IsActive ? "joined" : "asked_to_join", userId, now, null, MemberSnapshot.Of(member)));
        await SaveAsync(cancellationToken);
        return member;
    }

    /// <summary>The chair or secretariat approves (the person becomes a member and is told) or declines a request.</summary>
    public async Task DecideAsync(string slug, int memberId, bool approve, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var group = await RunAsync(slug, actor, cancellationToken);
        var member = group.Members.SingleOrDefault(m => m.Id == memberId) ?? throw new NotFoundException("There is no such group, meeting or action");
        var now = clock.UtcNow();
        var before = MemberSnapshot.Of(member);
        if (approve)
        {
            group.Approve(member, now);
            await following.FollowAsync(member.UserId, ItemType, group.Id, asked: true, cancellationToken);
        }
        else
        {
            group.Decline(member);
        }
        db.AuditEntries.Add(AuditEntry.Of(ItemType, group.Id, approve ? "request_approved" : "request_declined", actor.UserId(), now, before, approve ? MemberSnapshot.Of(member) : null));
        await notifier.NotifyAsync(
            new Notification($"group-decision:{member.Id}:{now.Ticks}", approve ? $"You are now a member of {group.Name}" : $"Your request to join {group.Name}", approve
                ? $"""
                  Your request to join {group.Name} has been approved. You will hear about its meetings and minutes.

                  See the group: {links.Absolute($"/groups/{group.Slug}")}
                  """
                : $"""
                  Your request to join {group.Name} was not approved this time. You can still follow its public work.

                  See the group: {links.Absolute($"/groups/{group.Slug}")}
                  """, "all") { About = null },  // about their own request to join, which they may read whatever the group shows them
            [member.UserId], actor.UserId(), cancellationToken);
        await SaveAsync(cancellationToken);
    }

    /// <summary>Emails an invitation with a link that works for 30 days; whoever accepts it with that email address joins.</summary>
    public async Task InviteAsync(string slug, string address, GroupRole role, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var group = await RunAsync(slug, actor, cancellationToken);
        var normalised = address.Trim().ToUpperInvariant();
        Rules.Require(!await db.GroupMembers.AnyAsync(m => m.GroupId == group.Id && m.State == MemberState.Active
            && db.Users.Any(u => u.Id == m.UserId && u.NormalizedEmail == normalised), cancellationToken), "That person is already a member");
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        var invitation = group.Invite(address, HashOf(secret), role, actor.UserId(), clock.UtcNow());
        db.GroupInvitations.Add(invitation);
        db.AuditEntries.Add(AuditEntry.Of(ItemType, group.Id, "invited", actor.UserId(), invitation.CreatedAt, null, new { Role = role.ToCode() }));
        await db.SaveChangesAsync(cancellationToken);
        await email.SendAsync(new EmailMessage(invitation.Email, $"You are invited to join {group.Name}", $"""
            {actor.DisplayName()} has invited you to join {group.Name} ({group.Kind.ToText().ToLowerInvariant()}) as {role.ToText().ToLowerInvariant()}.

            {group.Purpose}

            To accept, sign in or create an account with this email address, then use this link:
            {links.Absolute($"/groups/{group.Slug}/invitations/{secret}")}

            The link works for 30 days. If you do not want to join, you can ignore this email.
            """, Reference: $"invitation {invitation.Id}"), cancellationToken);
    }

    /// <summary>The invitation behind a link, if it is still good.</summary>
    public async Task<GroupInvitation?> InvitationAsync(string slug, string secret, CancellationToken cancellationToken)
    {
        var hash = HashOf(secret);
        var now = clock.UtcNow();
        return await db.GroupInvitations.SingleOrDefaultAsync(
            i => i.TokenHash == hash && i.AcceptedAt == null && i.ExpiresAt > now && db.Groups.Any(g => g.Id == i.GroupId && g.Slug == slug), cancellationToken);
    }

    public async Task<Group> AcceptInvitationAsync(string slug, string secret, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var userId = actor.UserId() ?? throw new ForbiddenException("You cannot do that");
        var invitation = await InvitationAsync(slug, secret, cancellationToken)
            ?? throw new RuleException("This invitation has expired or has already been used. Ask the group's secretariat for a new one");
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(cancellationToken);
        var group = await FindWithMembersAsync(slug, cancellationToken);
        var now = clock.UtcNow();
        var member = group.AcceptInvitation(invitation, userId, email, now);
        await following.FollowAsync(userId, ItemType, group.Id, asked: true, cancellationToken);
        db.AuditEntries.Add(AuditEntry.Of(ItemType, group.Id, "accepted_invitation", userId, now, null, MemberSnapshot.Of(member)));
        await SaveAsync(cancellationToken);
        return group;
    }

    public async Task SetRoleAsync(string slug, int memberId, GroupRole role, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var group = await RunAsync(slug, actor, cancellationToken);
        var member = group.Members.SingleOrDefault(m => m.Id == memberId && m.IsActive) ?? throw new NotFoundException("There is no such group, meeting or action");
        var before = MemberSnapshot.Of(member);
        group.ChangeRole(member, role);
        db.AuditEntries.Add(AuditEntry.Of(ItemType, group.Id, "role_changed", actor.UserId(), clock.UtcNow(), before, MemberSnapshot.Of(member)));
        await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Someone leaves, or is removed by the chair or secretariat. From a members-only group they also give up their
    /// places at its meetings to come, which they may no longer see: the waiting lists move on, and the reminder with
    /// the online link never reaches them.
    /// </summary>
    public async Task RemoveAsync(string slug, int userId, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var group = await FindWithMembersAsync(slug, cancellationToken);
        if (!GroupPermissions.CanRemove(actor, userId, group.MembershipOf(actor.UserId() ?? 0)))
        {
            throw new ForbiddenException("You cannot do that");
        }
        await db.InOneTransactionAsync(async () =>
        {
            var member = group.Remove(userId);
            await following.UnfollowAsync(userId, ItemType, group.Id, cancellationToken);
            db.AuditEntries.Add(AuditEntry.Of(ItemType, group.Id, actor.UserId() == userId ? "left" : "removed", actor.UserId(), clock.UtcNow(), MemberSnapshot.Of(member), null));
            if (group.MembersOnly)
            {
                await meetings.CancelRegistrationsAsync(group.Id, userId, actor.UserId(), cancellationToken);
            }
            await SaveAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>The group with its members and requests to join, which its membership rules need.</summary>
    private async Task<Group> FindWithMembersAsync(string slug, CancellationToken cancellationToken) =>
        await db.Groups.Include(g => g.Members).SingleOrDefaultAsync(g => g.Slug == slug, cancellationToken) ?? throw new NotFoundException("There is no such group, meeting or action");

    /// <summary>The chair and secretariat: they hear of requests to join and of actions falling due.</summary>
    public Task<List<int>> RunnersAsync(int groupId, CancellationToken cancellationToken) =>
        db.GroupMembers.Where(m => m.GroupId == groupId && m.State == MemberState.Active && (m.Role == GroupRole.Chair || m.Role == GroupRole.Secretariat))
            .Select(m => m.UserId).ToListAsync(cancellationToken);

    /// <summary>The group (with its members), when <paramref name="actor"/> runs it.</summary>
    private async Task<Group> RunAsync(string slug, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var group = await FindWithMembersAsync(slug, cancellationToken);
        return GroupPermissions.CanRun(actor, actor.UserId() is { } userId ? group.MembershipOf(userId) : null) ? group : throw new ForbiddenException("You cannot do that");
    }

    private static string HashOf(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));


    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException failure) when (failure is DbUpdateConcurrencyException || failure.IsUniqueViolation())
        {
            throw new RuleException("That changed at the same moment. Check the group, then try again");
        }
    }
}

public sealed record GroupSnapshot(string Slug, string Name, string Kind, string Policy, bool MembersOnly, bool IsClosed)
{
    public static GroupSnapshot Of(Group g) => new(g.Slug, g.Name, g.Kind.ToCode(), g.Policy.ToCode(), g.MembersOnly, g.IsClosed);
}

public sealed record MemberSnapshot(int UserId, string Role, string State)
{
    public static MemberSnapshot Of(GroupMember m) => new(m.UserId, m.Role.ToCode(), m.State.ToCode());
}
