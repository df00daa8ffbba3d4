using System.Text.Json;
using System.Text.Json.Nodes;

namespace ShapeOpenData.Tests.Catalogue;

/// <summary>
/// <c>/catalogue.jsonld</c> read as JSON-LD. No JSON-LD processor is served to this project (neither dotNetRDF
/// nor JsonLD.Net), so <see cref="Expand"/> does the part of expansion this document needs: every property and
/// type must be a compact IRI whose prefix the <c>@context</c> defines, and becomes the full IRI. A term a real
/// processor would silently drop fails here instead; the assertions then read full IRIs, as a harvester does.
/// </summary>
[Collection(SharedService.Publishing)]
public sealed class CatalogueDcatTests(ServiceFactory service)
{
    private const string Dcat = "http://www.w3.org/ns/dcat#", Dct = "http://purl.org/dc/terms/", Foaf = "http://xmlns.com/foaf/0.1/";
    private const string Vcard = "http://www.w3.org/2006/vcard/ns#", Xsd = "http://www.w3.org/2001/XMLSchema#";

    private async Task<JsonObject> CatalogueAsync()
    {
        var response = await service.CreateClient().GetAsync("/catalogue.jsonld");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var context = document.RootElement.GetProperty("@context").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        Assert.Equal(Dcat, context["dcat"]);
        Assert.Equal(Dct, context["dct"]);
        Assert.Equal(Foaf, context["foaf"]);
        Assert.Equal(Vcard, context["vcard"]);
        Assert.Equal(Xsd, context["xsd"]);
        return Expand(document.RootElement, context)!.AsObject();
    }

    private static IEnumerable<JsonObject> Datasets(JsonObject catalogue) => catalogue[Dcat + "dataset"]!.AsArray().Select(d => d!.AsObject());

    private static string Text(JsonNode? node) => node!.GetValue<string>();

    [Fact]
    public async Task Catalogue_HasEveryPropertyDcatApMakesMandatory()
    {
        await service.ImportAsync(new SamplePackage(TestCatalogue.Unique("dcat")) { Title = "Harbour dues", Organisation = TestCatalogue.NewOrganisation() });

        var catalogue = await CatalogueAsync();

        Assert.Equal(Dcat + "Catalog", Text(catalogue["@type"]));
        Assert.NotEmpty(Text(catalogue[Dct + "title"]));
        Assert.NotEmpty(Text(catalogue[Dct + "description"]));
        Assert.NotEmpty(Text(catalogue[Dct + "publisher"]![Foaf + "name"]));
        Assert.NotEmpty(Datasets(catalogue));
        foreach (var dataset in Datasets(catalogue))
        {
            Assert.Equal(Dcat + "Dataset", Text(dataset["@type"]));
            Assert.NotEmpty(Text(dataset[Dct + "title"]));
            Assert.NotEmpty(Text(dataset[Dct + "description"]));
            var distributions = dataset[Dcat + "distribution"]!.AsArray();
            Assert.NotEmpty(distributions);
            Assert.All(distributions, d => Assert.True(Uri.IsWellFormedUriString(Text(d![Dcat + "accessURL"]!["@id"]), UriKind.Absolute)));
        }
    }

