using System.Globalization;
using System.Text.Json.Nodes;

namespace ShapeOpenData.Tests.Catalogue;

/// <summary>
/// A CKAN dataset as data.gov.uk's <c>package_search</c> gives it, for tests to shape. What a test does not set has a
/// realistic value; where it must differ between datasets it comes from the name.
/// </summary>
public sealed record SamplePackage(string Name)
{
    /// <summary>A UUID, as CKAN ids are: the catalogue's CKAN API passes on only such an id, and gives others the slug.</summary>
    public string Id { get; init; } = Guid.NewGuid().ToString();

    /// <summary>By default <c>Dataset {Name}</c>.</summary>
    public string Title { get => field ?? $"Dataset {Name}"; init; }

    public string Notes { get; init; } = "Counts by year.";
    public string Organisation { get; init; } = "department-for-transport";

    /// <summary>No publishing organisation at all (<c>"organization": null</c>), as CKAN allows.</summary>
    public bool WithoutOrganisation { get; init; }

    /// <summary>By default <see cref="TestCatalogue.OrganisationTitle"/> of <see cref="Organisation"/>.</summary>
    public string OrganisationTitle { get => field ?? TestCatalogue.OrganisationTitle(Organisation); init; }

    /// <summary>CKAN's <c>url</c>; by default a page on data.example.gov.uk named after the dataset.</summary>
    public string LandingPage { get => field ?? $"https://data.example.gov.uk/{Name}"; init; }

    /// <summary>A CKAN licence id. The UK Open Government Licence has its title and address as data.gov.uk gives them.</summary>
    public string? Licence { get; init; } = "uk-ogl";
    public bool? IsOpen { get; init; } = true;

    /// <summary>CKAN's timestamps: UTC, with microseconds and no zone.</summary>
    public string Created { get; init; } = "2024-03-01T08:30:00.654321";
    public string Modified { get; init; } = "2026-01-10T09:00:00.123456";

    /// <summary>CKAN group names, like <c>government-spending</c>.</summary>
    public IReadOnlyList<string> Groups { get; init; } = ["transport"];
    public IReadOnlyList<string> Tags { get; init; } = ["statistics"];
    public IReadOnlyList<CkanResource> Resources { get; init; } = [new("CSV")];

    public JsonObject ToJson()
    {
        var ogl = Licence == "uk-ogl";
        var package = new JsonObject
        {
            ["id"] = Id,
            ["name"] = Name,
            ["title"] = Title,
            ["notes"] = Notes,
            ["url"] = LandingPage,
            ["license_id"] = Licence,
            ["license_title"] = ogl ? "UK Open Government Licence (OGL)" : Licence is null ? null : $"Licence {Licence}",
            ["license_url"] = ogl ? "http://reference.data.gov.uk/id/open-government-licence" : null,
            ["metadata_created"] = Created,
            ["metadata_modified"] = Modified,
            ["organization"] = WithoutOrganisation ? null : new JsonObject { ["name"] = Organisation, ["title"] = OrganisationTitle, ["type"] = "organization" },
            // data.gov.uk's groups: the name is the code, the display name is for people.
            ["groups"] = new JsonArray([.. Groups.Select(g => (JsonNode)new JsonObject
            {
                ["name"] = g, ["display_name"] = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(g.Replace('-', ' ')),
            })]),
            ["tags"] = new JsonArray([.. Tags.Select(t => (JsonNode)new JsonObject { ["name"] = t, ["display_name"] = t })]),
            ["resources"] = new JsonArray([.. Resources.Select((r, i) => (JsonNode)r.ToJson(this, i))]),
        };
        if (IsOpen is { } open)
        {
            package["isopen"] = open;
        }
        return package;
    }
}

/// <summary>A resource of a <see cref="SamplePackage"/>, as CKAN writes one.</summary>
public sealed record CkanResource(string Format = "CSV")
{
    public string Id { get; init; } = Guid.NewGuid().ToString();

    /// <summary>By default the dataset's title and the format, like <c>Road traffic (CSV)</c>.</summary>
    public string? Name { get; init; }

    /// <summary>By default a file on data.example.gov.uk named after the dataset and the resource's position.</summary>
    public string? Url { get; init; }

    /// <summary>By default <c>text/csv</c> for a CSV and none for any other format.</summary>
    public string? MediaType { get; init; } = Format == "CSV" ? "text/csv" : null;

    public long? Size { get; init; } = 1234;

    public JsonObject ToJson(SamplePackage package, int position) => new()
    {
        ["id"] = Id,
        ["name"] = Name ?? $"{package.Title} ({Format})",
        ["description"] = "The data",
        ["url"] = Url ?? $"https://data.example.gov.uk/{package.Name}/file-{position}.{Format.ToLowerInvariant()}",
        ["format"] = Format,
        ["mimetype"] = MediaType,
        ["size"] = Size,
        ["last_modified"] = "2026-01-09T12:00:00.000001",
        ["position"] = position,
    };
}
