using System.Text.RegularExpressions;

namespace ShapeOpenData.Infrastructure;

/// <summary>
/// A secret some page carries in its address, like an unsubscribe token: a parameter of its path
/// (<c>/unsubscribe/{token}</c>, secret <c>token</c>) or of the query (secret <c>code</c>, wherever it appears).
/// Each module registers its own (<see cref="SecretsInUrlsExtensions.AddSecretInUrl"/>).
/// </summary>
/// <param name="Template">The page's route, or null for a query parameter on any page.</param>
/// <param name="Parameter">Which parameter is the secret.</param>
public sealed record SecretInUrl(string? Template, string Parameter);

/// <summary>
/// Takes the secrets out of addresses before they are logged or traced: access logs and traces are read by more
/// people, and kept longer, than the secrets they would otherwise hold stay good. Used by every log line (see
/// <see cref="RedactingLoggerFactory"/>) and by the request traces (<see cref="Operations"/>).
/// </summary>
public sealed partial class SecretsInUrls
{
    public const string Redacted = "[redacted]";

    private readonly IReadOnlyList<Regex> _patterns;

    public SecretsInUrls(IEnumerable<SecretInUrl> secrets) => _patterns = [.. secrets.Select(PatternOf)];

    /// <summary>The text with every registered secret in it replaced; the same instance when there is none.</summary>
    public string Redact(string text)
    {
        foreach (var pattern in _patterns)
        {
            text = pattern.Replace(text, "${before}" + Redacted);
        }
        return text;
    }

    // Up to the next separator of a path, a query or a log line.
    private const string Value = """[^/?&#\s"'<>]+""";
    private const string QueryValue = """[^&#\s"'<>\],)]+""";

    private static Regex PatternOf(SecretInUrl secret)
    {
        if (secret.Template is null)
        {
            // In a query (?code=…&), and as routing logs route values: (userId=[1],code=[…]). Decoded, it may hold / + =.
            return new Regex($"(?<before>(?<![\\w.%-]){Regex.Escape(secret.Parameter)}=\\[?){QueryValue}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }
        // "/groups/{slug}/invitations/{token}" with secret token: (?<before>groups/[^/…]+/invitations/)[^/…]+, the path
        // with or without its first slash (routing logs route values without it), not inside a longer word.
        var segments = secret.Template.Trim('/').Split('/');
        var at = Array.FindIndex(segments, segment => ParameterName(segment) == secret.Parameter);
        if (at < 0)
        {
            throw new ArgumentException($"'{secret.Template}' has no parameter '{secret.Parameter}'", nameof(secret));
        }
        var before = string.Concat(segments[..at].Select(segment => (ParameterName(segment) is null ? Regex.Escape(segment) : Value) + "/"));
        return new Regex($"(?<before>(?<![\\w.%-]){before}){Value}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    private static string? ParameterName(string segment) =>
        RouteParameter().Match(segment) is { Success: true } parameter ? parameter.Groups["name"].Value : null;

    [GeneratedRegex(@"^\{(?<name>[A-Za-z]+)(:[^}]*)?\}$")]
    private static partial Regex RouteParameter();
}

public static class SecretsInUrlsExtensions
{
    /// <summary>Says that <paramref name="parameter"/> of the page at <paramref name="template"/> (or, with no template, of any query) is a secret.</summary>
    public static IServiceCollection AddSecretInUrl(this IServiceCollection services, string? template, string parameter)
    {
        services.AddSingleton(new SecretInUrl(template, parameter));
        return services;
    }
}
