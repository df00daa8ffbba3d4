using System.Net.Http.Json;
using System.Text.Json;
using ShapeOpenData.Modules.Catalogue;

namespace ShapeOpenData.Tests.Catalogue;

/// <summary>What a CKAN client (ckanapi, CKAN's own JavaScript, a harvester) sees of package_search: the envelope, the fields and the errors.</summary>
[Collection(SharedService.Publishing)]
public sealed class CkanApiTests(ServiceFactory service)
{
    [Fact]
    public async Task PackageSearch_AnswersInCkansEnvelopeWithCkansFieldNames()
    {
        var organisation = TestCatalogue.NewOrganisation();
        var package = new SamplePackage(TestCatalogue.Unique("road"))
        {
            Title = "Road traffic counts", Organisation = organisation, Tags = ["roads", "traffic"], Groups = ["business-and-economy"],
            Resources = [new("CSV") { MediaType = "text/csv", Size = 4567 }, new("PDF") { Size = null }],
        };
        await service.ImportAsync(package);

        var (status, body) = await service.CkanAsync($"/api/3/action/package_search?fq=organization:{organisation}");

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
        Assert.Equal(package.Resources[0].Id, resources[0].GetProperty("id").GetString());
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
        var package = new SamplePackage(TestCatalogue.Unique("trip"))
        {
            Title = "Round trip", Organisation = organisation, Tags = ["ports"], Groups = ["transport", "mapping"],
            Resources = [new("CSV"), new("JSON") { MediaType = "application/json", Size = 99 }],
        };
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
        Assert.Equal(package.Resources.Select(r => r.Id), dataset.Distributions.Select(d => d.SourceId));
        Assert.Equal(99, dataset.Distributions[1].SizeBytes);
    }

    [Fact]
    public async Task PackageSearch_ByPostWithAJsonBody_AsCkanapiCallsIt()
    {
        var organisation = TestCatalogue.NewOrganisation();
        await service.ImportAsync(new SamplePackage(TestCatalogue.Unique("post")) { Title = "One", Organisation = organisation },
            new SamplePackage(TestCatalogue.Unique("post")) { Title = "Two", Organisation = organisation });

        var response = await service.CreateClient().PostAsJsonAsync("/api/action/package_search", new { fq = $"organization:{organisation}", rows = 1 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal(2, body.GetProperty("result").GetProperty("count").GetInt32());
        Assert.Single(TestCatalogue.Names(body));
    }

    [Theory]
    [InlineData("rows=-1", "rows", "Must be a natural number")]
    [InlineData("rows=ten", "rows", "Invalid integer")]
    [InlineData("start=1.5", "start", "Invalid integer")]
    public async Task PackageSearch_BadNumbers_Are409ValidationErrorsNamingTheField(string query, string field, string message)
    {
        var (status, body) = await service.CkanAsync($"/api/3/action/package_search?{query}");

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
        var (status, body) = await service.CkanAsync("/api/3/action/package_search?rows=5000");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.True(body.GetProperty("result").GetProperty("results").GetArrayLength() <= 1000);
    }

    [Fact]
    public async Task PackageSearch_BadSortOrUnknownFilterField_AreCkansSearchErrors()
    {
        var (sortStatus, sortBody) = await service.CkanAsync("/api/3/action/package_search?sort=popularity%20desc");
        var (fieldStatus, fieldBody) = await service.CkanAsync("/api/3/action/package_search?fq=colour:blue");

        Assert.Equal(HttpStatusCode.BadRequest, sortStatus);
        Assert.Equal("Search Query Error", sortBody.GetProperty("error").GetProperty("__type").GetString());
        Assert.Equal(HttpStatusCode.Conflict, fieldStatus);
        Assert.Equal("Search Error", fieldBody.GetProperty("error").GetProperty("__type").GetString());
        Assert.False(fieldBody.GetProperty("success").GetBoolean());
    }
}
