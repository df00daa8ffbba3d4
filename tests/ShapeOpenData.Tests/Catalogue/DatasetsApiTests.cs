using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Catalogue;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Catalogue;

[Collection(SharedService.Publishing)]
public sealed class DatasetsApiTests(ServiceFactory service)
{
    private static IEnumerable<string> Slugs(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("slug").GetString()!);

    [Fact]
    public async Task List_GivesEachDatasetWithItsDistributions()
    {
        var organisation = TestCatalogue.NewOrganisation();
        var package = new SamplePackage(TestCatalogue.Unique("list"))
        {
            Title = "Cycle counts", Organisation = organisation, Tags = ["cycling", "counts"], Groups = ["transport", "health"],
            Resources = [new("CSV") { MediaType = "text/csv", Size = 2048 }, new("PDF") { MediaType = "application/pdf", Size = null }],
        };
        await service.ImportAsync(package);

        var page = await service.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/datasets?publisher={organisation}");

        Assert.Equal(1, page.GetProperty("total").GetInt32());
        var dataset = page.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(package.Name, dataset.GetProperty("slug").GetString());
        Assert.Equal("Cycle counts", dataset.GetProperty("title").GetString());
        Assert.Equal("Counts by year.", dataset.GetProperty("description").GetString());
        Assert.Equal(organisation, dataset.GetProperty("publisher").GetString());
        Assert.Equal(TestCatalogue.OrganisationTitle(organisation), dataset.GetProperty("publisherName").GetString());
        Assert.Equal("uk-ogl", dataset.GetProperty("licence").GetProperty("id").GetString());
        Assert.True(dataset.GetProperty("licence").GetProperty("open").GetBoolean());
        Assert.Equal(3, dataset.GetProperty("openness").GetProperty("level").GetInt32());
        Assert.Equal("open_format", dataset.GetProperty("openness").GetProperty("code").GetString());
        Assert.Equal(["health", "transport"], dataset.GetProperty("themes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["cycling", "counts"], dataset.GetProperty("keywords").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal($"https://data.example.gov.uk/{package.Name}", dataset.GetProperty("landingPage").GetString());
        Assert.StartsWith("2024-03-01T08:30:00", dataset.GetProperty("issued").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("2026-01-10T09:00:00", dataset.GetProperty("modified").GetString(), StringComparison.Ordinal);
        Assert.False(dataset.GetProperty("withdrawn").GetBoolean());
        Assert.Equal($"/datasets/{package.Name}", dataset.GetProperty("url").GetString());
        var distributions = dataset.GetProperty("distributions").EnumerateArray().ToList();
        Assert.Equal(["CSV", "PDF"], distributions.Select(d => d.GetProperty("format").GetString()));
        Assert.Equal(2048, distributions[0].GetProperty("sizeBytes").GetInt64());
        Assert.Equal("text/csv", distributions[0].GetProperty("mediaType").GetString());
        Assert.StartsWith("https://data.example.gov.uk/", distributions[0].GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_FiltersLikeTheListPage()
    {
        var organisation = TestCatalogue.NewOrganisation();
        var csv = new SamplePackage(TestCatalogue.Unique("csv")) { Title = "Buses", Organisation = organisation, Groups = ["transport"] };
        var pdf = new SamplePackage(TestCatalogue.Unique("pdf")) { Title = "Anchorages", Organisation = organisation, Groups = ["health"], Resources = [new("PDF")] };
        await service.ImportAsync(csv, pdf);
        var client = service.CreateClient();

        async Task<string[]> Slugs(string query) =>
            [.. DatasetsApiTests.Slugs(await client.GetFromJsonAsync<JsonElement>($"/api/v1/datasets?publisher={organisation}&{query}"))];

        Assert.Equal([csv.Name], await Slugs("theme=transport"));
        Assert.Equal([pdf.Name], await Slugs("format=pdf"));
        Assert.Equal([csv.Name], await Slugs("openness=3"));
        Assert.Equal([csv.Name], await Slugs("openness=open_format"));
        Assert.Equal([csv.Name], await Slugs("q=buses"));
        Assert.Equal([pdf.Name, csv.Name], await Slugs("sort=title"));
        Assert.Equal([pdf.Name], await Slugs("sort=title&pageSize=1"));
    }

    [Theory]
    [InlineData("theme=astrology", "theme")]
    [InlineData("openness=9", "openness")]
    [InlineData("sort=random", "sort")]
    [InlineData("pageSize=500", "pageSize")]
    public async Task List_BadFilter_Is400NamingIt(string query, string field)
    {
        var response = await service.CreateClient().GetAsync($"/api/v1/datasets?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Show_GivesWithdrawnDatasetsSayingSo_AndUnknownOnesAre404()
    {
        var source = TestCatalogue.NewSource();
        var organisation = TestCatalogue.NewOrganisation();
        var gone = new SamplePackage(TestCatalogue.Unique("gone")) { Title = "Gone", Organisation = organisation };
        await service.ImportAsync(source, gone, new SamplePackage(TestCatalogue.Unique("kept")) { Title = "Kept", Organisation = organisation });
        await service.ImportAsync(source, new SamplePackage(TestCatalogue.Unique("other")) { Title = "Other", Organisation = organisation });
        var client = service.CreateClient();

        var dataset = await client.GetFromJsonAsync<JsonElement>($"/api/v1/datasets/{gone.Name}");
        var listed = await client.GetFromJsonAsync<JsonElement>($"/api/v1/datasets?publisher={organisation}");
        var missing = await client.GetAsync("/api/v1/datasets/no-such-dataset");

        Assert.True(dataset.GetProperty("withdrawn").GetBoolean());
        Assert.DoesNotContain(gone.Name, Slugs(listed));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Reports_PersonalDataReportIsHiddenFromTheAnonymousButShownToThePublisher()
    {
        var package = new SamplePackage(TestCatalogue.Unique("reported")) { Title = "Reported", Organisation = "department-for-transport", Resources = [new("CSV")] };
        await service.ImportAsync(package);
        var reporter = await service.PrincipalAsync(await service.CreatePersonAsync(withPassword: false));
        var distribution = await service.WithDatabaseAsync(db => db.Distributions.Where(d => d.SourceId == package.Resources[0].Id).Select(d => d.Id).SingleAsync());
        var broken = await service.WithServicesAsync(s => s.GetRequiredService<QualityReports>()
            .FileAsync(package.Name, new NewReport(distribution, ReportCategory.BrokenLink, "The CSV link is broken."), reporter));
        var personal = await service.WithServicesAsync(s => s.GetRequiredService<QualityReports>()
            .FileAsync(package.Name, new NewReport(null, ReportCategory.PersonalDataExposed, "Row 12 has a home address."), reporter));
        var publisher = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.Publisher, organisation: "department-for-transport", twoFactor: true));
        var anonymous = service.CreateClient();

        var seenByAnyone = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/datasets/{package.Name}/reports");
        var hidden = await anonymous.GetAsync($"/api/v1/datasets/{package.Name}/reports/{personal.Number}");
        var seenByPublisher = await publisher.GetFromJsonAsync<JsonElement>($"/api/v1/datasets/{package.Name}/reports");
        var shown = await publisher.GetFromJsonAsync<JsonElement>($"/api/v1/datasets/{package.Name}/reports/{personal.Number}");

        Assert.Equal([broken.Number], seenByAnyone.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("number").GetInt32()));
        Assert.Equal(1, seenByAnyone.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal([personal.Number, broken.Number], seenByPublisher.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("number").GetInt32()));
        Assert.Equal("personal_data_exposed", shown.GetProperty("category").GetString());
        Assert.True(shown.GetProperty("awaitingReview").GetBoolean());

        var report = seenByAnyone.GetProperty("items")[0];
        Assert.Equal("broken_link", report.GetProperty("category").GetString());
        Assert.Equal("open", report.GetProperty("state").GetString());
        Assert.Equal("The CSV link is broken.", report.GetProperty("details").GetString());
        Assert.Equal("CSV", report.GetProperty("distribution").GetProperty("format").GetString());
        Assert.True(DateTime.TryParse(report.GetProperty("createdAt").GetString(), out _));
        Assert.True(DateOnly.TryParse(report.GetProperty("responseDueOn").GetString(), out _));
        Assert.Equal(JsonValueKind.Null, report.GetProperty("firstRespondedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, report.GetProperty("resolution").ValueKind);
        Assert.Equal(JsonValueKind.Null, report.GetProperty("resolutionNote").ValueKind);
        Assert.Equal(0, report.GetProperty("affectedCount").GetInt32());
        Assert.False(report.GetProperty("overdue").GetBoolean());
        Assert.Equal($"/datasets/{package.Name}/reports/{broken.Number}", report.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Reports_OfAnUnknownDatasetAre404()
    {
        var response = await service.CreateClient().GetAsync("/api/v1/datasets/no-such-dataset/reports");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesTheDatasetsApiButNotTheCkanOrDcatOnes()
    {
        var document = await service.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/datasets", paths);
        Assert.Contains("/api/v1/datasets/{slug}", paths);
        Assert.Contains("/api/v1/datasets/{slug}/reports", paths);
        Assert.Contains("/api/v1/datasets/{slug}/reports/{number}", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/api/3/", StringComparison.Ordinal) || p.StartsWith("/api/action", StringComparison.Ordinal));
        Assert.DoesNotContain("/catalogue.jsonld", paths);
    }
}
