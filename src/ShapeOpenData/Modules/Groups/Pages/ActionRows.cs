using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.Groups.Pages;

/// <summary>Actions as the tables on the group, meeting and actions pages show them: with their owner's name.</summary>
public static class ActionRows
{
    public sealed record Row(int Id, string Text, string GroupName, string GroupSlug, string Owner, DateOnly DueOn, ActionState State, string? Note)
    {
        public bool IsOverdue(DateOnly today) => State == ActionState.Open && DueOn < today;
    }

    public static Task<List<Row>> QueryAsync(AppDbContext db, IQueryable<GroupAction> actions, CancellationToken cancellationToken) =>
        actions.OrderBy(a => a.DueOn).ThenBy(a => a.Id)
            .Select(a => new Row(a.Id, a.Text, a.Group!.Name, a.Group.Slug,
                db.Users.Where(u => u.Id == a.OwnerUserId).Select(u => u.DisplayName).FirstOrDefault()
                    ?? db.Organisations.Where(o => o.Id == a.OwnerOrganisationId).Select(o => o.Name).FirstOrDefault() ?? "No owner",
                a.DueOn, a.State, a.Note))
            .ToListAsync(cancellationToken);
}
