using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups;

/// <summary>Groups in the site search: public ones only, by name, purpose and terms of reference.</summary>
internal sealed class GroupSearch : ISearchSource
{
    public string Type => ItemTypes.Group;

    public async Task<IReadOnlyList<SearchText>> PublicAsync(AppDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        await Public(db).Where(g => ids.Contains(g.Id))
            .Select(g => new SearchText(g.Id, g.Name, g.Purpose + "\n" + g.TermsOfReference, "/groups/" + g.Slug, null, g.CreatedAt))
            .ToListAsync(cancellationToken);

    public IQueryable<int> PublicIds(AppDbContext db) => Public(db).Select(g => g.Id);

    /// <summary>A group's meetings are found only while the group is public, so they are written again with it.</summary>
    public async Task<IReadOnlyList<ItemRef>> DependentsAsync(AppDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        [.. (await db.Meetings.Where(m => m.GroupId != null && ids.Contains(m.GroupId.Value)).Select(m => m.Id).ToListAsync(cancellationToken))
            .Select(id => new ItemRef(ItemTypes.Meeting, id))];

    private static IQueryable<Group> Public(AppDbContext db) => db.Groups.AsNoTracking().Where(g => !g.MembersOnly);
}

/// <summary>
/// Meetings in the site search: those of public groups (or of no group), by title, agenda and their latest
/// minutes. A members-only group's meetings and minutes are never found.
/// </summary>
internal sealed class MeetingSearch : ISearchSource
{
    public string Type => ItemTypes.Meeting;

    public async Task<IReadOnlyList<SearchText>> PublicAsync(AppDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        [.. (await Public(db).Where(m => ids.Contains(m.Id))
                .Select(m => new
                {
                    m.Id, m.Title, m.Agenda, m.StartsAt,
                    Minutes = m.Minutes.OrderByDescending(v => v.Number).Select(v => v.Text).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken))
            .Select(m => new SearchText(m.Id, m.Title, m.Agenda + "\n" + m.Minutes, $"/meetings/{m.Id}", null, m.StartsAt))];

    public IQueryable<int> PublicIds(AppDbContext db) => Public(db).Select(m => m.Id);

    private static IQueryable<Meeting> Public(AppDbContext db) =>
        db.Meetings.AsNoTracking().Where(m => m.GroupId == null || !m.Group!.MembersOnly);
}

public sealed partial class Group : ISearchIndexed
{
    IEnumerable<ItemRef> ISearchIndexed.SearchItems => [new(ItemTypes.Group, Id)];
}

public sealed partial class Meeting : ISearchIndexed
{
    IEnumerable<ItemRef> ISearchIndexed.SearchItems => [new(ItemTypes.Meeting, Id)];
}

/// <summary>New minutes are part of their meeting's document.</summary>
public sealed partial class MinutesVersion : ISearchIndexed
{
    IEnumerable<ItemRef> ISearchIndexed.SearchItems => [new(ItemTypes.Meeting, MeetingId)];
}
