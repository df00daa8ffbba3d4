using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups;

/// <summary>
/// Actions as inputs of a traceability link ("the steering group agreed this, and it led to that"): known as
/// "action {n}", by their address (<c>/actions/4</c>) or by their exact words. Only actions of groups whose content
/// is public are given, never those of a members-only group.
/// </summary>
internal sealed partial class ActionTraces(AppDbContext db) : ITraceable
{
    public string Type => ItemTypes.Action;

    public async Task<IReadOnlyList<TracedItem>> PublicAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        await TracedAsync(Public().Where(a => ids.Contains(a.Id)), cancellationToken);

    public async Task<TracedItem?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        var text = reference.Trim();
        var found = Named().Match(text) is { Success: true } key && int.Parse(key.Groups["number"].Value, CultureInfo.InvariantCulture) is var id
            ? Public().Where(a => a.Id == id)
            : Public().Where(a => a.Text == text).OrderBy(a => a.Id).Take(1);
        return (await TracedAsync(found, cancellationToken)).SingleOrDefault();
    }

    private IQueryable<GroupAction> Public() => db.GroupActions.AsNoTracking().Where(GroupVisibility.Public.Actions);

    /// <summary>Where it stands, as its page says: done or dropped on the day it was, or open and due on a day.</summary>
    private static async Task<List<TracedItem>> TracedAsync(IQueryable<GroupAction> actions, CancellationToken cancellationToken) =>
        [.. (await actions.Select(a => new { a.Id, a.Text, a.State, a.DueOn, a.UpdatedAt }).ToListAsync(cancellationToken))
            .Select(a => new TracedItem(ItemTypes.Action, a.Id, $"action {a.Id}", a.Text, ActionWorkflow.UrlOf(a.Id), a.State switch
            {
                ActionState.Done => $"done {a.UpdatedAt.ToUkTime():d MMMM yyyy}",
                ActionState.Dropped => $"dropped {a.UpdatedAt.ToUkTime():d MMMM yyyy}",
                _ => $"open, due {a.DueOn:d MMMM yyyy}",
            }))];

    /// <summary>"action 4", or its address, absolute or not.</summary>
    [GeneratedRegex(@"^(?:(?:.*/)?actions/|action\s+)(?<number>\d{1,9})/?$", RegexOptions.IgnoreCase)]
    private static partial Regex Named();
}
