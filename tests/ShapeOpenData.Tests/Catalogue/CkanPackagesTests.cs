using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ShapeOpenData.Modules.Catalogue;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Catalogue;

/// <summary>Reading CKAN output: what a real portal sends, what a broken one sends, and how open the result is.</summary>
public sealed class CkanPackagesTests
{
    private static CkanPage Read(string json, int firstRecord = 1)
    {
        using var document = JsonDocument.Parse(json);
        return CkanPackages.Read(document, firstRecord);
    }

    private static CkanPage ReadRealFixture() => Read(File.ReadAllText(TestCatalogue.RealFixturePath));

    private static string ResponseWith(params JsonNode?[] records) => TestCatalogue.PackageSearch(records);

    private static JsonObject Without(SamplePackage package, string property)
    {
        var json = package.ToJson();
        json.Remove(property);
        return json;
    }

    [Fact]
    public void Read_TheRealFixture_ImportsEveryRecordWithoutProblems()
    {
        var page = ReadRealFixture();

        Assert.Equal("ckan.publishing.service.gov.uk", page.Source);
        Assert.Equal(10, page.Count);
        Assert.Equal(4, page.Read);
        Assert.Empty(page.Problems);
        Assert.Equal(
            ["df1a587d-836a-4c63-b070-e5b6192117e4", "25f3bcfd-619b-43d3-82eb-255859622b9c", "98c45342-9145-46bd-a845-3cac8413178e", "5622c3ae-e31c-45e5-94ef-60bdcc736055"],
            page.Datasets.Select(d => d.SourceId));
    }

    [Fact]
    public void Read_TheRealFixture_TakesPublisherLicenceTagsAndDates()
    {
        var pollinators = ReadRealFixture().Datasets[0];

        Assert.Equal("pollinator-and-pollination-service-data-from-the-national-pollinator-and-pollination-monit-2015", pollinators.Name);
        Assert.StartsWith("Pollinator and pollination service data", pollinators.Title, StringComparison.Ordinal);
        Assert.Equal(("eidc", "Environmental Information Data Centre"), (pollinators.OrganisationName, pollinators.OrganisationTitle));
        Assert.Equal(("uk-ogl", "UK Open Government Licence (OGL)"), (pollinators.LicenceId, pollinators.LicenceTitle));
        Assert.Equal("http://reference.data.gov.uk/id/open-government-licence", pollinators.LicenceUrl);
        Assert.True(pollinators.IsOpenLicence);
        Assert.Equal(13, pollinators.Keywords.Count);
        Assert.Contains("Common Carder Bee", pollinators.Keywords);
        Assert.Empty(pollinators.Themes);
        Assert.Null(pollinators.LandingPage);
        Assert.Equal(new DateTime(2016, 8, 16, 18, 34, 6, DateTimeKind.Utc).AddTicks(4_456_870), pollinators.IssuedAt);
        Assert.Equal(DateTimeKind.Utc, pollinators.IssuedAt!.Value.Kind);
    }

    [Fact]
    public void Read_TheRealFixture_NamesResourcesThatHaveNoNameFromTheirAddress()
    {
        var chart = ReadRealFixture().Datasets.Single(d => d.Name == "organisation-chart-cbc");

        Assert.Equal(["HTML", "CSV", "XML", "JSON", "XML"], chart.Distributions.Select(d => d.Format));
        Assert.Equal(["organisation-chart", "CSV", "XML", "organisation-chart", "organisation-chart"], chart.Distributions.Select(d => d.Title));
        Assert.Equal("8c6be8a5-bc9f-4fe9-888f-9dc8c5c670d7", chart.Distributions[1].SourceId);
        Assert.Equal("http://datashare.colchester.gov.uk/api/council-information/organisation-chart/organisation-chart?format=JSON", chart.Distributions[3].Url);
    }

    [Fact]
    public void Read_TheRealFixture_KeepsResourcesWithAnEmptyFormatOrNameAndNoFileName()
    {
        var datasets = ReadRealFixture().Datasets;
        var pollinators = datasets[0];
        var cefas = datasets.Single(d => d.Name.StartsWith("1969-2016-centre-for-environment", StringComparison.Ordinal));

        Assert.Equal(["ZIP", ""], pollinators.Distributions.Select(d => d.Format));
        Assert.Equal(["Supporting information", "Download the data"], pollinators.Distributions.Select(d => d.Title));
        var view = Assert.Single(cefas.Distributions);
        Assert.Equal(("", "http://data.cefas.co.uk/#/View/19467/"), (view.Format, view.Url));
        Assert.Equal(view.Url, view.Title);
    }

