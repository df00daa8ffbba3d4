using System.Security.Claims;

namespace ShapeOpenData.Modules.Shared;

/// <summary>An item by its type and id, as links between modules name it.</summary>
public readonly record struct ItemRef(string Type, int Id)
{
    public override string ToString() => $"{Type}:{Id}";
}

/// <summary>
/// "This came of that": an input (a request, a statement, an action…) and an outcome it led to (a commitment, a
/// milestone, a dataset, a document version), with a one-line reason.
/// </summary>
/// <param name="LinkedAt">When the link was made, or null for links that are part of an item (a commitment's milestones).</param>
public sealed record TraceLink(ItemRef Input, ItemRef Outcome, string Reason, DateTime? LinkedAt);

/// <summary>
/// Links a module keeps as part of its own work, so that they appear in the same chains as those people make: a request
/// released as a dataset, an action serving a request, a commitment's milestones, a consultation's changes made in a
/// new version of its document. The links may name items the reader may not see: the chains check every item.
/// </summary>
public interface IKeptLinks
{
    /// <summary>Every link it keeps.</summary>
    Task<IReadOnlyList<TraceLink>> AllAsync(CancellationToken cancellationToken);

    /// <summary>The links it keeps to or from <paramref name="item"/>.</summary>
    Task<IReadOnlyList<TraceLink>> OfAsync(ItemRef item, CancellationToken cancellationToken);
}

/// <summary>
/// A kind of item that things can lead to, like a commitment or a dataset: its module says who, besides the programme
/// team, may link inputs to one (the commitment's lead organisation, the dataset's publisher).
/// </summary>
public interface IOutcomeKind
{
    /// <summary>The item type, like <c>commitment</c>; it is also <see cref="ITraceable"/>.</summary>
    string Type { get; }

    /// <summary>How to refer to one in a form's hint, like "its reference, like UK16-OD, or its address".</summary>
    string HowToName { get; }

    /// <summary>Whether <paramref name="person"/> looks after outcome <paramref name="id"/> (the programme team is allowed anyway).</summary>
    Task<bool> IsOwnedByAsync(int id, ClaimsPrincipal person, CancellationToken cancellationToken);
}
