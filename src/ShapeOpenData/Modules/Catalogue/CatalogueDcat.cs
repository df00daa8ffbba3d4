using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.Catalogue;

/// <summary>
/// <c>/catalogue.jsonld</c>: the catalogue as DCAT-AP in JSON-LD, for European portals and other catalogues that
/// harvest DCAT. It uses only what DCAT-AP 2 and 3 share, with every property they make mandatory. Withdrawn
/// datasets are left out. Written as it is read, a batch of datasets at a time, so a catalogue of thousands
/// takes a few queries per batch and never sits whole in memory.
/// </summary>
public static class CatalogueDcat
{
    private const int BatchSize = 500;

    private static readonly (string Prefix, string Iri)[] Prefixes =
    [
        ("dcat", "http://www.w3.org/ns/dcat#"),
        ("dct", "http://purl.org/dc/terms/"),
        ("foaf", "http://xmlns.com/foaf/0.1/"),
        ("vcard", "http://www.w3.org/2006/vcard/ns#"),
        ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ];

    public static void Map(WebApplication app) => app.MapGet("/catalogue.jsonld", WriteAsync).ExcludeFromDescription();

    private static async Task WriteAsync(HttpContext context, AppDbContext db, ServiceLinks links, IOptions<ServiceOptions> options, CancellationToken cancellationToken)
    {
        var service = options.Value.Name;
        context.Response.ContentType = "application/ld+json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteStartObject("@context");
        foreach (var (prefix, iri) in Prefixes)
        {
            json.WriteString(prefix, iri);
        }
        json.WriteEndObject();
        json.WriteString("@id", links.Absolute("/datasets").ToString());
        json.WriteString("@type", "dcat:Catalog");
        json.WriteString("dct:title", $"{service} catalogue");
        json.WriteString("dct:description", $"The datasets that public bodies publish, as listed on {service}, with how open each one is.");
        Agent(json, "dct:publisher", "foaf:Agent", links.Absolute("/").ToString(), service);
        Reference(json, "foaf:homepage", links.Absolute("/datasets").ToString());
        Reference(json, "dcat:themeTaxonomy", DcatVocabularies.DataThemes);
        json.WriteStartArray("dcat:dataset");
        for (var after = 0; ;)
        {
            var batch = await db.Datasets.AsNoTracking().Where(d => d.WithdrawnAt == null && d.Id > after).OrderBy(d => d.Id).Take(BatchSize)
                .WithDetails().ToListAsync(cancellationToken);
            batch.ForEach(dataset => Dataset(json, dataset, links));
            await json.FlushAsync(cancellationToken);
            if (batch.Count < BatchSize)
            {
                break;
            }
            after = batch[^1].Id;
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private static void Dataset(Utf8JsonWriter json, Dataset dataset, ServiceLinks links)
    {
        var page = links.Absolute($"/datasets/{dataset.Slug}").ToString();
        var organisation = dataset.Organisation!;
        json.WriteStartObject();
        json.WriteString("@id", page);
        json.WriteString("@type", "dcat:Dataset");
        json.WriteString("dct:identifier", CkanDicts.PackageId(dataset.SourceId, dataset.Slug));
        json.WriteString("dct:title", dataset.Title);
        // Mandatory in DCAT-AP; some portals leave it empty.
        json.WriteString("dct:description", string.IsNullOrWhiteSpace(dataset.Description) ? dataset.Title : dataset.Description);
        Agent(json, "dct:publisher", "foaf:Organization", links.Absolute($"/organisations/{organisation.Slug}").ToString(), organisation.Name);
        json.WriteStartObject("dcat:contactPoint");
        json.WriteString("@type", "vcard:Organization");
        json.WriteString("vcard:fn", organisation.Name);
        if (organisation.FoiContact is { } contact && !contact.Contains("://", StringComparison.Ordinal) && contact.Contains('@', StringComparison.Ordinal))
        {
            Reference(json, "vcard:hasEmail", "mailto:" + contact.Trim());
        }
        if (Iri(organisation.Website) is { } website)
        {
            Reference(json, "vcard:hasURL", website);
        }
        json.WriteEndObject();
        json.WriteStartArray("dcat:keyword");
        foreach (var keyword in dataset.KeywordList)
        {
            json.WriteStringValue(keyword);
        }
        json.WriteEndArray();
        Time(json, "dct:issued", dataset.IssuedAt);
        Time(json, "dct:modified", dataset.ModifiedAt);
        Reference(json, "dcat:landingPage", Iri(dataset.LandingPage) ?? page);
        json.WriteStartArray("dcat:theme");
        foreach (var theme in dataset.Themes.Select(t => DcatVocabularies.DataTheme(t.Theme)).Distinct().Order(StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("@id", theme);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("dcat:distribution");
        foreach (var distribution in dataset.Distributions.OrderBy(d => d.Position))
        {
            Distribution(json, distribution, $"{page}#distribution-{distribution.Id}", Iri(dataset.LicenceUrl));
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Distribution(Utf8JsonWriter json, Distribution distribution, string id, string? licence)
    {
        json.WriteStartObject();
        json.WriteString("@id", id);
        json.WriteString("@type", "dcat:Distribution");
        Reference(json, "dcat:accessURL", Iri(distribution.Url) ?? distribution.Url);
        json.WriteString("dct:title", distribution.Title);
        if (distribution.Description is { } description)
        {
            json.WriteString("dct:description", description);
        }
        if (DcatVocabularies.FileType(distribution.Format) is { } fileType)
        {
            Reference(json, "dct:format", fileType);
        }
        else if (distribution.Format.Length > 0)
        {
            json.WriteString("dct:format", distribution.Format);
        }
        if (DcatVocabularies.MediaType(distribution.MediaType) is { } mediaType)
        {
            Reference(json, "dcat:mediaType", mediaType);
        }
        if (distribution.SizeBytes is { } size)
        {
            Typed(json, "dcat:byteSize", size.ToString(CultureInfo.InvariantCulture), "xsd:nonNegativeInteger");
        }
        if (licence is not null)
        {
            Reference(json, "dct:license", licence);
        }
        Time(json, "dct:modified", distribution.LastModifiedAt);
        json.WriteEndObject();
    }

    private static void Agent(Utf8JsonWriter json, string property, string type, string id, string name)
    {
        json.WriteStartObject(property);
        json.WriteString("@id", id);
        json.WriteString("@type", type);
        json.WriteString("foaf:name", name);
        json.WriteEndObject();
    }

    /// <summary>A link to another resource, not a string that looks like one.</summary>
    private static void Reference(Utf8JsonWriter json, string property, string iri)
    {
        json.WriteStartObject(property);
        json.WriteString("@id", iri);
        json.WriteEndObject();
    }

    private static void Time(Utf8JsonWriter json, string property, DateTime? at)
    {
        if (at is { } time)
        {
            Typed(json, property, time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), "xsd:dateTime");
        }
    }

    private static void Typed(Utf8JsonWriter json, string property, string value, string type)
    {
        json.WriteStartObject(property);
        json.WriteString("@value", value);
        json.WriteString("@type", type);
        json.WriteEndObject();
    }

    /// <summary>The address escaped as an IRI must be (the importer keeps addresses as people read them, spaces and all).</summary>
    private static string? Iri(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsoluteUri : null;
}