    [Fact]
    public void Read_GroupsThatAreThemes_BecomeThemesAndOthersAreIgnored()
    {
        var page = Read(TestCatalogue.PackageSearch([new SamplePackage("spending") { Groups = ["government-spending", "transport", "not-a-theme"] }]));

        Assert.Equal([Theme.GovernmentSpending, Theme.Transport], Assert.Single(page.Datasets).Themes);
    }

    [Fact]
    public void Read_Tags_BecomeKeywords()
    {
        var page = Read(TestCatalogue.PackageSearch([new SamplePackage("roads") { Tags = ["road safety", "collisions"] }]));

        Assert.Equal(["road safety", "collisions"], Assert.Single(page.Datasets).Keywords);
    }

    [Theory]
    [InlineData("cc-by", null, true)]
    [InlineData("other-closed", null, false)]
    [InlineData("uk-ogl", false, false)]
    [InlineData("not-a-known-licence", true, true)]
    public void Read_WhetherTheLicenceIsOpen_IsTakenFromIsOpenOrElseTheLicence(string licence, bool? isOpen, bool open)
    {
        var page = Read(TestCatalogue.PackageSearch([new SamplePackage("licensed") { Licence = licence, IsOpen = isOpen }]));

        Assert.Equal(open, Assert.Single(page.Datasets).IsOpenLicence);
    }

    [Fact]
    public void Read_WhenARecordIsNotAnObject_ReportsItAndReadsTheRest()
    {
        var page = Read(ResponseWith("just a string", new SamplePackage("fine").ToJson()));

        Assert.Equal(2, page.Read);
        Assert.Equal("fine", Assert.Single(page.Datasets).Name);
        Assert.Equal(new ImportProblem(1, null, "The record is not a JSON object"), Assert.Single(page.Problems));
    }

    [Fact]
    public void Read_WhenIdMissing_ReportsTheRecordAndReadsTheRest()
    {
        var page = Read(ResponseWith(new SamplePackage("first").ToJson(), Without(new SamplePackage("no-id"), "id")));

        Assert.Equal("first", Assert.Single(page.Datasets).Name);
        Assert.Equal(new ImportProblem(2, "no-id", "It has no \"id\", so it could not be matched on a later import"), Assert.Single(page.Problems));
    }

    [Fact]
    public void Read_WhenTitleMissing_UsesTheNameAsCkanDoes()
    {
        var page = Read(ResponseWith(Without(new SamplePackage("untitled"), "title")));

        Assert.Equal("untitled", Assert.Single(page.Datasets).Title);
        Assert.Empty(page.Problems);
    }

    [Fact]
    public void Read_WhenTitleAndNameMissing_ReportsTheRecord()
    {
        var record = Without(new SamplePackage("anonymous"), "title");
        record.Remove("name");

        var page = Read(ResponseWith(record, new SamplePackage("fine").ToJson()));

        Assert.Equal("fine", Assert.Single(page.Datasets).Name);
        Assert.Equal(
            ["It has no usable \"name\" (lower case letters, numbers and hyphens)", "It has no \"title\""],
            page.Problems.Select(p => p.Message));
        Assert.All(page.Problems, p => Assert.Equal(1, p.Record));
    }

    [Fact]
    public void Read_WhenOrganisationMissingOrNull_ReadsItAsPublisherNotStated()
    {
        var page = Read(ResponseWith(Without(new SamplePackage("orphan"), "organization"), new SamplePackage("null") { WithoutOrganisation = true }.ToJson()));

        Assert.Empty(page.Problems);
        Assert.All(page.Datasets, d => Assert.Equal(("publisher-not-stated", "Publisher not stated"), (d.OrganisationName, d.OrganisationTitle)));
        Assert.Equal(2, page.Datasets.Count);
    }

    [Fact]
    public void Read_WhenAResourceHasNoUrl_LeavesItOutButKeepsTheDataset()
    {
        var package = new SamplePackage("partial") { Resources = [new("CSV"), new("PDF"), new("JSON")] }.ToJson();
        package["resources"]![1]!.AsObject().Remove("url");
        package["resources"]![2]!["url"] = "ftp://files.example.gov.uk/data.json";

        var page = Read(ResponseWith(package));

        Assert.Equal(["CSV"], Assert.Single(page.Datasets).Distributions.Select(d => d.Format));
        Assert.Equal(
            [new ImportProblem(1, "partial", "Resource 2 was left out: it has no web address"), new ImportProblem(1, "partial", "Resource 3 was left out: it has no web address")],
            page.Problems);
    }

