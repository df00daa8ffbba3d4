namespace ShapeOpenData.Modules.Shared;

/// <summary>
/// Something that happened in one module that others may react to, without the module knowing who does.
/// Events are records named in the past tense; they live here, in the foundation, so any module can react.
/// </summary>
public interface IDomainEvent;

/// <summary>Catalogue records from <paramref name="Source"/> were added, changed or withdrawn.</summary>
public sealed record CatalogueImported(string Source) : IDomainEvent;

/// <summary>A module's reaction to an event, run in the same unit of work as the change that raised it.</summary>
public interface IReaction<in TEvent> where TEvent : IDomainEvent
{
    /// <returns>How many items the reaction changed, for the record of what the event caused.</returns>
    Task<int> HandleAsync(TEvent happened, CancellationToken cancellationToken);
}

/// <summary>Runs every module's reactions to an event, one after the other, in the raiser's scope (and so its transaction).</summary>
public sealed class DomainEvents(IServiceProvider services)
{
    /// <returns>How many items the reactions changed between them.</returns>
    public async Task<int> RaiseAsync<TEvent>(TEvent happened, CancellationToken cancellationToken) where TEvent : IDomainEvent
    {
        var changed = 0;
        foreach (var reaction in services.GetServices<IReaction<TEvent>>())
        {
            changed += await reaction.HandleAsync(happened, cancellationToken);
        }
        return changed;
    }
}
