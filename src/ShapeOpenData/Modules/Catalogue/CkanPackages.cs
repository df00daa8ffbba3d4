using System.Globalization;
using System.Text.Json;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Modules.Organisations;

namespace ShapeOpenData.Modules.Catalogue;

/// <summary>One page of a CKAN <c>package_search</c> response, read record by record.</summary>
/// <param name="Source">Which portal it came from (the host of its <c>help</c> link), when it says.</param>
/// <param name="Count">How many datasets the portal says match, in all pages.</param>
/// <param name="Read">How many records the page held.</param>
/// <param name="LeftOut">The ids of records that could not be used: still listed by the source, so not gone from it.</param>
public sealed record CkanPage(
    string? Source, int Count, int Read, IReadOnlyList<DatasetMetadata> Datasets, IReadOnlyList<ImportProblem> Problems, IReadOnlyList<string> LeftOut);

/// <param name="Record">Which record, counting from 1 across all pages.</param>
public sealed record ImportProblem(int Record, string? Name, string Message);

/// <summary>
/// Reads CKAN Action API output (<c>{help, success, result: {count, results: […]}}</c>) into catalogue
/// metadata. A record that cannot be used is reported and skipped; a resource that cannot be used is
/// reported and the rest of its dataset is kept.
/// </summary>
public static class CkanPackages
{
    public const int TextMaxLength = 20_000;
    public const int UrlMaxLength = 2_000;

    /// <summary>Licences CKAN and the Open Definition count as open, for portals that do not say <c>isopen</c>.</summary>
    private static readonly HashSet<string> OpenLicences = new(StringComparer.OrdinalIgnoreCase)
    {
        "uk-ogl", "ogl-uk-2.0", "ogl-uk-3.0", "open-government-licence", "cc-by", "cc-by-4.0", "cc-by-sa", "cc-by-sa-4.0", "cc-zero", "cc0",
        "cc0-1.0", "odc-by", "odc-odbl", "odc-pddl", "other-open", "other-pd", "other-at", "gfdl",
    };