    [Fact]
    public async Task Dataset_HasThePublisherKeywordsDatesThemesAndDistributionsAsDcatApWantsThem()
    {
        var organisation = TestCatalogue.NewOrganisation();
        var package = new SamplePackage(TestCatalogue.Unique("dcat"))
        {
            Title = "Lighthouse visits", Organisation = organisation, Tags = ["lighthouses", "visits"], Groups = ["transport"],
            Resources = [new("CSV") { MediaType = "text/csv", Size = 1234 }],
        };
        var bare = new SamplePackage(TestCatalogue.Unique("bare")) { Title = "No description given", Organisation = organisation, Notes = "" };
        await service.ImportAsync(package, bare);

        var datasets = Datasets(await CatalogueAsync()).ToList();

        var dataset = datasets.Single(d => Text(d["@id"]).EndsWith($"/datasets/{package.Name}", StringComparison.Ordinal));
        Assert.Equal(package.Id, Text(dataset[Dct + "identifier"]));
        Assert.Equal("Lighthouse visits", Text(dataset[Dct + "title"]));
        Assert.Equal("Counts by year.", Text(dataset[Dct + "description"]));
        Assert.Equal(TestCatalogue.OrganisationTitle(organisation), Text(dataset[Dct + "publisher"]![Foaf + "name"]));
        Assert.Equal(Vcard + "Organization", Text(dataset[Dcat + "contactPoint"]!["@type"]));
        Assert.Equal(TestCatalogue.OrganisationTitle(organisation), Text(dataset[Dcat + "contactPoint"]![Vcard + "fn"]));
        Assert.Equal(["lighthouses", "visits"], dataset[Dcat + "keyword"]!.AsArray().Select(Text));
        Assert.Equal("2024-03-01T08:30:00Z", Text(dataset[Dct + "issued"]!["@value"]));
        Assert.Equal(Xsd + "dateTime", Text(dataset[Dct + "issued"]!["@type"]));
        Assert.Equal(Xsd + "dateTime", Text(dataset[Dct + "modified"]!["@type"]));
        Assert.Equal($"https://data.example.gov.uk/{package.Name}", Text(dataset[Dcat + "landingPage"]!["@id"]));
        Assert.Equal(["http://publications.europa.eu/resource/authority/data-theme/TRAN"], dataset[Dcat + "theme"]!.AsArray().Select(t => Text(t!["@id"])));

        var distribution = dataset[Dcat + "distribution"]!.AsArray().Single()!;
        Assert.Equal(Dcat + "Distribution", Text(distribution["@type"]));
        Assert.Equal($"https://data.example.gov.uk/{package.Name}/file-0.csv", Text(distribution[Dcat + "accessURL"]!["@id"]));
        Assert.Equal("http://publications.europa.eu/resource/authority/file-type/CSV", Text(distribution[Dct + "format"]!["@id"]));
        Assert.Equal("https://www.iana.org/assignments/media-types/text/csv", Text(distribution[Dcat + "mediaType"]!["@id"]));
        Assert.Equal("1234", Text(distribution[Dcat + "byteSize"]!["@value"]));
        Assert.Equal(Xsd + "nonNegativeInteger", Text(distribution[Dcat + "byteSize"]!["@type"]));
        Assert.Equal("http://reference.data.gov.uk/id/open-government-licence", Text(distribution[Dct + "license"]!["@id"]));
        Assert.NotEmpty(Text(distribution[Dct + "title"]));

        var undescribed = datasets.Single(d => Text(d["@id"]).EndsWith($"/datasets/{bare.Name}", StringComparison.Ordinal));
        Assert.Equal("No description given", Text(undescribed[Dct + "description"]));
    }

    [Fact]
    public async Task Catalogue_LeavesOutWithdrawnDatasets()
    {
        var source = TestCatalogue.NewSource();
        var organisation = TestCatalogue.NewOrganisation();
        var gone = new SamplePackage(TestCatalogue.Unique("gone")) { Title = "Gone", Organisation = organisation };
        var kept = new SamplePackage(TestCatalogue.Unique("kept")) { Title = "Kept", Organisation = organisation };
        await service.ImportAsync(source, gone, kept);
        await service.ImportAsync(source, kept);

        var ids = Datasets(await CatalogueAsync()).Select(d => Text(d["@id"])).ToList();

        Assert.Contains(ids, id => id.EndsWith($"/datasets/{kept.Name}", StringComparison.Ordinal));
        Assert.DoesNotContain(ids, id => id.EndsWith($"/datasets/{gone.Name}", StringComparison.Ordinal));
    }

    /// <summary>More datasets than one batch of the writer: each appears once, none lost at the boundary.</summary>
    [Fact]
    public async Task Catalogue_OfMoreThanOneBatch_HasEachDatasetOnce()
    {
        var organisation = TestCatalogue.NewOrganisation();
        var packages = Enumerable.Range(0, 520).Select(i => new SamplePackage(TestCatalogue.Unique("many")) { Title = $"Dataset {i}", Organisation = organisation }).ToArray();
        await service.ImportAsync(packages);

        var ours = Datasets(await CatalogueAsync())
            .Where(d => Text(d[Dct + "publisher"]!["@id"]).EndsWith($"/organisations/{organisation}", StringComparison.Ordinal))
            .Select(d => Text(d["@id"])).ToList();

        Assert.Equal(520, ours.Count);
        Assert.Equal(520, ours.Distinct().Count());
    }

    private static JsonNode? Expand(JsonElement element, IReadOnlyDictionary<string, string> prefixes)
    {
        string Iri(string compact)
        {
            var colon = compact.IndexOf(':', StringComparison.Ordinal);
            Assert.True(colon > 0 && prefixes.ContainsKey(compact[..colon]), $"'{compact}' is not a compact IRI with a prefix from the @context");
            return prefixes[compact[..colon]] + compact[(colon + 1)..];
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var node = new JsonObject();
                foreach (var property in element.EnumerateObject().Where(p => p.Name != "@context"))
                {
                    node[property.Name.StartsWith('@') ? property.Name : Iri(property.Name)] = property.Name == "@type"
                        ? property.Value.ValueKind == JsonValueKind.Array
                            ? new JsonArray([.. property.Value.EnumerateArray().Select(t => (JsonNode)Iri(t.GetString()!))])
                            : Iri(property.Value.GetString()!)
                        : Expand(property.Value, prefixes);
                }
                return node;
            case JsonValueKind.Array:
                return new JsonArray([.. element.EnumerateArray().Select(e => Expand(e, prefixes))]);
            default:
                return JsonValue.Create(element.Clone());
        }
    }
}
