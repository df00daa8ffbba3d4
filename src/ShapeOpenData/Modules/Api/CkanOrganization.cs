namespace ShapeOpenData.Modules.Api;

/// <summary>An organisation as CKAN gives it inside a package or a data request. Its id is our slug: stable, and what people type.</summary>
public record CkanOrganization(string Id, string Name, string Title)
{
    public string Type => "organization";
    public string Description => "";
    public string ImageUrl => "";
    public bool IsOrganization => true;
    public string ApprovalStatus => "approved";
    public string State => "active";
}
