using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Catalogue;

namespace ShapeOpenData.Tests.Catalogue;

/// <summary>A resource of a <see cref="TestPackage"/>, as CKAN writes one.</summary>
public sealed record TestResource(string Format = "CSV", string? MediaType = "text/csv", long? Size = 1234, string? Name = null)
{
    public string Id { get; } = Guid.NewGuid().ToString();
}

/// <summary>A CKAN package, with what the tests need to vary and sensible values for the rest.</summary>
public sealed record TestPackage(
    string Name, string Title, string Organisation, string Notes = "Counts by year.", string[]? Tags = null, string[]? Groups = null,
    TestResource[]? Resources = null, string Modified = "2026-01-10T09:00:00.123456", string Created = "2024-03-01T08:30:00.654321",
    string LicenceId = "uk-ogl")
{
    public string Id { get; } = Guid.NewGuid().ToString();
}

/// <summary>
/// Datasets put into the catalogue the way they get there for real: a CKAN <c>package_search</c> response read by the
/// importer. Each import has a source of its own, so one test's complete import never withdraws another test's datasets.
/// </summary>
public static class TestCatalogue
{
    /// <summary>A name no other test uses: a lower-case word, then eight hex digits.</summary>
    public static string Unique(string word) => $"{word}-{Guid.NewGuid():N}"[..(word.Length + 9)];

    /// <summary>An organisation of its own, made by the import: filtering by it isolates a test's datasets.</summary>
    public static string NewOrganisation() => Unique("org");

    public static string NewSource() => Unique("test-source");

    public static Task<ImportSummary> ImportAsync(this ServiceFactory service, params TestPackage[] packages) =>
        service.ImportAsync(NewSource(), packages);

    /// <param name="source">Importing again from the same source withdraws what is no longer in it.</param>
    public static Task<ImportSummary> ImportAsync(this ServiceFactory service, string source, params TestPackage[] packages) =>
        service.WithServicesAsync(async s =>
        {
            await using var file = new MemoryStream(Encoding.UTF8.GetBytes(PackageSearch(packages)));
            var summary = await s.GetRequiredService<CatalogueImporter>().ImportAsync(CkanSources.FromFileAsync(file), source);
            Assert.Empty(summary.Problems);
            return summary;
        });

    public static Task<int> DatasetIdAsync(this ServiceFactory service, string slug) =>
        service.WithDatabaseAsync(db => db.Datasets.Where(d => d.Slug == slug).Select(d => d.Id).SingleAsync());

    /// <summary>A <c>package_search</c> response with no <c>help</c>, so the importer takes the source it is given.</summary>
    public static string PackageSearch(IReadOnlyList<TestPackage> packages) => JsonSerializer.Serialize(new
    {
        success = true,
        result = new
        {
            count = packages.Count,
            results = packages.Select(p => new Dictionary<string, object?>
            {
                ["id"] = p.Id,
                ["name"] = p.Name,
                ["title"] = p.Title,
                ["notes"] = p.Notes,
                ["url"] = $"https://data.example.gov.uk/{p.Name}",
                ["license_id"] = p.LicenceId,
                ["license_title"] = "UK Open Government Licence (OGL)",
                ["license_url"] = "http://reference.data.gov.uk/id/open-government-licence",
                ["metadata_created"] = p.Created,
                ["metadata_modified"] = p.Modified,
                ["organization"] = new { name = p.Organisation, title = OrganisationTitle(p.Organisation) },
                ["tags"] = (p.Tags ?? ["statistics"]).Select(t => new { name = t, display_name = t }),
                ["groups"] = (p.Groups ?? ["transport"]).Select(g => new { name = g, title = g }),
                ["resources"] = (p.Resources ?? [new TestResource()]).Select((r, i) => new
                {
                    id = r.Id,
                    name = r.Name ?? $"{p.Title} ({r.Format})",
                    description = "The data",
                    url = $"https://data.example.gov.uk/{p.Name}/file-{i}.{r.Format.ToLowerInvariant()}",
                    format = r.Format,
                    mimetype = r.MediaType,
                    size = r.Size,
                    last_modified = "2026-01-09T12:00:00.000001",
                    position = i,
                }),
            }),
        },
    });

    /// <summary>A GET of the CKAN-compatible API, as any CKAN client makes it.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> CkanAsync(this ServiceFactory service, string url)
    {
        var response = await service.CreateClient().GetAsync(url);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>The dataset names in a <c>package_search</c> result.</summary>
    public static IEnumerable<string> Names(JsonElement body) =>
        body.GetProperty("result").GetProperty("results").EnumerateArray().Select(p => p.GetProperty("name").GetString()!);

    public static string OrganisationTitle(string slug) => slug == "department-for-transport" ? "Department for Transport" : $"Organisation {slug}";
}
