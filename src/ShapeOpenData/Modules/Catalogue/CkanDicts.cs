using System.Globalization;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Api;
using ShapeOpenData.Modules.Organisations;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Catalogue;

/// <summary>
/// A dataset as CKAN's <c>package_show</c> gives it, with CKAN's field names (written in snake case). The
/// fields CKAN always has but we do not keep (author, maintainer, version, extras) are there, empty, because
/// clients read them without checking.
/// </summary>
public sealed record CkanPackage(
    string Id, string Name, string Title, string Notes, string? Url, string? LicenseId, string? LicenseTitle, string? LicenseUrl,
    bool Isopen, string MetadataCreated, string MetadataModified, string State, CkanOrganization Organization,
    IReadOnlyList<CkanTag> Tags, IReadOnlyList<CkanGroup> Groups, IReadOnlyList<CkanResource> Resources)
{
    public string Type => "dataset";
    public bool Private => false;
    public string OwnerOrg => Organization.Id;
    public int NumResources => Resources.Count;
    public int NumTags => Tags.Count;
    public string? Author => null;
    public string? Maintainer => null;
    public string? Version => null;
    public IReadOnlyList<object> Extras => [];
}

/// <summary>An organisation as <c>organization_show</c> and <c>organization_list</c> with <c>all_fields</c> give it.</summary>
public sealed record CkanOrganizationShown(string Id, string Name, string Title, int PackageCount) : CkanOrganization(Id, Name, Title)
{
    public string DisplayName => Title;
}

public sealed record CkanTag(string Name)
{
    public string DisplayName => Name;
    public string State => "active";
    public string? VocabularyId => null;
}

/// <summary>One of our themes as a CKAN group: <c>business-and-economy</c>, which our importer reads back as the same theme.</summary>
public sealed record CkanGroup(string Name, string Title)
{
    public string Id => Name;
    public string DisplayName => Title;
    public string Description => "";
    public string ImageDisplayUrl => "";
}

public sealed record CkanResource(
    string Id, string PackageId, string Name, string? Description, string Url, string Format, string? Mimetype, long? Size,
    string? LastModified, int Position)
{
    public string State => "active";
}

/// <summary>Turns catalogue entities into CKAN's dictionaries.</summary>
public static class CkanDicts
{
    /// <summary>
    /// CKAN's id for a dataset: the source portal's id when it is a CKAN id (a UUID), so that clients that
    /// knew the dataset there know it here; otherwise our slug, which is as stable.
    /// </summary>
    public static string PackageId(string sourceId, string slug) => IsCkanId(sourceId) ? sourceId : slug;

    public static bool IsCkanId(string id) => Guid.TryParseExact(id, "D", out _);

    /// <summary>The dataset as a package; it needs its details loaded (<see cref="DatasetDetails.WithDetails"/>).</summary>
    public static CkanPackage Package(Dataset dataset)
    {
        var id = PackageId(dataset.SourceId, dataset.Slug);
        return new CkanPackage(
            id, dataset.Slug, dataset.Title, dataset.Description, dataset.LandingPage, dataset.LicenceId,
            dataset.LicenceTitle ?? dataset.LicenceId, dataset.LicenceUrl, dataset.IsOpenLicence,
            Time(dataset.IssuedAt ?? dataset.ImportedAt), Time(dataset.ModifiedAt ?? dataset.ImportedAt),
            dataset.IsWithdrawn ? "deleted" : "active",
            Organization(dataset.Organisation!),
            [.. dataset.KeywordList.Select(k => new CkanTag(k))],
            [.. dataset.Themes.Select(t => t.Theme).Order().Select(t => new CkanGroup(GroupName(t), t.ToText()))],
            [.. dataset.Distributions.OrderBy(d => d.Position).Select(d => new CkanResource(
                IsCkanId(d.SourceId) ? d.SourceId : d.Id.ToString(CultureInfo.InvariantCulture), id, d.Title, d.Description, d.Url, d.Format,
                d.MediaType, d.SizeBytes, d.LastModifiedAt is { } at ? Time(at) : null, d.Position))]);
    }

    public static CkanOrganization Organization(Organisation organisation) => new(organisation.Slug, organisation.Slug, organisation.Name);

    public static string GroupName(Theme theme) => theme.ToCode().Replace('_', '-');

    /// <summary>CKAN's way of writing a time: ISO 8601 in UTC with microseconds and no offset.</summary>
    public static string Time(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
}
