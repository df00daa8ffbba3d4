using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.Shared;

/// <summary>
/// An entity whose change may change what the site search finds: a request, a meeting's minutes. The search
/// writes the documents of <see cref="SearchItems"/> again in the same unit of work as the change.
/// </summary>
public interface ISearchIndexed
{
    /// <summary>The items whose search documents this entity is part of, like its own request, or the meeting its minutes belong to.</summary>
    IEnumerable<ItemRef> SearchItems { get; }
}

/// <summary>One public item as the site search indexes and shows it.</summary>
/// <param name="Body">Its words besides the title (description, agenda, minutes…), as plain text or Markdown.</param>
/// <param name="Url">Its page, like <c>/requests/12</c>.</param>
/// <param name="OrganisationId">The organisation it is about or belongs to, for the organisation filter; null when none.</param>
/// <param name="Date">The date the results show and the date filter uses: when it was made, published or held; null for items without one (organisations).</param>
public sealed record SearchText(int Id, string Title, string Body, string Url, int? OrganisationId, DateTime? Date);

/// <summary>
/// A kind of item the site search finds (the "searchable" contract, CONVENTIONS rule 15). Only what anyone may
/// see is ever given: the search asks again for each page of results, so an item hidden since it was indexed is
/// never shown. A module opts in by registering one as a singleton and marking its entities <see cref="ISearchIndexed"/>.
/// </summary>
public interface ISearchSource
{
    /// <summary>The item type, like <c>request</c>.</summary>
    string Type { get; }

    /// <summary>Those of <paramref name="ids"/> that exist and anyone may see; the others are not (or no longer) found.</summary>
    Task<IReadOnlyList<SearchText>> PublicAsync(AppDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken);

    /// <summary>The ids of every item anyone may see, to index what was there before the search (or before a module opted in).</summary>
    IQueryable<int> PublicIds(AppDbContext db);

    /// <summary>
    /// Other items whose documents depend on <paramref name="ids"/> and are written again with them, like a group's
    /// meetings, found only while their group is public. None by default.
    /// </summary>
    Task<IReadOnlyList<ItemRef>> DependentsAsync(AppDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ItemRef>>([]);
}
