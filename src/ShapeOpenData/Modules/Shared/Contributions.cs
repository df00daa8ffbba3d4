using System.Security.Claims;

namespace ShapeOpenData.Modules.Shared;

/// <summary>
/// Part of another module's page: a partial view of the contributing module, with its model. The page renders
/// every section contributed to it where it keeps them (<c>&lt;partial name="_PageSections" model="Model.Sections" /&gt;</c>).
/// </summary>
/// <param name="Partial">The partial's full path, like <c>/Modules/Groups/Pages/_ActionsTable.cshtml</c>.</param>
public sealed record PageSection(string Partial, object Model);

/// <summary>A section a module adds to another module's page, like the actions that serve a request on the request's page.</summary>
public interface IPageSection
{
    /// <summary>The item type of the page it adds to, like <c>request</c> or <c>dataset</c>.</summary>
    string Page { get; }

    /// <summary>The section for the item as <paramref name="reader"/> may see it, or null when there is nothing to show them.</summary>
    Task<PageSection?> ForAsync(int id, ClaimsPrincipal reader, CancellationToken cancellationToken);
}

/// <summary>An item that can be the input or the outcome of a traceability link ("a user asked" → "the data was published").</summary>
/// <param name="Type">Its item type, like <c>dataset</c>.</param>
/// <param name="Key">How people and the API name it: a dataset's address name (<c>bus-stops</c>), a request's number.</param>
/// <param name="Url">Where it is, like <c>/datasets/bus-stops</c>.</param>
/// <param name="Standing">Where it stands, as a chain of outcomes shows it: "412 people need this", "met 3 March 2027",
/// "published 4 May 2026"; null when there is nothing to say.</param>
public sealed record TracedItem(string Type, int Id, string Key, string Title, string Url, string? Standing = null);

/// <summary>
/// A kind of item that other modules may link to, by id, without knowing its module: a request answered by a
/// dataset, an action serving a request. Only public items are ever given.
/// </summary>
public interface ITraceable
{
    /// <summary>The item type, like <c>dataset</c>.</summary>
    string Type { get; }

    /// <summary>Those of <paramref name="ids"/> that exist and are public; the others are left out.</summary>
    Task<IReadOnlyList<TracedItem>> PublicAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken);

    /// <summary>The public item people know by <paramref name="reference"/> (its key, its web address or its exact title), or null.</summary>
    Task<TracedItem?> FindAsync(string reference, CancellationToken cancellationToken);
}

/// <summary>One item found by words, for pickers and (later) the site search.</summary>
/// <param name="Summary">A short line that tells similar items apart, like the publisher's name.</param>
public sealed record SearchHit(TracedItem Item, string? Summary);

/// <summary>A kind of item that can be found by the words of its title and description. Only public items are found.</summary>
public interface ISearchable
{
    string Type { get; }

    /// <summary>At most <paramref name="limit"/> items matching <paramref name="words"/>, best first.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(string words, int limit, CancellationToken cancellationToken);
}

/// <summary>One line of a public record, like "Requests received: 120".</summary>
/// <param name="Order">Where it goes among the figures of every module (tens: datasets 10, requests 20…).</param>
/// <param name="Value">The figure as shown, like <c>73% of 41 closed or past their deadline</c>.</param>
/// <param name="Link">Where to see the items counted.</param>
/// <param name="Note">How it is measured, like <c>median, working days</c>.</param>
/// <param name="AboutAnswering">True for a figure on how the organisation meets its duty to answer requests in time: the
/// guide to the right to data shows these for every organisation.</param>
public sealed record Figure(int Order, string Label, string Value, string? Link = null, string? Note = null, bool AboutAnswering = false);

/// <summary>The organisation a count is for.</summary>
public sealed record CountScope(int OrganisationId, string OrganisationSlug);

/// <summary>
/// Items a module counts for the public record: an organisation's record today, the programme's statistics
/// later (a null scope). Figures are public: they count only what anyone may see, or aggregates of the rest.
/// </summary>
public interface ICountable
{
    Task<IReadOnlyList<Figure>> CountAsync(CountScope? scope, CancellationToken cancellationToken);
}

/// <summary>Every module's sections for one page, in the order the modules were added.</summary>
public sealed class PageSections(IEnumerable<IPageSection> sections)
{
    public async Task<IReadOnlyList<PageSection>> ForAsync(string page, int id, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        var found = new List<PageSection>();
        foreach (var section in sections.Where(s => s.Page == page))
        {
            if (await section.ForAsync(id, reader, cancellationToken) is { } contributed)
            {
                found.Add(contributed);
            }
        }
        return found;
    }
}

/// <summary>The traceable and searchable kinds of item, by type: how a module reaches another's items.</summary>
public sealed class Items(IEnumerable<ITraceable> traceables, IEnumerable<ISearchable> searchables)
{
    public ITraceable Traceable(string type) => traceables.Single(t => t.Type == type);

    /// <summary>The traceable kind of item <paramref name="type"/>, or null when no module traces that type.</summary>
    public ITraceable? TryTraceable(string type) => traceables.SingleOrDefault(t => t.Type == type);

    /// <summary>Every traceable item type.</summary>
    public IEnumerable<string> TraceableTypes => traceables.Select(t => t.Type);

    /// <summary>Those of <paramref name="refs"/> the public may see, asking each kind's module once; kinds no module traces are left out.</summary>
    public async Task<Dictionary<ItemRef, TracedItem>> PublicAsync(IEnumerable<ItemRef> refs, CancellationToken cancellationToken)
    {
        var found = new Dictionary<ItemRef, TracedItem>();
        foreach (var kind in refs.GroupBy(r => r.Type))
        {
            if (TryTraceable(kind.Key) is { } traceable)
            {
                foreach (var item in await traceable.PublicAsync([.. kind.Select(r => r.Id).Distinct()], cancellationToken))
                {
                    found[new(item.Type, item.Id)] = item;
                }
            }
        }
        return found;
    }

    public ISearchable Searchable(string type) => searchables.Single(s => s.Type == type);
}

/// <summary>The arithmetic and wording figures share.</summary>
public static class Figures
{
    public static double? Median(IEnumerable<int?> values)
    {
        var sorted = values.OfType<int>().Order().ToList();
        return sorted.Count == 0 ? null
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
            : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;
    }

    public static string Days(double? days) => days is { } d ? $"{d:0.#} {(d == 1 ? "day" : "days")}" : "None yet";
}

/// <summary>A link in the header for the signed-in person, with a count beside it: "Notifications 3 unread".</summary>
/// <param name="CountLabel">What the count is, read after it by screen readers: "unread".</param>
public sealed record PersonalLinkView(string Text, string Href, int Count, string CountLabel);

/// <summary>A module's link in the header for the signed-in person, like their notification centre with its unread count.</summary>
public interface IPersonalLink
{
    /// <summary>The link for <paramref name="person"/>, or null when they have none.</summary>
    Task<PersonalLinkView?> ForAsync(ClaimsPrincipal person, CancellationToken cancellationToken);
}
