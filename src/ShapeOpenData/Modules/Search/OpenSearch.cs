using System.Xml.Linq;
using Microsoft.Extensions.Options;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.Search;

/// <summary>The OpenSearch description the layout links to, so a browser can offer the site's search in its address bar.</summary>
internal static class OpenSearch
{
    private static readonly XNamespace Ns = "http://a9.com/-/spec/opensearch/1.1/";

    public static IResult Describe(IOptions<ServiceOptions> options, ServiceLinks links)
    {
        var name = options.Value.Name;
        var document = new XDocument(new XElement(Ns + "OpenSearchDescription",
            new XElement(Ns + "ShortName", name.Length > 16 ? name[..16] : name),
            new XElement(Ns + "Description", $"Search {name}: requests, datasets, consultations, groups, meetings and commitments"),
            new XElement(Ns + "InputEncoding", "UTF-8"),
            new XElement(Ns + "Image", new XAttribute("height", 16), new XAttribute("width", 16), new XAttribute("type", "image/x-icon"), links.Absolute("/assets/images/favicon.ico")),
            new XElement(Ns + "Url", new XAttribute("type", "text/html"), new XAttribute("method", "get"), new XAttribute("template", links.Absolute("/search") + "?q={searchTerms}")),
            new XElement(Ns + "Url", new XAttribute("type", "application/json"), new XAttribute("method", "get"), new XAttribute("template", links.Absolute("/api/v1/search") + "?q={searchTerms}"))));
        return Results.Text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + document, "application/opensearchdescription+xml; charset=utf-8");
    }
}
