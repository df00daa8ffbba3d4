using System.Net.Http.Json;
using System.Text.Json;
using ShapeOpenData.Modules.Catalogue;

namespace ShapeOpenData.Tests.Catalogue;

/// <summary>What a CKAN client (ckanapi, CKAN's own JavaScript, a harvester) sees of the CKAN-compatible Action API.</summary>
public sealed class CkanApiTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private async Task<(HttpStatusCode Status, JsonElement Body)> CallAsync(string url)
    {
        var response = await service.CreateClient().GetAsync(url);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static IEnumerable<string> Names(JsonElement body) =>
        body.GetProperty("result").GetProperty("results").EnumerateArray().Select(p => p.GetProperty("name").GetString()!);

    [Fact]
    public async Task PackageSearch_AnswersInCkansEnvelopeWithCkansFieldNames()
    {
        var organisation = TestCatalogue.NewOrganisation();
        var package = new TestPackage(TestCatalogue.Unique("road"), "Road traffic counts", organisation, Tags: ["roads", "traffic"],
            Groups: ["business-and-economy"], Resources: [new TestResource("CSV", "text/csv", 4567), new TestResource("PDF", null, null)]);
        await service.ImportAsync(package);

        var (status, body) = await CallAsync($"/api/3/action/package_search?fq=organization:{organisation}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(Uri.IsWellFormedUriString(body.GetProperty("help").GetString(), UriKind.Absolute));
        Assert.EndsWith("/api/3/action/help_show?name=package_search", body.GetProperty("help").GetString(), StringComparison.Ordinal);
        Assert.True(body.GetProperty("success").GetBoolean());
        var result = body.GetProperty("result");
        Assert.Equal(1, result.GetProperty("count").GetInt32());
        Assert.Equal("score desc, metadata_modified desc", result.GetProperty("sort").GetString());
        Assert.Equal(JsonValueKind.Object, result.GetProperty("facets").ValueKind);
        Assert.Equal(JsonValueKind.Object, result.GetProperty("search_facets").ValueKind);

        var found = result.GetProperty("results").EnumerateArray().Single();
        Assert.Equal(package.Id, found.GetProperty("id").GetString());
        Assert.Equal(package.Name, found.GetProperty("name").GetString());
        Assert.Equal("Road traffic counts", found.GetProperty("title").GetString());
        Assert.Equal("Counts by year.", found.GetProperty("notes").GetString());
        Assert.Equal($"https://data.example.gov.uk/{package.Name}", found.GetProperty("url").GetString());
        Assert.Equal("uk-ogl", found.GetProperty("license_id").GetString());
        Assert.Equal("UK Open Government Licence (OGL)", found.GetProperty("license_title").GetString());
        Assert.True(found.GetProperty("isopen").GetBoolean());
        Assert.Equal("2024-03-01T08:30:00.654321", found.GetProperty("metadata_created").GetString());
        Assert.Equal("2026-01-10T09:00:00.123456", found.GetProperty("metadata_modified").GetString());
        Assert.Equal("active", found.GetProperty("state").GetString());
        Assert.Equal("dataset", found.GetProperty("type").GetString());
        Assert.False(found.GetProperty("private").GetBoolean());
        Assert.Equal(2, found.GetProperty("num_resources").GetInt32());
        Assert.Equal(2, found.GetProperty("num_tags").GetInt32());
        Assert.Equal(0, found.GetProperty("extras").GetArrayLength());

        var org = found.GetProperty("organization");
        Assert.Equal(organisation, org.GetProperty("name").GetString());
        Assert.Equal(TestCatalogue.OrganisationTitle(organisation), org.GetProperty("title").GetString());
        Assert.Equal("organization", org.GetProperty("type").GetString());
        Assert.True(org.GetProperty("is_organization").GetBoolean());
        Assert.Equal("active", org.GetProperty("state").GetString());
        Assert.Equal(org.GetProperty("id").GetString(), found.GetProperty("owner_org").GetString());

        var tag = found.GetProperty("tags").EnumerateArray().First();
        Assert.Equal("roads", tag.GetProperty("name").GetString());
        Assert.Equal("roads", tag.GetProperty("display_name").GetString());
        Assert.Equal("active", tag.GetProperty("state").GetString());
        var group = found.GetProperty("groups").EnumerateArray().Single();
        Assert.Equal("business-and-economy", group.GetProperty("name").GetString());
        Assert.Equal("Business and economy", group.GetProperty("title").GetString());
        Assert.Equal("Business and economy", group.GetProperty("display_name").GetString());

        var resources = found.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(package.Resources![0].Id, resources[0].GetProperty("id").GetString());
        Assert.Equal(package.Id, resources[0].GetProperty("package_id").GetString());
        Assert.Equal("CSV", resources[0].GetProperty("format").GetString());
        Assert.Equal("text/csv", resources[0].GetProperty("mimetype").GetString());
        Assert.Equal(4567, resources[0].GetProperty("size").GetInt64());
        Assert.Equal("2026-01-09T12:00:00.000001", resources[0].GetProperty("last_modified").GetString());
        Assert.Equal("The data", resources[0].GetProperty("description").GetString());
        Assert.StartsWith("https://data.example.gov.uk/", resources[0].GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal([0, 1], resources.Select(r => r.GetProperty("position").GetInt32()));
        Assert.Equal(JsonValueKind.Null, resources[1].GetProperty("size").ValueKind);
        Assert.Equal("active", resources[1].GetProperty("state").GetString());
    }

    /// <summary>Our own importer is a CKAN client too: it reads what we serve as it reads any portal.</summary>
    [Fact]
    public async Task PackageSearch_IsReadBackWholeByOurOwnCkanImporter()
    {
        var organisation = TestCatalogue.NewOrganisation();
        var package = new TestPackage(TestCatalogue.Unique("trip"), "Round trip", organisation, Tags: ["ports"], Groups: ["transport", "mapping"],
            Resources: [new TestResource("CSV"), new TestResource("JSON", "application/json", 99)]);
        await service.ImportAsync(package);

        await using var served = await service.CreateClient().GetStreamAsync($"/api/3/action/package_search?fq=organization:{organisation}");
        var pages = new List<CkanPage>();
        await foreach (var page in CkanSources.FromFileAsync(served))
        {
            pages.Add(page);
        }

        var read = pages.Single();
        Assert.Empty(read.Problems);
        var dataset = read.Datasets.Single();
        Assert.Equal((package.Id, package.Name, "Round trip", organisation), (dataset.SourceId, dataset.Name, dataset.Title, dataset.OrganisationName));
        Assert.Equal(["ports"], dataset.Keywords);
        Assert.Equal(package.Resources!.Select(r => r.Id), dataset.Distributions.Select(d => d.SourceId));
        Assert.Equal(99, dataset.Distributions[1].SizeBytes);
    }

    [Fact]
    public async Task PackageSearch_PagesWithRowsAndStart()
    {
        var organisation = TestCatalogue.NewOrganisation();
        var packages = Enumerable.Range(1, 5).Select(i => new TestPackage($"{TestCatalogue.Unique("page")}", $"Page test {i}", organisation)).ToArray();
        await service.ImportAsync(packages);

        var pages = new List<List<string>>();
        foreach (var start in new[] { 0, 2, 4 })
        {
            var (_, body) = await CallAsync($"/api/3/action/package_search?fq=organization:{organisation}&rows=2&start={start}&sort=name%20asc");
            Assert.Equal(5, body.GetProperty("result").GetProperty("count").GetInt32());
            pages.Add([.. Names(body)]);
        }

        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal(packages.Select(p => p.Name).Order(StringComparer.Ordinal), pages.SelectMany(p => p));
    }

    [Fact]
    public async Task PackageSearch_FiltersWithFqAsCkanClientsWriteIt()
    {
        var organisation = TestCatalogue.NewOrganisation();
        var other = TestCatalogue.NewOrganisation();
        var shared = TestCatalogue.Unique("tag");
        var roads = new TestPackage(TestCatalogue.Unique("roads"), "Roads", organisation, Tags: ["roads", shared], Groups: ["transport"]);
        var rail = new TestPackage(TestCatalogue.Unique("rail"), "Rail", organisation, Tags: ["rail"], Groups: ["health"],
            Resources: [new TestResource("PDF", "application/pdf")]);
        var elsewhere = new TestPackage(TestCatalogue.Unique("roads"), "Roads elsewhere", other, Tags: [shared]);
        await service.ImportAsync(roads, rail, elsewhere);

        async Task<string[]> Search(string fq) =>
            [.. Names((await CallAsync($"/api/3/action/package_search?fq={Uri.EscapeDataString(fq)}")).Body).Order()];

        Assert.Equal([roads.Name], await Search($"organization:{organisation} res_format:CSV"));
        Assert.Equal([roads.Name], await Search($"organization:{organisation} AND res_format:\"CSV\""));
        Assert.Equal([rail.Name], await Search($"+organization:{organisation} +tags:rail"));
        Assert.Equal([roads.Name], await Search($"organization:{organisation} groups:transport"));
        Assert.Equal([rail.Name], await Search($"organization:{organisation} -tags:roads"));
        Assert.Equal(new[] { roads.Name, elsewhere.Name }.Order(), await Search($"tags:{shared}"));
        Assert.Empty(await Search($"organization:{organisation} groups:no-such-theme"));
    }

    [Fact]
    public async Task PackageSearch_QTakesWordsAndFieldForms()
    {
        var organisation = TestCatalogue.NewOrganisation();
        var word = TestCatalogue.Unique("zq").Replace("-", "", StringComparison.Ordinal);
        var match = new TestPackage(TestCatalogue.Unique("q"), $"Bus {word} punctuality", organisation);
        var miss = new TestPackage(TestCatalogue.Unique("q"), "Bus journeys", organisation);
        await service.ImportAsync(match, miss);

        async Task<int> Count(string q) =>
            (await CallAsync($"/api/3/action/package_search?q={Uri.EscapeDataString(q)}")).Body.GetProperty("result").GetProperty("count").GetInt32();

        Assert.Equal(1, await Count(word));
        Assert.Equal(1, await Count($"title:{word}"));
        Assert.Equal(1, await Count($"\"bus {word}\" organization:{organisation} res_format:CSV tags:statistics"));
        Assert.Equal(1, await Count($"name:{miss.Name}"));
        Assert.Equal(1, await Count($"organization:{organisation} -{word}"));
        Assert.Equal(2, await Count($"organization:{organisation} AND *:*"));
        // Fields we do not index are read as words, as Solr's edismax reads them: no error, no match.
        Assert.Equal(0, await Count($"author:{word}x"));
    }

    [Fact]
    public async Task PackageSearch_SortsAsAsked()
    {
        var organisation = TestCatalogue.NewOrganisation();
        var alpha = new TestPackage("alpha-" + TestCatalogue.Unique("s"), "Alpha", organisation, Modified: "2025-01-01T00:00:00.000000");
        var bravo = new TestPackage("bravo-" + TestCatalogue.Unique("s"), "bravo", organisation, Modified: "2026-06-01T00:00:00.000000");
        var charlie = new TestPackage("charlie-" + TestCatalogue.Unique("s"), "Charlie", organisation, Modified: "2025-06-01T00:00:00.000000");
        await service.ImportAsync(alpha, bravo, charlie);

        async Task<string[]> Sorted(string? sort) => [.. Names((await CallAsync(
            $"/api/3/action/package_search?fq=organization:{organisation}{(sort is null ? "" : "&sort=" + Uri.EscapeDataString(sort))}")).Body)];

        Assert.Equal([bravo.Name, charlie.Name, alpha.Name], await Sorted(null));
        Assert.Equal([bravo.Name, charlie.Name, alpha.Name], await Sorted("metadata_modified desc"));
        Assert.Equal([alpha.Name, charlie.Name, bravo.Name], await Sorted("metadata_modified asc"));
        Assert.Equal([alpha.Name, bravo.Name, charlie.Name], await Sorted("title_string asc"));
        Assert.Equal([charlie.Name, bravo.Name, alpha.Name], await Sorted("name desc"));
        Assert.Equal([bravo.Name, charlie.Name, alpha.Name], await Sorted("score desc, metadata_modified desc"));
    }

    /// <summary>CKAN's own harvester asks for what changed since its last run and pages in id order.</summary>
    [Fact]
    public async Task PackageSearch_TakesTheHarvestersDateRangesAndIdSort()
    {
        var organisation = TestCatalogue.NewOrganisation();
        var old = new TestPackage(TestCatalogue.Unique("old"), "Old", organisation, Modified: "2025-01-01T00:00:00.000000");
        var recent = Enumerable.Range(0, 3).Select(i => new TestPackage(TestCatalogue.Unique("new"), $"New {i}", organisation, Modified: "2026-06-01T00:00:00.000000")).ToArray();
        await service.ImportAsync([old, .. recent]);

        async Task<JsonElement[]> Search(string fq) => [.. (await CallAsync(
            $"/api/3/action/package_search?fq={Uri.EscapeDataString($"organization:{organisation} {fq}")}&sort=id%20asc")).Body
            .GetProperty("result").GetProperty("results").EnumerateArray()];

        var changed = await Search("metadata_modified:[2026-01-01T00:00:00Z TO *]");
        Assert.Equal(recent.Select(p => p.Id).Order(StringComparer.Ordinal), changed.Select(p => p.GetProperty("id").GetString()));
        Assert.Equal([old.Name], (await Search("metadata_modified:[* TO 2025-12-31T23:59:59.999Z]")).Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(4, (await Search("metadata_created:[* TO *]")).Length);
        var (status, body) = await CallAsync("/api/3/action/package_search?fq=metadata_modified:[NOW-1DAY%20TO%20*]");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Search Query Error", body.GetProperty("error").GetProperty("__type").GetString());
    }

    [Fact]
    public async Task PackageSearch_ByPostWithAJsonBody_AsCkanapiCallsIt()
    {
        var organisation = TestCatalogue.NewOrganisation();
        await service.ImportAsync(new TestPackage(TestCatalogue.Unique("post"), "One", organisation),
            new TestPackage(TestCatalogue.Unique("post"), "Two", organisation));

        var response = await service.CreateClient().PostAsJsonAsync("/api/action/package_search", new { fq = $"organization:{organisation}", rows = 1 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal(2, body.GetProperty("result").GetProperty("count").GetInt32());
        Assert.Single(Names(body));
    }

    [Theory]
    [InlineData("rows=-1", "rows", "Must be a natural number")]
    [InlineData("rows=ten", "rows", "Invalid integer")]
    [InlineData("start=1.5", "start", "Invalid integer")]
    public async Task PackageSearch_BadNumbers_Are409ValidationErrorsNamingTheField(string query, string field, string message)
    {
        var (status, body) = await CallAsync($"/api/3/action/package_search?{query}");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.EndsWith("/api/3/action/help_show?name=package_search", body.GetProperty("help").GetString(), StringComparison.Ordinal);
        var error = body.GetProperty("error");
        Assert.Equal("Validation Error", error.GetProperty("__type").GetString());
        Assert.Equal([message], error.GetProperty(field).EnumerateArray().Select(e => e.GetString()));
        Assert.False(body.TryGetProperty("result", out _));
    }

    /// <summary>
    /// CKAN does not refuse rows above its maximum (ckan.search.rows_max, 1000): its schema's
    /// limit_to_configured_maximum lowers it to 1000. Clients that ask for 5000 and page by count keep working.
    /// </summary>
    [Fact]
    public async Task PackageSearch_RowsAboveTheMaximum_GetsTheMaximumLikeCkan()
    {
        var (status, body) = await CallAsync("/api/3/action/package_search?rows=5000");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.True(body.GetProperty("result").GetProperty("results").GetArrayLength() <= 1000);
    }

    [Fact]
    public async Task PackageSearch_BadSortOrUnknownFilterField_AreCkansSearchErrors()
    {
        var (sortStatus, sortBody) = await CallAsync("/api/3/action/package_search?sort=popularity%20desc");
        var (fieldStatus, fieldBody) = await CallAsync("/api/3/action/package_search?fq=colour:blue");

        Assert.Equal(HttpStatusCode.BadRequest, sortStatus);
        Assert.Equal("Search Query Error", sortBody.GetProperty("error").GetProperty("__type").GetString());
        Assert.Equal(HttpStatusCode.Conflict, fieldStatus);
        Assert.Equal("Search Error", fieldBody.GetProperty("error").GetProperty("__type").GetString());
        Assert.False(fieldBody.GetProperty("success").GetBoolean());
    }
}
