using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Support;

/// <summary>Items and links as the traceability contracts give them to any module, asked in a scope of their own as a page would.</summary>
public static class TestTraces
{
    /// <summary>Runs <paramref name="ask"/> on the traceable kind of item <paramref name="type"/>.</summary>
    public static Task<T> TraceableAsync<T>(this ServiceFactory service, string type, Func<ITraceable, Task<T>> ask) =>
        service.WithServicesAsync(s => ask(s.GetRequiredService<Items>().Traceable(type)));

    /// <summary>Every kept link to or from <paramref name="item"/>, whichever module keeps it.</summary>
    public static Task<List<TraceLink>> KeptLinksOfAsync(this ServiceFactory service, ItemRef item) =>
        service.WithServicesAsync(async s =>
        {
            var links = new List<TraceLink>();
            foreach (var kept in s.GetServices<IKeptLinks>())
            {
                links.AddRange(await kept.OfAsync(item, CancellationToken.None));
            }
            return links;
        });

    /// <summary>Every link every module keeps.</summary>
    public static Task<List<TraceLink>> AllKeptLinksAsync(this ServiceFactory service) =>
        service.WithServicesAsync(async s =>
        {
            var links = new List<TraceLink>();
            foreach (var kept in s.GetServices<IKeptLinks>())
            {
                links.AddRange(await kept.AllAsync(CancellationToken.None));
            }
            return links;
        });

    /// <summary>Whether <paramref name="person"/> looks after outcome <paramref name="id"/> of kind <paramref name="type"/>.</summary>
    public static Task<bool> OwnsOutcomeAsync(this ServiceFactory service, string type, int id, Person? person) =>
        service.WithServicesAsync(async s => await s.GetServices<IOutcomeKind>().Single(k => k.Type == type).IsOwnedByAsync(id,
            person is null ? new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity()) : await service.PrincipalAsync(person), CancellationToken.None));
}
