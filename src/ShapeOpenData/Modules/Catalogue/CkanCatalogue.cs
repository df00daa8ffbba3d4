using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Api;

namespace ShapeOpenData.Modules.Catalogue;

/// <param name="Count">How many datasets match, in all pages.</param>
/// <param name="Sort">The sort used, as CKAN echoes it.</param>
public sealed record CkanSearchResult(int Count, string Sort, IReadOnlyList<CkanPackage> Results)
{
    // Facets are counted only when asked for with facet.field, which we do not support: CKAN then gives empty ones.
    public IReadOnlyDictionary<string, object> Facets => new Dictionary<string, object>();
    public IReadOnlyDictionary<string, object> SearchFacets => new Dictionary<string, object>();
}

/// <summary>CKAN's dataset and organisation actions, over the catalogue, and its datasets as packages for other modules' actions.</summary>
public sealed class CkanCatalogue(AppDbContext db, DatasetQueries queries) : ICkanActions, ICkanPackages
{
    /// <summary>CKAN's <c>ckan.search.rows_max</c>: asking for more rows gets this many, not an error, as in CKAN.</summary>
    public const int MaxRows = 1_000;

    /// <summary>CKAN's <c>ckan.group_and_organization_list_max</c> and <c>…_all_fields_max</c>.</summary>
    private const int MaxOrganisations = 1_000, MaxOrganisationsWithFields = 25;

    public IEnumerable<CkanAction> Actions =>
    [
        new("package_search",
            "Searches for datasets. Parameters: q, fq (organization:, res_format:, tags:, groups:), rows (at most 1000), start, " +
            "sort (score desc, metadata_modified desc by default; also metadata_created, title_string, name).",
            PackageSearchAsync),
        new("package_show", "Returns one dataset, by name or id. Withdrawn datasets have state \"deleted\".", PackageShowAsync),
        new("package_list", "Returns the names of all datasets. Parameters: limit, offset.", PackageListAsync),
        new("organization_list", "Returns the names of all organizations, or the organizations with all_fields. Parameters: sort, limit, offset.",
            OrganizationListAsync),
        new("organization_show", "Returns one organization, by name or id.", OrganizationShowAsync),
    ];

    public async Task<object> PackageSearchAsync(CkanParameters parameters, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, object>();
        var rows = Math.Min(parameters.NaturalNumber("rows", 10, errors), MaxRows);
        var start = parameters.NaturalNumber("start", 0, errors, Paging.MaxOffset);
        if (errors.Count > 0)
        {
            throw new CkanValidationException(errors);
        }
        var search = CkanSearch.Parse(parameters.Text("q"), parameters.Text("fq"), parameters.Text("sort"));
        var matching = search.Apply(queries);
        var count = await matching.CountAsync(cancellationToken);
        var page = rows == 0 || start >= count ? [] : await matching.Skip(start).Take(rows).WithDetails().ToListAsync(cancellationToken);
        return new CkanSearchResult(count, search.Sort, [.. page.Select(CkanDicts.Package)]);
    }

    /// <summary>By name (our slug) or CKAN id. A withdrawn dataset is still shown, as CKAN shows a deleted one.</summary>
    public async Task<object> PackageShowAsync(CkanParameters parameters, CancellationToken cancellationToken)
    {
        var id = parameters.Required("id");
        var datasets = db.Datasets.AsNoTracking().WithDetails();
        var dataset = await datasets.SingleOrDefaultAsync(d => d.Slug == id, cancellationToken)
                      ?? (CkanDicts.IsCkanId(id) ? await datasets.SingleOrDefaultAsync(d => d.SourceId == id, cancellationToken) : null);
        return dataset is null ? throw new CkanNotFoundException() : CkanDicts.Package(dataset);
    }

