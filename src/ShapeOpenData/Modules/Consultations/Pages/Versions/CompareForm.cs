namespace ShapeOpenData.Modules.Consultations.Pages.Versions;

/// <summary>The form that picks two versions to compare, on the list of versions and above a comparison.</summary>
public sealed record CompareForm(string Address, IReadOnlyList<VersionRow> Versions, int From, int To);
