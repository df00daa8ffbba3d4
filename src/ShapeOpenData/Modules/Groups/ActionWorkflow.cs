using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Notifications;
using ShapeOpenData.Modules.Organisations;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups;

/// <param name="OwnerUserId">A member of the group who owns it; or else <paramref name="OwnerOrganisationId"/>.</param>
/// <param name="RequestIds">The dataset requests it serves.</param>
public sealed record NewAction(string Text, int? OwnerUserId, int? OwnerOrganisationId, DateOnly DueOn, IReadOnlyList<int> RequestIds);

/// <summary>
/// Actions: recorded by the group's chair or secretariat (from a meeting or not), owned by a member or an
/// organisation, and marked done or dropped with a note by the owner or those who run the group.
/// </summary>
public sealed class ActionWorkflow(AppDbContext db, GroupAccess access, TimeProvider clock, Notifier notifier, ServiceLinks links, Items items)
{
    public const string ItemType = GroupsModule.ActionItemType;

    public async Task<GroupAction> AddAsync(string groupSlug, int? meetingId, NewAction details, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var group = await db.Groups.SingleOrDefaultAsync(g => g.Slug == groupSlug, cancellationToken) ?? throw new NotFoundException("There is no such group, meeting or action");
        if (!GroupPermissions.CanRun(actor, await access.MembershipAsync(group.Id, actor, cancellationToken)))
        {
            throw new ForbiddenException("You cannot do that");
        }
        Rules.Require(meetingId is null || await db.Meetings.AnyAsync(m => m.Id == meetingId && m.GroupId == group.Id, cancellationToken), "That meeting is not one of this group's");
        var action = GroupAction.Record(group.Id, meetingId, details.Text, details.OwnerUserId, details.OwnerOrganisationId, details.DueOn, details.RequestIds, clock.UtcNow());
        Rules.Require(details.OwnerUserId is not { } owner
            || await db.GroupMembers.AnyAsync(m => m.GroupId == group.Id && m.UserId == owner && m.State == MemberState.Active, cancellationToken),
            "The owner must be a member of the group");
        Rules.Require(details.OwnerOrganisationId is not { } organisation || await db.Organisations.AnyAsync(o => o.Id == organisation, cancellationToken),
            "Choose an organisation from the list");
        var requests = details.RequestIds.Distinct().ToList();
        Rules.Require((await items.Traceable(ItemTypes.Request).PublicAsync(requests, cancellationToken)).Count == requests.Count,
            "Enter the numbers of public dataset requests, like 12, 40");
        var now = action.CreatedAt;
        return await db.InOneTransactionAsync(async () =>
        {
            db.GroupActions.Add(action);
            await db.SaveChangesAsync(cancellationToken);
            db.AuditEntries.Add(AuditEntry.Of(ItemType, action.Id, "created", actor.UserId(), now, null, ActionSnapshot.Of(action)));
            await notifier.NotifyAsync(
                new Notification($"action:{action.Id}:created", $"New action for you from {group.Name}", $"""
                    {group.Name} has recorded an action for you, due by {action.DueOn:d MMMM yyyy}:

                    {action.Text}

                    See the action and report progress: {links.Absolute(UrlOf(action.Id))}
                    """, "all") { About = new(GroupsModule.GroupItemType, group.Id) },  // an action is seen by those who see its group's content
                await OwnersAsync(action, cancellationToken), actor.UserId(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return action;
        }, cancellationToken);
    }

    /// <summary>Marks the action done or dropped (a note is needed), or open again.</summary>
    public async Task<GroupAction> UpdateAsync(int id, ActionState state, string? note, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var action = await FindAsync(id, actor, cancellationToken);
        if (!GroupPermissions.CanUpdate(actor, action, await access.MembershipAsync(action.GroupId, actor, cancellationToken)))
        {
            throw new ForbiddenException("You cannot do that");
        }
        var before = ActionSnapshot.Of(action);
        var now = clock.UtcNow();
        switch (state)
        {
            case ActionState.Done:
                action.MarkDone(note, now);
                break;
            case ActionState.Dropped:
                action.Drop(note, now);
                break;
            default:
                action.Reopen(note, now);
                break;
        }
        db.AuditEntries.Add(AuditEntry.Of(ItemType, action.Id, state.ToCode(), actor.UserId(), now, before, ActionSnapshot.Of(action)));
        await db.SaveChangesAsync(cancellationToken);
        return action;
    }

    public async Task<GroupAction> FindAsync(int id, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        var action = await db.GroupActions.Include(a => a.Group).Include(a => a.Requests).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (action is null || !(await access.VisibilityAsync(reader, cancellationToken)).CanSee(action.Group))
        {
            throw new NotFoundException("There is no such group, meeting or action");
        }
        return action;
    }

    /// <summary>The owner, or the owning organisation's publishers.</summary>
    public async Task<List<int>> OwnersAsync(GroupAction action, CancellationToken cancellationToken) =>
        action.OwnerUserId is { } owner ? [owner]
        : action.OwnerOrganisationId is { } organisation ? await db.PublishersOfAsync(organisation, cancellationToken)
        : [];

    public static string UrlOf(int id) => $"/actions/{id}";
}

public sealed record ActionSnapshot(int GroupId, int? MeetingId, string Text, int? OwnerUserId, int? OwnerOrganisationId, DateOnly DueOn, string State, string? Note)
{
    public static ActionSnapshot Of(GroupAction a) => new(a.GroupId, a.MeetingId, a.Text, a.OwnerUserId, a.OwnerOrganisationId, a.DueOn, a.State.ToCode(), a.Note);
}