    /// <summary>The names of every dataset that is not withdrawn, in name order.</summary>
    public async Task<object> PackageListAsync(CkanParameters parameters, CancellationToken cancellationToken)
    {
        var (limit, offset) = LimitAndOffset(parameters, int.MaxValue);
        return await db.Datasets.Where(d => d.WithdrawnAt == null).OrderBy(d => d.Slug).Select(d => d.Slug)
            .Skip(offset).Take(limit).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<int, CkanPackageRef>> PackagesAsync(IReadOnlyCollection<int> datasetIds, CancellationToken cancellationToken)
    {
        var ids = datasetIds.ToArray();
        if (ids.Length == 0)
        {
            return new Dictionary<int, CkanPackageRef>();
        }
        var datasets = await db.Datasets.AsNoTracking().Where(d => ids.Contains(d.Id)).WithDetails().ToListAsync(cancellationToken);
        return datasets.ToDictionary(d => d.Id, d =>
        {
            var package = CkanDicts.Package(d);
            return new CkanPackageRef(package.Id, package);
        });
    }

    /// <summary>Names in name order, or whole organisations with <c>all_fields</c>; sorted by <c>name</c>, <c>title</c> or <c>package_count</c>.</summary>
    public async Task<object> OrganizationListAsync(CkanParameters parameters, CancellationToken cancellationToken)
    {
        var allFields = parameters.Boolean("all_fields") == true;
        var maximum = allFields ? MaxOrganisationsWithFields : MaxOrganisations;
        var (limit, offset) = LimitAndOffset(parameters, maximum);
        var sort = (parameters.Text("sort") ?? "name asc").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var descending = sort.Length > 1 && sort[1] == "desc";
        var organisations = Organisations();
        var ordered = sort[0] switch
        {
            "name" => descending ? organisations.OrderByDescending(o => o.Slug) : organisations.OrderBy(o => o.Slug),
            "title" => descending ? organisations.OrderByDescending(o => o.Title) : organisations.OrderBy(o => o.Title),
            "package_count" => descending ? organisations.OrderByDescending(o => o.PackageCount) : organisations.OrderBy(o => o.PackageCount),
            _ => throw CkanValidationException.Field("sort", $"Cannot sort by field `{sort[0]}`"),
        };
        var page = ordered.ThenBy(o => o.Slug).Skip(offset).Take(limit);
        return allFields
            ? (await page.ToListAsync(cancellationToken)).Select(o => o.Shown()).ToList()
            : await page.Select(o => o.Slug).ToListAsync(cancellationToken);
    }

    public async Task<object> OrganizationShowAsync(CkanParameters parameters, CancellationToken cancellationToken)
    {
        var id = parameters.Required("id");
        var organisation = await Organisations().SingleOrDefaultAsync(o => o.Slug == id, cancellationToken);
        return organisation?.Shown() ?? throw new CkanNotFoundException();
    }

    /// <summary>Set by member, not by constructor, so that the database can sort and filter on it.</summary>
    private sealed class OrganisationRow
    {
        public required string Slug { get; init; }
        public required string Title { get; init; }
        public required int PackageCount { get; init; }

        public CkanOrganizationShown Shown() => new(Slug, Slug, Title, PackageCount);
    }

    private IQueryable<OrganisationRow> Organisations() => db.Organisations.AsNoTracking().Select(o => new OrganisationRow
    {
        Slug = o.Slug, Title = o.Name, PackageCount = db.Datasets.Count(d => d.OrganisationId == o.Id && d.WithdrawnAt == null),
    });

    /// <summary>CKAN's paging of lists: everything up to <paramref name="maximum"/> when no limit is given.</summary>
    private static (int Limit, int Offset) LimitAndOffset(CkanParameters parameters, int maximum)
    {
        var errors = new Dictionary<string, object>();
        var limit = parameters.NaturalNumber("limit", maximum, errors);
        var offset = parameters.NaturalNumber("offset", 0, errors, Paging.MaxOffset);
        return errors.Count > 0 ? throw new CkanValidationException(errors) : (Math.Min(limit, maximum), offset);
    }
}
