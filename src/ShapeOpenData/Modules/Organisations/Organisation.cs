using System.ComponentModel.DataAnnotations;

namespace ShapeOpenData.Modules.Organisations;

/// <summary>A public body that holds data: requests are assigned to it and it publishes datasets.</summary>
public sealed partial class Organisation
{
    /// <summary>Where datasets whose catalogue record names no publisher are listed (CKAN allows it, and many portals have them).</summary>
    public const string NotStatedSlug = "publisher-not-stated";
    public const string NotStatedName = "Publisher not stated";

    public int Id { get; set; }

    /// <summary>Stable and used in addresses: <c>/organisations/department-for-transport</c>.</summary>
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Abbreviation { get; set; }
    public OrganisationKind Kind { get; set; }
    public int? ParentId { get; set; }
    public Organisation? Parent { get; set; }
    public string? Website { get; set; }

    /// <summary>Where formal information requests go: an email address or a web page.</summary>
    public string? FoiContact { get; set; }

    public string ShortName => Abbreviation ?? Name;
}

public enum OrganisationKind
{
    [Display(Name = "Ministerial department")] MinisterialDepartment,
    [Display(Name = "Non-ministerial department")] NonMinisterialDepartment,
    [Display(Name = "Public body")] PublicBody,
    [Display(Name = "Local authority")] LocalAuthority,
    [Display(Name = "Other")] Other,
}
