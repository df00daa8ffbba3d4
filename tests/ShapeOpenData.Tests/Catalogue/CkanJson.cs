using System.Text.Json.Nodes;

namespace ShapeOpenData.Tests.Catalogue;

/// <summary>A CKAN dataset as data.gov.uk's <c>package_search</c> gives it, for tests to shape.</summary>
public sealed record SamplePackage(string Name)
{
    public string Id { get; init; } = $"id-{Name}";
    public string? Title { get; init; }
    public string Organisation { get; init; } = "department-for-transport";
    public string OrganisationTitle { get; init; } = "Department for Transport";
    public string? LandingPage { get; init; }
    public string? Licence { get; init; } = "uk-ogl";
    public bool? IsOpen { get; init; } = true;

    /// <summary>CKAN group names, like <c>government-spending</c>.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<CkanResource> Resources { get; init; } = [new("CSV")];

    public JsonObject ToJson()
    {
        var package = new JsonObject
        {
            ["id"] = Id,
            ["name"] = Name,
            ["title"] = Title ?? $"Dataset {Name}",
            ["notes"] = $"About {Name}.",
            ["license_id"] = Licence,
            ["license_title"] = Licence is null ? null : $"Licence {Licence}",
            ["url"] = LandingPage,
            ["metadata_created"] = "2024-03-01T10:00:00.000000",
            ["metadata_modified"] = "2025-06-30T12:30:00.000000",
            ["organization"] = new JsonObject { ["name"] = Organisation, ["title"] = OrganisationTitle, ["type"] = "organization" },
            // data.gov.uk's groups: the name is the code, the display name is for people.
            ["groups"] = new JsonArray([.. Groups.Select(g => (JsonNode)new JsonObject
            {
                ["name"] = g, ["display_name"] = System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(g.Replace('-', ' ')),
            })]),
            ["tags"] = new JsonArray([.. Tags.Select(t => (JsonNode)new JsonObject { ["name"] = t, ["display_name"] = t })]),
            ["resources"] = new JsonArray([.. Resources.Select((r, i) => (JsonNode)r.ToJson(Name, i))]),
        };
        if (IsOpen is { } open)
        {
            package["isopen"] = open;
        }
        return package;
    }
}

/// <param name="Url">By default a file on data.example.gov.uk named after the dataset.</param>
public sealed record CkanResource(string Format, string? Url = null, string? Id = null, string? Name = null)
{
    public JsonObject ToJson(string package, int position) => new()
    {
        ["id"] = Id ?? $"{package}-resource-{position}",
        ["name"] = Name,
        ["format"] = Format,
        ["url"] = Url ?? $"https://data.example.gov.uk/{package}/file-{position}.{Format.ToLowerInvariant()}",
        ["position"] = position,
    };
}

public static class CkanJson
{
    /// <summary>A successful <c>package_search</c> response.</summary>
    /// <param name="count">How many the portal says there are; by default the records given.</param>
    /// <param name="portal">The host the response says it came from, which the catalogue records as the datasets' source.</param>
    public static string Response(IEnumerable<JsonNode?> records, int? count = null, string portal = "ckan.example.gov.uk")
    {
        var results = new JsonArray([.. records.Select(r => r?.DeepClone())]);
        return new JsonObject
        {
            ["help"] = $"https://{portal}/api/3/action/help_show?name=package_search",
            ["success"] = true,
            ["result"] = new JsonObject { ["count"] = count ?? results.Count, ["sort"] = "metadata_created asc", ["results"] = results },
        }.ToJsonString();
    }

    public static string Response(params SamplePackage[] packages) => Response(packages.Select(p => (JsonNode)p.ToJson()));

    /// <summary>The real data.gov.uk response kept in Fixtures: 4 records of a search that matched 10.</summary>
    public static string RealFixturePath => Path.Combine(AppContext.BaseDirectory, "Catalogue", "Fixtures", "real-package-search.json");
}
