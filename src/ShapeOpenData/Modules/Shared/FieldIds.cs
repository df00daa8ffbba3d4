namespace ShapeOpenData.Modules.Shared;

/// <summary>
/// The element id of a form field, from its model-state key. Fields and the error summary both use it,
/// so every error links to its field.
/// </summary>
public static class FieldIds
{
    public static string For(string key) => key.Replace('.', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal);
}
