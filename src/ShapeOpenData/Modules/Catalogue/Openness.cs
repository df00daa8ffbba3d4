using System.ComponentModel.DataAnnotations;

namespace ShapeOpenData.Modules.Catalogue;

/// <summary>The levels of Tim Berners-Lee's five-star scheme, each building on the one before.</summary>
public enum Openness
{
    [Display(Name = "Not openly licensed")] None,
    [Display(Name = "1 star: open licence")] OpenLicence,
    [Display(Name = "2 stars: structured data")] Structured,
    [Display(Name = "3 stars: open format")] OpenFormat,
    [Display(Name = "4 stars: uses URIs")] Uris,
    [Display(Name = "5 stars: linked data")] Linked,
}

public static class OpennessLevel
{
    private static readonly HashSet<string> Structured = new(StringComparer.OrdinalIgnoreCase)
        { "XLS", "XLSX", "MDB", "ACCDB", "DBF", "SHP", "DOCX" };
    private static readonly HashSet<string> OpenFormats = new(StringComparer.OrdinalIgnoreCase)
        { "CSV", "TSV", "JSON", "GEOJSON", "XML", "ODS", "TXT", "API", "KML", "GML", "GPKG", "PARQUET", "WFS", "WMS", "ZIP" };
    private static readonly HashSet<string> Rdf = new(StringComparer.OrdinalIgnoreCase)
        { "RDF", "RDF/XML", "TTL", "TURTLE", "JSON-LD", "JSONLD", "N-TRIPLES", "NT", "N3" };
    private static readonly HashSet<string> Linked = new(StringComparer.OrdinalIgnoreCase)
        { "SPARQL", "LINKED DATA" };

    /// <summary>
    /// The dataset's best distribution, capped by its licence: no open licence is no star at all. Formats
    /// say what they can: a SPARQL endpoint or a "linked data" distribution is taken as linked (5), an RDF
    /// serialisation as using URIs (4), an open machine-readable format as 3, a proprietary spreadsheet as 2,
    /// and a PDF or web page as 1.
    /// </summary>
    public static Openness Of(bool openLicence, IEnumerable<string> formats)
    {
        if (!openLicence)
        {
            return Openness.None;
        }
        return formats.Select(Level).DefaultIfEmpty(Openness.OpenLicence).Max();
    }

    private static Openness Level(string format) =>
        Linked.Contains(format) ? Openness.Linked
        : Rdf.Contains(format) ? Openness.Uris
        : OpenFormats.Contains(format) ? Openness.OpenFormat
        : Structured.Contains(format) ? Openness.Structured
        : Openness.OpenLicence;
}
