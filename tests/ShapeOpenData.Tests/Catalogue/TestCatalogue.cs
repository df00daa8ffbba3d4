using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Catalogue;

namespace ShapeOpenData.Tests.Catalogue;

/// <summary>
/// CKAN <c>package_search</c> responses made from <see cref="SamplePackage"/>s, and datasets put into the catalogue the
/// way they get there for real: such a response read by the importer. Each import has a source of its own, so one
/// test's complete import never withdraws another test's datasets.
/// </summary>
public static class TestCatalogue
{
    /// <summary>The host a response names in its <c>help</c> link unless told otherwise.</summary>
    public const string ExamplePortal = "ckan.example.gov.uk";

    /// <summary>The real data.gov.uk response kept in Fixtures: 4 records of a search that matched 10.</summary>
    public static string RealFixturePath => Path.Combine(AppContext.BaseDirectory, "Catalogue", "Fixtures", "real-package-search.json");

    /// <summary>A name no other test uses: a lower-case word, then eight hex digits.</summary>
    public static string Unique(string word) => $"{word}-{Guid.NewGuid():N}"[..(word.Length + 9)];

    /// <summary>An organisation of its own, made by the import: filtering by it isolates a test's datasets.</summary>
    public static string NewOrganisation() => Unique("org");

    public static string NewSource() => Unique("test-source");

    /// <summary>What a portal calls an organisation: <see cref="SamplePackage"/>'s default title for it.</summary>
    public static string OrganisationTitle(string slug) => slug == "department-for-transport" ? "Department for Transport" : $"Organisation {slug}";

    /// <summary>A successful <c>package_search</c> response.</summary>
    /// <param name="count">How many the portal says there are; by default the records given.</param>
    /// <param name="portal">
    /// The host the response says it came from (in its <c>help</c> link), which the catalogue records as the datasets'
    /// source. With none the response has no <c>help</c>, and the importer takes the source it is given.
    /// </param>
    public static string PackageSearch(IEnumerable<JsonNode?> records, int? count = null, string? portal = ExamplePortal)
    {
        var results = new JsonArray([.. records.Select(r => r?.DeepClone())]);
        var response = new JsonObject();
        if (portal is not null)
        {
            response["help"] = $"https://{portal}/api/3/action/help_show?name=package_search";
        }
        response["success"] = true;
        response["result"] = new JsonObject { ["count"] = count ?? results.Count, ["sort"] = "metadata_created asc", ["results"] = results };
        return response.ToJsonString();
    }

    /// <summary>A successful <c>package_search</c> response listing <paramref name="packages"/>, all there are.</summary>
    /// <param name="portal">The host its <c>help</c> link names, as above; with none, no <c>help</c>.</param>
    public static string PackageSearch(IEnumerable<SamplePackage> packages, string? portal = ExamplePortal) =>
        PackageSearch(packages.Select(p => (JsonNode)p.ToJson()), portal: portal);

    public static Task<ImportSummary> ImportAsync(this ServiceFactory service, params SamplePackage[] packages) =>
        service.ImportAsync(NewSource(), packages);

    /// <param name="source">Importing again from the same source withdraws what is no longer in it.</param>
    public static Task<ImportSummary> ImportAsync(this ServiceFactory service, string source, params SamplePackage[] packages) =>
        service.WithServicesAsync(async s =>
        {
            await using var file = new MemoryStream(Encoding.UTF8.GetBytes(PackageSearch(packages, portal: null)));
            var summary = await s.GetRequiredService<CatalogueImporter>().ImportAsync(CkanSources.FromFileAsync(file), source);
            Assert.Empty(summary.Problems);
            return summary;
        });

    public static Task<int> DatasetIdAsync(this ServiceFactory service, string slug) =>
        service.WithDatabaseAsync(db => db.Datasets.Where(d => d.Slug == slug).Select(d => d.Id).SingleAsync());

    /// <summary>A GET of the CKAN-compatible API, as any CKAN client makes it.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> CkanAsync(this ServiceFactory service, string url)
    {
        var response = await service.CreateClient().GetAsync(url);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>The dataset names in a <c>package_search</c> result.</summary>
    public static IEnumerable<string> Names(JsonElement body) =>
        body.GetProperty("result").GetProperty("results").EnumerateArray().Select(p => p.GetProperty("name").GetString()!);
}