    /// <exception cref="ImportFailedException">The document is not a successful <c>package_search</c> response.</exception>
    public static CkanPage Read(JsonDocument document, int firstRecord = 1)
    {
        var root = document.RootElement;
        // Before looking for "result": CKAN's error responses have none.
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.False)
        {
            throw new ImportFailedException($"The portal answered with an error: {ErrorOf(root)}");
        }
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("result", out var result))
        {
            throw new ImportFailedException("This is not CKAN Action API output: there is no \"result\"");
        }
        if (result.ValueKind != JsonValueKind.Object || !result.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            throw new ImportFailedException("This is not a package_search response: \"result\" has no \"results\" list");
        }
        var count = result.TryGetProperty("count", out var c) && c.TryGetInt32(out var n) ? n : results.GetArrayLength();
        var source = Text(root, "help") is { } help && Uri.TryCreate(help, UriKind.Absolute, out var helpUri) ? helpUri.Authority : null;

        var datasets = new List<DatasetMetadata>();
        var problems = new List<ImportProblem>();
        var leftOut = new List<string>();
        var index = firstRecord;
        foreach (var package in results.EnumerateArray())
        {
            var (dataset, found) = ReadPackage(package, index++);
            problems.AddRange(found);
            if (dataset is not null)
            {
                datasets.Add(dataset);
            }
            else if (Text(package, "id") is { } id)
            {
                leftOut.Add(id);
            }
        }
        return new CkanPage(source, count, results.GetArrayLength(), datasets, problems, leftOut);
    }

    /// <summary>CKAN's error: its message, or for a validation error (no message) its type and the fields at fault.</summary>
    private static string ErrorOf(JsonElement root)
    {
        if (!root.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
        {
            return "no message";
        }
        if (Text(error, "message") is { } message)
        {
            return message;
        }
        var fields = string.Join("; ", error.EnumerateObject().Where(f => !f.Name.StartsWith("__", StringComparison.Ordinal)).Select(f =>
            $"{f.Name}: {(f.Value.ValueKind == JsonValueKind.Array ? string.Join(" ", f.Value.EnumerateArray()) : f.Value.ToString())}"));
        var type = Text(error, "__type");
        return (type, fields) switch
        {
            (null, "") => "no message",
            (null, _) => fields,
            (_, "") => type,
            _ => $"{type}: {fields}",
        };
    }

    private static (DatasetMetadata?, List<ImportProblem>) ReadPackage(JsonElement package, int record)
    {
        var problems = new List<ImportProblem>();
        if (package.ValueKind != JsonValueKind.Object)
        {
            return (null, [new ImportProblem(record, null, "The record is not a JSON object")]);
        }
        var name = Text(package, "name");
        void Problem(string message) => problems.Add(new ImportProblem(record, name, message));

        var id = Text(package, "id");
        var title = Text(package, "title") ?? name;
        var organisation = package.TryGetProperty("organization", out var org) && org.ValueKind == JsonValueKind.Object ? org : default;
        var organisationName = organisation.ValueKind == JsonValueKind.Object ? Text(organisation, "name") : null;
        var organisationTitle = organisationName is null ? Organisation.NotStatedName : Text(organisation, "title") ?? organisationName;
        organisationName ??= Organisation.NotStatedSlug;
        if (id is null) Problem("It has no \"id\", so it could not be matched on a later import");
        if (name is null || !Slugs.IsValid(name)) Problem("It has no usable \"name\" (lower case letters, numbers and hyphens)");
        if (title is null) Problem("It has no \"title\"");
        else if (title.Length > Dataset.TitleMaxLength) Problem($"Its title is longer than {Dataset.TitleMaxLength} characters");
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var description = Text(package, "notes") ?? "";
        if (description.Length > TextMaxLength)
        {
            Problem($"Its description was cut to {TextMaxLength:N0} characters");
            description = description[..TextMaxLength];
        }
        var licenceId = Text(package, "license_id");
        var isOpen = package.TryGetProperty("isopen", out var open) && open.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? open.GetBoolean()
            : licenceId is not null && OpenLicences.Contains(licenceId);

        var distributions = new List<DistributionMetadata>();
        if (package.TryGetProperty("resources", out var resources) && resources.ValueKind == JsonValueKind.Array)
        {
            var position = 0;
            foreach (var resource in resources.EnumerateArray())
            {
                position++;
                if (ReadResource(resource, out var why) is { } distribution) distributions.Add(distribution);
                else Problem($"Resource {position} was left out: {why}");
            }
        }

        return (new DatasetMetadata(
            id!, name!, title!.Trim(), description.Trim(), organisationName, organisationTitle,
            licenceId, Text(package, "license_title"), HttpUrl(Text(package, "license_url")), isOpen,
            [.. Names(package, "groups", "name").Select(ThemeOf).OfType<Theme>()],
            [.. Names(package, "tags", "display_name").Where(t => t.Length <= 100).Take(50)],
            HttpUrl(Text(package, "url")), Date(package, "metadata_created"), Date(package, "metadata_modified"),
            distributions), problems);
    }

    private static DistributionMetadata? ReadResource(JsonElement resource, out string why)
    {
        why = "";
        if (resource.ValueKind != JsonValueKind.Object)
        {
            why = "it is not a JSON object";
            return null;
        }
        var url = HttpUrl(Text(resource, "url"));
        if (url is null)
        {
            why = "it has no web address";
            return null;
        }
        var id = Text(resource, "id") ?? url;
        var format = (Text(resource, "format") ?? FormatFromUrl(url)).Trim().TrimStart('.').ToUpperInvariant();
        long? size = resource.TryGetProperty("size", out var s) ? s.ValueKind switch
        {
            JsonValueKind.Number when s.TryGetInt64(out var bytes) && bytes >= 0 => bytes,
            JsonValueKind.String when long.TryParse(s.GetString(), CultureInfo.InvariantCulture, out var bytes) && bytes >= 0 => bytes,
            _ => null,
        } : null;
        var title = Text(resource, "name") ?? Path.GetFileName(new Uri(url).AbsolutePath);
        return new DistributionMetadata(id.Length > 200 ? id[..200] : id, Truncate(string.IsNullOrEmpty(title) ? url : title, 300),
            Text(resource, "description") is { } d ? Truncate(d, 2_000) : null, url, Truncate(format, 40),
            Text(resource, "mimetype") is { } m ? Truncate(m, 200) : null, size, Date(resource, "last_modified") ?? Date(resource, "created"));
    }

    /// <summary>CKAN groups are our themes when their names match: <c>government-spending</c> is Government spending.</summary>
    private static Theme? ThemeOf(string group) =>
        Codes.TryParse<Theme>(group.Replace('-', '_'), out var theme) ? theme : null;

    /// <summary>A group's <c>name</c> is its code (<c>government-spending</c>), its display name is for people; a tag's are the same.</summary>
    private static IEnumerable<string> Names(JsonElement package, string property, string preferred) =>
        package.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(item => Text(item, preferred) ?? Text(item, "name")).OfType<string>()
            : [];

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
        && value.GetString() is { } text && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : null;

    private static string? HttpUrl(string? text) =>
        text is not null && text.Length <= UrlMaxLength && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.ToString()
            : null;

    /// <summary>CKAN writes times without an offset; they are UTC.</summary>
    private static DateTime? Date(JsonElement element, string property) =>
        Text(element, property) is { } text && DateTime.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : null;

    private static string FormatFromUrl(string url) => Path.GetExtension(new Uri(url).AbsolutePath) is { Length: > 1 } extension ? extension : "";

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>The source could not be read at all: not CKAN output, not reachable, or an error from the portal.</summary>
public sealed class ImportFailedException(string message) : Exception(message);
