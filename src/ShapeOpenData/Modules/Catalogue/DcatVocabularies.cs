using System.Collections.Frozen;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Catalogue;

/// <summary>
/// The controlled vocabularies DCAT-AP asks for: the EU's data themes for <c>dcat:theme</c>, its file types for
/// <c>dct:format</c> and IANA's media types for <c>dcat:mediaType</c>. European harvesters check values against them.
/// </summary>
public static class DcatVocabularies
{
    public const string DataThemes = "http://publications.europa.eu/resource/authority/data-theme";
    private const string FileTypes = "http://publications.europa.eu/resource/authority/file-type/";
    private const string MediaTypes = "https://www.iana.org/assignments/media-types/";

    /// <summary>Our themes are narrower than the EU's thirteen; each goes to the nearest.</summary>
    private static readonly FrozenDictionary<Theme, string> Themes = new Dictionary<Theme, string>
    {
        [Theme.BusinessAndEconomy] = "ECON",
        [Theme.CrimeAndJustice] = "JUST",
        [Theme.Defence] = "GOVE",
        [Theme.Education] = "EDUC",
        [Theme.Environment] = "ENVI",
        [Theme.Government] = "GOVE",
        [Theme.GovernmentSpending] = "ECON",
        [Theme.Health] = "HEAL",
        [Theme.Mapping] = "REGI",
        [Theme.Society] = "SOCI",
        [Theme.TownsAndCities] = "REGI",
        [Theme.Transport] = "TRAN",
        [Theme.DigitalServicePerformance] = "GOVE",
        [Theme.GovernmentReferenceData] = "GOVE",
    }.ToFrozenDictionary();

    /// <summary>Formats as people write them in CKAN, to the EU's file type codes.</summary>
    private static readonly FrozenDictionary<string, string> Formats = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["CSV"] = "CSV", ["TSV"] = "TSV", ["JSON"] = "JSON", ["GEOJSON"] = "GEOJSON", ["XML"] = "XML", ["ODS"] = "ODS", ["TXT"] = "TXT",
        ["KML"] = "KML", ["GML"] = "GML", ["GPKG"] = "GPKG", ["PARQUET"] = "PARQUET", ["ZIP"] = "ZIP", ["XLS"] = "XLS", ["XLSX"] = "XLSX",
        ["PDF"] = "PDF", ["DOC"] = "DOC", ["DOCX"] = "DOCX", ["HTML"] = "HTML", ["RDF"] = "RDF", ["RDF/XML"] = "RDF_XML",
        ["TTL"] = "RDF_TURTLE", ["TURTLE"] = "RDF_TURTLE", ["JSON-LD"] = "JSON_LD", ["JSONLD"] = "JSON_LD", ["SHP"] = "SHP",
        ["WMS"] = "WMS_SRVC", ["WFS"] = "WFS_SRVC",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static string DataTheme(Theme theme) => $"{DataThemes}/{Themes[theme]}";

    /// <summary>The EU file type, or null for a format it has no code for (an API, a web page).</summary>
    public static string? FileType(string format) => Formats.TryGetValue(format, out var code) ? FileTypes + code : null;

    /// <summary>IANA's address for a media type such as <c>text/csv</c>; null when it is not one.</summary>
    public static string? MediaType(string? mediaType) =>
        mediaType?.Split(';')[0].Trim().ToLowerInvariant() is { } type && type.Split('/') is [{ Length: > 0 } major, { Length: > 0 } minor]
            && type.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '+' or '-')
            ? $"{MediaTypes}{major}/{minor}"
            : null;
}
