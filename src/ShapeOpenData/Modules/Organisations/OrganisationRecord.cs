using Microsoft.Extensions.Caching.Memory;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Organisations;

/// <summary>
/// How an organisation answers the people who use its data: the figures every module counts for it, in order.
/// Kept for a minute: they change slowly, and an organisation with many thousands of requests should not be
/// recounted on every visit.
/// </summary>
public sealed class OrganisationRecord(IEnumerable<ICountable> countables, IMemoryCache cache)
{
    public async Task<IReadOnlyList<Figure>> ForAsync(Organisation organisation, CancellationToken cancellationToken) =>
        (await cache.GetOrCreateAsync($"organisation-record:{organisation.Id}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            var scope = new CountScope(organisation.Id, organisation.Slug);
            var figures = new List<Figure>();
            foreach (var countable in countables)
            {
                figures.AddRange(await countable.CountAsync(scope, cancellationToken));
            }
            return figures.OrderBy(f => f.Order).ToList();
        }))!;
}
