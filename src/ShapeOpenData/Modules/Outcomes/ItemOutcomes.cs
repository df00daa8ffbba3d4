using System.Security.Claims;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Outcomes;

/// <summary>One link as an item's page shows it: the item at the other end, why, and whether the reader may remove it.</summary>
public sealed record LinkLine(int LinkId, TracedItem Other, string Reason, DateTime LinkedAt, bool CanRemove);

/// <summary>What an item's page shows of its links: what it led to, what led to it, and what the reader may link.</summary>
/// <param name="LinkFrom">Where to link an input to this item, when the reader may (it is an outcome they look after).</param>
/// <param name="LinkTo">Where to link this item to an outcome, when the reader may (it is an input and they may link some).</param>
/// <param name="Chains">The chains through this item, when it is in any.</param>
public sealed record ItemOutcomesView(
    string Name, IReadOnlyList<LinkLine> LedTo, IReadOnlyList<LinkLine> CameFrom, string? LinkFrom, string? LinkTo, string? Chains);

/// <summary>
/// On the page of an item of one kind: the links people made from and to it, both ways, each with its reason, and the way
/// to the chains that run through it (which also follow the links the modules keep). Items it names that the reader may
/// not see are left out.
/// </summary>
internal sealed class ItemOutcomes(string type, TraceLinks links, LinkWorkflow workflow, Items items, IEnumerable<IKeptLinks> kept) : IPageSection
{
    public string Page => type;

    public async Task<PageSection?> ForAsync(int id, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        var item = new ItemRef(type, id);
        var made = await links.MadeOfAsync(item, cancellationToken);
        var others = await items.PublicAsync(made.Select(l => l.Input == item ? l.Outcome : l.Input), cancellationToken);
        var lines = new List<(bool LedTo, LinkLine Line)>();
        foreach (var link in made)
        {
            var ledTo = link.Input == item;
            if (others.TryGetValue(ledTo ? link.Outcome : link.Input, out var other))
            {
                lines.Add((ledTo, new LinkLine(link.Id, other, link.Reason, link.LinkedAt, await workflow.MayLinkToAsync(link.Outcome, reader, cancellationToken))));
            }
        }
        var isOutcome = workflow.OutcomeKinds.Any(k => k.Type == type);
        var linkFrom = isOutcome && await workflow.MayLinkToAsync(item, reader, cancellationToken) && await SelfAsync(item, cancellationToken) is { } self
            ? $"/outcomes/links/new?outcomeType={type}&outcomeReference={Uri.EscapeDataString(self.Key)}" : null;
        var linkTo = workflow.InputTypes.Contains(type) && LinkWorkflow.MayLinkSome(reader) && await SelfAsync(item, cancellationToken) is { } me
            ? $"/outcomes/links/new?inputType={type}&inputReference={Uri.EscapeDataString(me.Key)}" : null;
        var chains = lines.Count > 0 || await KeptAnyAsync(item, cancellationToken) ? $"/outcomes?through={item}" : null;
        if (lines.Count == 0 && linkFrom is null && linkTo is null && chains is null)
        {
            return null;
        }
        return new PageSection("/Modules/Outcomes/Pages/_ItemOutcomes.cshtml", new ItemOutcomesView(ItemTypes.NameOf(type),
            [.. lines.Where(l => l.LedTo).Select(l => l.Line)], [.. lines.Where(l => !l.LedTo).Select(l => l.Line)], linkFrom, linkTo, chains));
    }

    private async Task<TracedItem?> SelfAsync(ItemRef item, CancellationToken cancellationToken) =>
        items.TryTraceable(item.Type) is { } traceable ? (await traceable.PublicAsync([item.Id], cancellationToken)).SingleOrDefault() : null;

    private async Task<bool> KeptAnyAsync(ItemRef item, CancellationToken cancellationToken)
    {
        foreach (var source in kept)
        {
            if ((await source.OfAsync(item, cancellationToken)).Count > 0)
            {
                return true;
            }
        }
        return false;
    }
}
