namespace ShapeOpenData.Modules.Shared;

/// <summary>
/// A rule refused the change; the message says why, in words for the person who tried. Pages show it in the
/// error summary; the API answers 409 with it as the problem's detail (both mapped in <c>Infrastructure/Errors</c>
/// for anything an endpoint does not handle itself; pages show it through <c>PageChanges</c>).
/// </summary>
public class RuleException(string message) : Exception(message);

/// <summary>The item does not exist, or the person may not see it (so they cannot tell which): 404.</summary>
public sealed class NotFoundException(string message = "There is no such thing") : Exception(message);

/// <summary>The person may see the item but not do this to it: 403.</summary>
public sealed class ForbiddenException(string message = "You cannot do that") : Exception(message);

/// <summary>
/// A broken rule about one thing the person gave, like a text too long: pages show it as any broken rule, and the API
/// answers 400 naming <see cref="Field"/> (as the API's bodies name it) rather than 409.
/// </summary>
public sealed class FieldRuleException(string field, string message) : RuleException(message)
{
    public string Field { get; } = field;

    /// <summary>The text, trimmed, or null when there is none; refused when longer than <paramref name="maxLength"/>.</summary>
    /// <param name="name">What the text is, as a sentence starts: "The note".</param>
    public static string? Limit(string? text, int maxLength, string field, string name)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null
            : trimmed.Length > maxLength ? throw new FieldRuleException(field, $"{name} must be {maxLength} characters or fewer")
            : trimmed;
    }
}
