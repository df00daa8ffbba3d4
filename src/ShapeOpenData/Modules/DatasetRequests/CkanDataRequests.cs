using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Api;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>
/// A request as ckanext-datarequests' <c>show_datarequest</c> gives it. Who asked is never published, so
/// <c>user_id</c> and <c>user</c> are empty. Times are written as that extension writes them (Python's
/// <c>str(datetime)</c>); <c>accepted_dataset_id</c> is the CKAN id of the dataset that answered it, and
/// <c>accepted_dataset</c> that dataset as a CKAN package (<see cref="ICkanPackages"/>).
/// </summary>
public sealed record CkanDataRequest(
    string Id, string Title, string Description, string? OrganizationId, string OpenTime, string? AcceptedDatasetId, string? CloseTime,
    bool Closed, CkanOrganization? Organization, object? AcceptedDataset, int Followers)
{
    public string? UserId => null;
    public object? User => null;
}

/// <param name="Count">How many requests match, in all pages.</param>
/// <param name="Result">This page of them.</param>
public sealed record CkanDataRequestList(int Count, IReadOnlyList<CkanDataRequest> Result, IReadOnlyDictionary<string, CkanFacet> Facets);

public sealed record CkanFacet(IReadOnlyList<CkanFacetItem> Items);

public sealed record CkanFacetItem(string Name, string DisplayName, int Count);

/// <summary>
/// The actions of ckanext-datarequests, the CKAN extension for asking for data, over our requests. Only public
/// requests appear, whoever asks: CKAN clients are anonymous to us.
/// </summary>
public sealed class CkanDataRequests(AppDbContext db, ICkanPackages packages) : ICkanActions
{
    /// <summary>The extension's page size, and our ceiling (it has none).</summary>
    private const int DefaultLimit = 10, MaxLimit = 1_000;

    public IEnumerable<CkanAction> Actions =>
    [
        new("list_datarequests", "Returns public data requests. Parameters: organization_id, closed, q, sort (asc or desc), offset, limit.", ListAsync),
        new("show_datarequest", "Returns one public data request, by id.", ShowAsync),
    ];

    private static readonly ClaimsPrincipal Public = new();

    private sealed record Row(
        int Id, string Title, string Description, string? OrganisationSlug, string? OrganisationName, DateTime CreatedAt, DateTime? ClosedAt,
        bool Closed, int? DatasetId);

    /// <summary>Filtered by <c>organization_id</c> (a name), <c>closed</c> and <c>q</c>; oldest first unless <c>sort=desc</c>.</summary>
    public async Task<object> ListAsync(CkanParameters parameters, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, object>();
        var limit = Math.Min(parameters.NaturalNumber("limit", DefaultLimit, errors), MaxLimit);
        var offset = parameters.NaturalNumber("offset", 0, errors, Paging.MaxOffset);
        if (errors.Count > 0)
        {
            throw new CkanValidationException(errors);
        }
        var requests = Visible();
        if (parameters.Text("organization_id") is { } organisation)
        {
            if (!await db.Organisations.AnyAsync(o => o.Slug == organisation, cancellationToken))
            {
                throw new CkanNotFoundException();  // as the extension's organization_show would
            }
            requests = requests.Where(r => r.Organisation!.Slug == organisation);
        }
        if (parameters.Boolean("closed") is { } closed)
        {
            requests = requests.Where(r => (r.State == RequestState.Closed) == closed);
        }
        if (parameters.Text("q")?.ToLowerInvariant() is { } words)
        {
            // The database's lower(), in SQL: culture and comparison overloads do not apply.
#pragma warning disable CA1304, CA1311, CA1862
            requests = requests.Where(r => r.NormalizedTitle.Contains(words) || r.Description.ToLower().Contains(words));
#pragma warning restore CA1304, CA1311, CA1862
        }
        var ordered = parameters.Text("sort") == "desc"
            ? requests.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            : requests.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id);
        var page = await Rows(ordered.Skip(offset).Take(limit)).ToListAsync(cancellationToken);
        return new CkanDataRequestList(await requests.CountAsync(cancellationToken), await DictsAsync(page, cancellationToken),
            await FacetsAsync(requests, cancellationToken));
    }

    public async Task<object> ShowAsync(CkanParameters parameters, CancellationToken cancellationToken)
    {
        var id = parameters.Text("id") ?? throw CkanValidationException.Text("Data Request ID has not been included");
        var rows = int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? await Rows(Visible().Where(r => r.Id == number)).ToListAsync(cancellationToken)
            : [];
        return rows.Count == 0
            ? throw new CkanNotFoundException($"Data Request {id} not found in the data base")
            : (await DictsAsync(rows, cancellationToken))[0];
    }

    private IQueryable<DatasetRequest> Visible() => db.DatasetRequests.AsNoTracking().Where(DatasetRequestPermissions.VisibleTo(Public));

    private static IQueryable<Row> Rows(IQueryable<DatasetRequest> requests) => requests.Select(r => new Row(
        r.Id, r.Title, r.Description, r.Organisation == null ? null : r.Organisation.Slug, r.Organisation == null ? null : r.Organisation.Name,
        r.CreatedAt, r.ClosedAt, r.State == RequestState.Closed, r.DatasetId));

    /// <summary>The page with its answering datasets and follower counts: one query each, not one per request.</summary>
    private async Task<List<CkanDataRequest>> DictsAsync(List<Row> rows, CancellationToken cancellationToken)
    {
        var datasets = await packages.PackagesAsync([.. rows.Select(r => r.DatasetId).OfType<int>().Distinct()], cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var followers = await db.Follows.Where(f => f.TargetType == DatasetRequestsModule.ItemType && ids.Contains(f.TargetId))
            .GroupBy(f => f.TargetId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. rows.Select(r =>
        {
            var dataset = r.DatasetId is { } datasetId ? datasets.GetValueOrDefault(datasetId) : null;
            return new CkanDataRequest(
                r.Id.ToString(CultureInfo.InvariantCulture), r.Title, r.Description, r.OrganisationSlug, PythonTime(r.CreatedAt), dataset?.Id,
                r.ClosedAt is { } closedAt ? PythonTime(closedAt) : null, r.Closed,
                r.OrganisationSlug is null ? null : new CkanOrganization(r.OrganisationSlug, r.OrganisationSlug, r.OrganisationName!),
                dataset?.Package, followers.GetValueOrDefault(r.Id));
        })];
    }

    /// <summary>The extension's facets, over every matching request: by organisation, and open or closed. Empty ones are left out.</summary>
    private static async Task<Dictionary<string, CkanFacet>> FacetsAsync(IQueryable<DatasetRequest> requests, CancellationToken cancellationToken)
    {
        var organisations = await requests.Where(r => r.Organisation != null)
            .GroupBy(r => new { r.Organisation!.Slug, r.Organisation.Name }).Select(g => new { g.Key.Slug, g.Key.Name, Count = g.Count() })
            .OrderBy(g => g.Slug).ToListAsync(cancellationToken);
        var states = await requests.GroupBy(r => r.State == RequestState.Closed).Select(g => new { Closed = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var facets = new Dictionary<string, CkanFacet>();
        if (organisations.Count > 0)
        {
            facets["organization"] = new([.. organisations.Select(o => new CkanFacetItem(o.Slug, o.Name, o.Count))]);
        }
        if (states.Count > 0)
        {
            facets["state"] = new([.. states.OrderBy(s => s.Closed).Select(s => new CkanFacetItem(s.Closed ? "closed" : "open", s.Closed ? "Closed" : "Open", s.Count))]);
        }
        return facets;
    }

    private static string PythonTime(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
}
