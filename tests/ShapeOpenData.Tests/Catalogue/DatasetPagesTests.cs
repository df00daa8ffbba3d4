using System.Text.Json;

namespace ShapeOpenData.Tests.Catalogue;

/// <summary>The catalogue's list and dataset pages, as anyone reads them.</summary>
[Collection(SharedService.Catalogue)]
public sealed class DatasetPagesTests(CatalogueServiceFactory service)
{
    [Fact]
    public async Task List_SearchesAndFiltersByPublisherFormatAndOpenness()
    {
        var session = service.NewSession();

        var all = await session.GetAsync("/datasets");
        var bathing = await session.GetAsync("/datasets?Q=BATHING+water");
        var rdf = await session.GetAsync("/datasets?Format=RDF&Openness=uris&Publisher=department-for-environment-food-rural-affairs");

        Assert.Equal("300 datasets", all.Document.GetElementById("result-count")!.TextContent.Trim());
        Assert.Equal(20, all.Document.QuerySelectorAll(".sod-result").Length);
        Assert.Contains("Bathing water quality", bathing.Document.QuerySelectorAll(".sod-result h2").Select(h => h.TextContent.Trim()));
        var found = rdf.Document.QuerySelectorAll(".sod-result").ToList();
        Assert.NotEmpty(found);
        Assert.All(found, r => Assert.Contains("RDF", r.TextContent, StringComparison.Ordinal));
        Assert.All(found, r => Assert.Contains("Department for Environment", r.TextContent, StringComparison.Ordinal));
        Assert.All(found, r => Assert.Contains("4 stars", r.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_WithAnUnknownFilter_SaysSo()
    {
        var page = await service.NewSession().GetAsync("/datasets?Theme=astrology&Publisher=nobody&Openness=6");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(["Publisher", "Theme", "Openness"], page.Errors.Select(e => e.Target));
    }

    [Fact]
    public async Task Show_GivesTheDatasetItsDistributionsOpennessAndJsonLd()
    {
        var page = await service.NewSession().GetAsync("/datasets/bathing-water-quality");

        Assert.Equal("Bathing water quality", page.Heading);
        Assert.Contains("4 stars: uses URIs", page.Document.GetElementById("openness")!.TextContent, StringComparison.Ordinal);
        var formats = page.Document.QuerySelectorAll("table tbody tr").Select(r => r.Children[1].TextContent.Trim()).ToList();
        Assert.Contains("CSV", formats);
        Assert.Contains("RDF", formats);
        var jsonLd = JsonDocument.Parse(page.Document.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("Dataset", jsonLd.GetProperty("@type").GetString());
        Assert.Equal("Bathing water quality", jsonLd.GetProperty("name").GetString());
        Assert.True(jsonLd.GetProperty("distribution").GetArrayLength() >= 3);
        Assert.StartsWith("https://", jsonLd.GetProperty("distribution")[0].GetProperty("contentUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_AnUnknownDataset_Is404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await service.NewSession().GetAsync("/datasets/no-such-dataset")).Status);
    }
}
