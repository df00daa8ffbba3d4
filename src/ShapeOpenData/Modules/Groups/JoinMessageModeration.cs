using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups;

/// <summary>
/// The message sent with a request to join a group, as moderators act on it. Only the group's managers read it (on the
/// members page), so only they and moderators find it, besides its author; hidden, the managers read the notice instead.
/// Moderating it never decides the request: that stays with the chair and secretariat.
/// </summary>
internal sealed class JoinMessageModeration(AppDbContext db, GroupAccess access, TimeProvider clock) : IModeratable
{
    public const string MessageField = "message";

    public string Type => GroupsModule.JoinMessageItemType;

    public string Label => "Join message";

    public async Task<ModeratedItem?> FindAsync(int id, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        var member = await db.GroupMembers.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        // A request without a message has nothing to moderate, unless a moderator took the message away.
        if (member is null || (member.Message is null && member.Moderation.RedactedAt is null))
        {
            return null;
        }
        var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == member.GroupId, cancellationToken);
        var moderates = reader.Moderates();
        var manages = GroupPermissions.CanSeeMembersPage(reader, await access.MembershipAsync(group.Id, reader, cancellationToken));
        if (!(manages || moderates || reader.UserId() == member.UserId) || !member.IsReadableBy(reader.UserId(), moderates))
        {
            return null;
        }
        var context = $"Request to join {group.Name}";
        var traced = new TracedItem(Type, member.Id, member.Id.ToString(CultureInfo.InvariantCulture), context, $"/groups/{group.Slug}/members#member-{member.Id}");
        return new ModeratedItem(traced, context, [new(MessageField, Label, member.Message ?? "", GroupMember.MessageMaxLength)], member.UserId, member.Moderation);
    }

    public async Task ApplyAsync(int id, ModerationChange change, CancellationToken cancellationToken)
    {
        var member = await db.GroupMembers.SingleOrDefaultAsync(m => m.Id == id, cancellationToken) ?? throw new NotFoundException("There is no such request to join");
        if (change is ModerationChange.Redact redact)
        {
            member.Redact(redact.Fields.TryGetValue(MessageField, out var message) ? message : member.Message, clock.UtcNow());
            return;
        }
        member.Moderation.Apply(change, clock.UtcNow());
    }
}