    [Fact]
    public void Read_WhenTitleTooLong_ReportsTheRecordAndReadsTheRest()
    {
        var page = Read(TestCatalogue.PackageSearch([new SamplePackage("wordy") { Title = new string('x', Dataset.TitleMaxLength + 1) }, new SamplePackage("fine")]));

        Assert.Equal("fine", Assert.Single(page.Datasets).Name);
        Assert.Equal(new ImportProblem(1, "wordy", $"Its title is longer than {Dataset.TitleMaxLength} characters"), Assert.Single(page.Problems));
    }

    [Fact]
    public void Read_ALaterPage_NumbersItsRecordsFromWhereItStarts()
    {
        var page = Read(ResponseWith(new SamplePackage("fine").ToJson(), Without(new SamplePackage("no-id"), "id")), firstRecord: 201);

        Assert.Equal(202, Assert.Single(page.Problems).Record);
    }

    [Theory]
    [InlineData("[]", "This is not CKAN Action API output: there is no \"result\"")]
    [InlineData("{\"name\": \"a web page's JSON\"}", "This is not CKAN Action API output: there is no \"result\"")]
    [InlineData("{\"success\": true, \"result\": [\"road-traffic\", \"bus-stops\"]}", "This is not a package_search response: \"result\" has no \"results\" list")]
    [InlineData("{\"success\": true, \"result\": {\"id\": \"1\", \"name\": \"road-traffic\"}}", "This is not a package_search response: \"result\" has no \"results\" list")]
    public void Read_WhenNotAPackageSearchResponse_FailsSayingSo(string json, string message)
    {
        var failure = Assert.Throws<ImportFailedException>(() => Read(json));

        Assert.Equal(message, failure.Message);
    }

    [Fact]
    public void Read_WhenThePortalAnswersWithAnError_SaysWhatThePortalSaid()
    {
        // What CKAN sends for an error: no "result" at all.
        const string json = """
            {"help": "https://data.example.gov.uk/api/3/action/help_show?name=package_search", "success": false,
             "error": {"message": "Access denied: search is switched off", "__type": "Authorization Error"}}
            """;

        var failure = Assert.Throws<ImportFailedException>(() => Read(json));

        Assert.Equal("The portal answered with an error: Access denied: search is switched off", failure.Message);
    }

    [Fact]
    public void Read_WhenThePortalRejectsTheQuery_SaysWhichParameterAndWhy()
    {
        // CKAN's answer to rows=5000: a validation error has no "message", only the fields at fault.
        const string json = """
            {"help": "https://data.example.gov.uk/api/3/action/help_show?name=package_search", "success": false,
             "error": {"__type": "Validation Error", "rows": ["Must be less than or equal to 1000"]}}
            """;

        var failure = Assert.Throws<ImportFailedException>(() => Read(json));

        Assert.Equal("The portal answered with an error: Validation Error: rows: Must be less than or equal to 1000", failure.Message);
    }

    [Fact]
    public async Task FromFile_WhenNotJson_FailsSayingSo()
    {
        await using var file = new MemoryStream(Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>Not found</body></html>"));

        var failure = await Assert.ThrowsAsync<ImportFailedException>(async () =>
        {
            await foreach (var _ in CkanSources.FromFileAsync(file)) { }
        });

        Assert.StartsWith("The file is not valid JSON:", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, new[] { "CSV", "SPARQL" }, Openness.None)]
    [InlineData(true, new string[0], Openness.OpenLicence)]
    [InlineData(true, new[] { "PDF" }, Openness.OpenLicence)]
    [InlineData(true, new[] { "PDF", "XLS" }, Openness.Structured)]
    [InlineData(true, new[] { "XLS", "CSV", "PDF" }, Openness.OpenFormat)]
    [InlineData(true, new[] { "csv", "RDF" }, Openness.Uris)]
    [InlineData(true, new[] { "RDF", "SPARQL", "PDF" }, Openness.Linked)]
    public void Openness_IsTheBestFormatCappedByTheLicence(bool openLicence, string[] formats, Openness expected)
    {
        Assert.Equal(expected, OpennessLevel.Of(openLicence, formats));
    }

    [Fact]
    public void Openness_OfAnImportedDataset_ComesFromItsLicenceAndFormats()
    {
        var datasets = Read(TestCatalogue.PackageSearch(
        [
            new SamplePackage("closed-csv") { Licence = "other-closed", IsOpen = false, Resources = [new("CSV")] },
            new SamplePackage("pdf-only") { Resources = [new("PDF")] },
            new SamplePackage("spreadsheet") { Resources = [new("PDF"), new("XLS")] },
            new SamplePackage("linked") { Resources = [new("CSV"), new("SPARQL")] },
        ])).Datasets;

        var levels = datasets.Select(d => Dataset.Import(d.Name, d, 1, "test", DateTime.UtcNow).Openness);

        Assert.Equal([Openness.None, Openness.OpenLicence, Openness.Structured, Openness.Linked], levels);
    }
}
