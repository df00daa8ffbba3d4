using System.Net.Http.Json;
using System.Text.Json;

namespace ShapeOpenData.Tests.Catalogue;

/// <summary><c>package_search</c>'s paging, filters, words and sorts, as CKAN clients and CKAN's harvester use them.</summary>
[Collection(SharedService.Publishing)]
public sealed class CkanSearchTests(ServiceFactory service)
{
    [Fact]
    public async Task PackageSearch_PagesWithRowsAndStart()
    {
        var organisation = TestCatalogue.NewOrganisation();
        var packages = Enumerable.Range(1, 5).Select(i => new SamplePackage(TestCatalogue.Unique("page")) { Title = $"Page test {i}", Organisation = organisation }).ToArray();
        await service.ImportAsync(packages);

        var pages = new List<List<string>>();
        foreach (var start in new[] { 0, 2, 4 })
        {
            var (_, body) = await service.CkanAsync($"/api/3/action/package_search?fq=organization:{organisation}&rows=2&start={start}&sort=name%20asc");
            Assert.Equal(5, body.GetProperty("result").GetProperty("count").GetInt32());
            pages.Add([.. TestCatalogue.Names(body)]);
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
        var roads = new SamplePackage(TestCatalogue.Unique("roads")) { Title = "Roads", Organisation = organisation, Tags = ["roads", shared], Groups = ["transport"] };
        var rail = new SamplePackage(TestCatalogue.Unique("rail"))
        {
            Title = "Rail", Organisation = organisation, Tags = ["rail"], Groups = ["health"], Resources = [new("PDF") { MediaType = "application/pdf" }],
        };
        var elsewhere = new SamplePackage(TestCatalogue.Unique("roads")) { Title = "Roads elsewhere", Organisation = other, Tags = [shared] };
        await service.ImportAsync(roads, rail, elsewhere);

        async Task<string[]> Search(string fq) =>
            [.. TestCatalogue.Names((await service.CkanAsync($"/api/3/action/package_search?fq={Uri.EscapeDataString(fq)}")).Body).Order()];

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
        var match = new SamplePackage(TestCatalogue.Unique("q")) { Title = $"Bus {word} punctuality", Organisation = organisation };
        var miss = new SamplePackage(TestCatalogue.Unique("q")) { Title = "Bus journeys", Organisation = organisation };
        await service.ImportAsync(match, miss);

        async Task<int> Count(string q) =>
            (await service.CkanAsync($"/api/3/action/package_search?q={Uri.EscapeDataString(q)}")).Body.GetProperty("result").GetProperty("count").GetInt32();

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
        var alpha = new SamplePackage("alpha-" + TestCatalogue.Unique("s")) { Title = "Alpha", Organisation = organisation, Modified = "2025-01-01T00:00:00.000000" };
        var bravo = new SamplePackage("bravo-" + TestCatalogue.Unique("s")) { Title = "bravo", Organisation = organisation, Modified = "2026-06-01T00:00:00.000000" };
        var charlie = new SamplePackage("charlie-" + TestCatalogue.Unique("s")) { Title = "Charlie", Organisation = organisation, Modified = "2025-06-01T00:00:00.000000" };
        await service.ImportAsync(alpha, bravo, charlie);

        async Task<string[]> Sorted(string? sort) => [.. TestCatalogue.Names((await service.CkanAsync(
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
        var old = new SamplePackage(TestCatalogue.Unique("old")) { Title = "Old", Organisation = organisation, Modified = "2025-01-01T00:00:00.000000" };
        var recent = Enumerable.Range(0, 3).Select(i =>
            new SamplePackage(TestCatalogue.Unique("new")) { Title = $"New {i}", Organisation = organisation, Modified = "2026-06-01T00:00:00.000000" }).ToArray();
        await service.ImportAsync([old, .. recent]);

        async Task<JsonElement[]> Search(string fq) => [.. (await service.CkanAsync(
            $"/api/3/action/package_search?fq={Uri.EscapeDataString($"organization:{organisation} {fq}")}&sort=id%20asc")).Body
            .GetProperty("result").GetProperty("results").EnumerateArray()];

        var changed = await Search("metadata_modified:[2026-01-01T00:00:00Z TO *]");
        Assert.Equal(recent.Select(p => p.Id).Order(StringComparer.Ordinal), changed.Select(p => p.GetProperty("id").GetString()));
        Assert.Equal([old.Name], (await Search("metadata_modified:[* TO 2025-12-31T23:59:59.999Z]")).Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(4, (await Search("metadata_created:[* TO *]")).Length);
        var (status, body) = await service.CkanAsync("/api/3/action/package_search?fq=metadata_modified:[NOW-1DAY%20TO%20*]");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Search Query Error", body.GetProperty("error").GetProperty("__type").GetString());
    }
}
