using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Outcomes;

/// <summary>
/// One step of a chain: the item, the reason it came of the step before (null for the first), and what it led to in
/// turn — more than one thing where a step branches, as a commitment does into its milestones.
/// </summary>
public sealed record ChainStep(TracedItem Item, string? Reason, IReadOnlyList<ChainStep> Next)
{
    /// <summary>This step and every step after it, depth first.</summary>
    public IEnumerable<ChainStep> All() => Next.SelectMany(n => n.All()).Prepend(this);
}

/// <summary>
/// From an input to the evidence: "asked by 412 people → commitment C-07 → milestone met 3 March → dataset published".
/// </summary>
/// <param name="LatestLinkAt">When its newest link was made: the list shows the most recent first.</param>
public sealed record OutcomeChain(ChainStep Start, DateTime? LatestLinkAt);

/// <summary>Which chains: those that go through an item of a kind, or through one item.</summary>
/// <param name="Input">An input's item type: chains with such an item that led somewhere.</param>
/// <param name="Outcome">An outcome's item type: chains with such an item after their start.</param>
/// <param name="Through">One item: chains that go through it.</param>
public sealed record ChainFilter(string? Input = null, string? Outcome = null, ItemRef? Through = null);

/// <summary>
/// The chains from inputs to what came of them, built from every link (<see cref="TraceLinks"/>) and only through public
/// items: each kind's module says which of its items anyone may see, and a chain stops before one they may not. A chain
/// starts at an input nothing led to and follows every link onwards, branching where a step led to several things.
/// </summary>
public sealed class OutcomeChains(TraceLinks links, Items items, IEnumerable<IOutcomeKind> outcomeKinds)
{
    /// <summary>No chain is deeper: links made in a circle, or very long ones, stop here.</summary>
    public const int MaxSteps = 8;

    public async Task<IReadOnlyList<OutcomeChain>> FindAsync(ChainFilter filter, CancellationToken cancellationToken)
    {
        var all = await links.AllAsync(cancellationToken);
        var visible = await items.PublicAsync(all.SelectMany(l => new[] { l.Input, l.Outcome }), cancellationToken);
        var shown = all.Where(l => visible.ContainsKey(l.Input) && visible.ContainsKey(l.Outcome)).ToList();
        var onward = shown.ToLookup(l => l.Input);
        var ledTo = shown.Select(l => l.Outcome).ToHashSet();
        var outcomes = outcomeKinds.Select(k => k.Type).ToHashSet();

        ChainStep Follow(ItemRef item, string? reason, Trail path, ref DateTime? latest)
        {
            var next = new List<ChainStep>();
            if (path.Depth < MaxSteps)
            {
                foreach (var link in onward[item].Where(l => !path.Contains(l.Outcome)))
                {
                    latest = Later(latest, link.LinkedAt);
                    next.Add(Follow(link.Outcome, link.Reason, path.Push(link.Outcome), ref latest));
                }
            }
            return new ChainStep(visible[item], reason, next);
        }

        var chains = new List<OutcomeChain>();
        foreach (var start in shown.Select(l => l.Input).Distinct().Where(i => !ledTo.Contains(i) && !outcomes.Contains(i.Type)))
        {
            DateTime? latest = null;
            var chain = new OutcomeChain(Follow(start, null, Trail.Of(start), ref latest), latest);
            if (Matches(chain, filter))
            {
                chains.Add(chain);
            }
        }
        return [.. chains.OrderByDescending(c => c.LatestLinkAt ?? DateTime.MinValue)
            .ThenBy(c => c.Start.Item.Type, StringComparer.Ordinal).ThenBy(c => c.Start.Item.Id)];
    }

    private static DateTime? Later(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static bool Matches(OutcomeChain chain, ChainFilter filter) =>
        (filter.Input is null || chain.Start.All().Any(s => s.Item.Type == filter.Input && s.Next.Count > 0))
        && (filter.Outcome is null || chain.Start.Next.SelectMany(n => n.All()).Any(s => s.Item.Type == filter.Outcome))
        && (filter.Through is not { } item || chain.Start.All().Any(s => s.Item.Type == item.Type && s.Item.Id == item.Id));

    /// <summary>The items on the way to a step, to stop at a circle.</summary>
    private sealed record Trail(ItemRef Top, Trail? Below, int Depth)
    {
        public static Trail Of(ItemRef item) => new(item, null, 1);

        public Trail Push(ItemRef item) => new(item, this, Depth + 1);

        public bool Contains(ItemRef item) => Top == item || Below?.Contains(item) == true;
    }
}
