using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Catalogue;

/// <summary>
/// Datasets as outcomes that inputs can be linked to: besides the programme team, the publishers of the dataset's
/// organisation may link to one, as they are the ones who answer for it (its reports, the requests it meets).
/// </summary>
internal sealed class DatasetOutcomes(AppDbContext db) : IOutcomeKind
{
    public string Type => ItemTypes.Dataset;

    public string HowToName => "its address name, like bus-stops, or its address";

    public async Task<bool> IsOwnedByAsync(int id, ClaimsPrincipal person, CancellationToken cancellationToken) =>
        await db.Datasets.Where(d => d.Id == id).Select(d => (int?)d.OrganisationId).SingleOrDefaultAsync(cancellationToken) is { } organisation
        && person.IsPublisherFor(organisation);
}
