using System.Globalization;
using System.Text.Json;

namespace ShapeOpenData.Modules.Api;

/// <summary>
/// The parameters of one CKAN action call, read as CKAN reads them: from the query string of a GET, or from
/// the JSON object (or form) posted. Values are kept as text, as CKAN's validators see them.
/// </summary>
public sealed class CkanParameters(IReadOnlyDictionary<string, string> values)
{
    /// <summary>
    /// The most a POSTed body may hold. A CKAN call is a few parameters: a search with every term allowed fits in a
    /// tenth of this. Anyone may call, hundreds of times a minute, so a body is never read past it.
    /// </summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <exception cref="CkanValidationException">The body is larger than <see cref="MaxBodyBytes"/> (413).</exception>
    public static async Task<CkanParameters> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (HttpMethods.IsGet(request.Method))
        {
            return new(request.Query.ToDictionary(q => q.Key, q => q.Value.FirstOrDefault() ?? "", StringComparer.Ordinal));
        }
        var body = await ReadBodyAsync(request, cancellationToken);
        if (request.HasFormContentType)
        {
            request.Body = body;
            var form = await request.ReadFormAsync(cancellationToken);
            return new(form.ToDictionary(f => f.Key, f => f.Value.FirstOrDefault() ?? "", StringComparer.Ordinal));
        }
        using var reader = new StreamReader(body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new(new Dictionary<string, string>());
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException invalid)
        {
            throw new CkanBadRequestException($"JSON Error: Error decoding JSON data. Error: {invalid.Message}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new CkanBadRequestException($"JSON Error: Request data JSON decoded to {document.RootElement.ValueKind} but it needs to be a dictionary.");
            }
            return new(document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString()!,
                JsonValueKind.Null => "",
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => p.Value.GetRawText(),
            }, StringComparer.Ordinal));
        }
    }

    /// <summary>
    /// The body, read into memory up to <see cref="MaxBodyBytes"/>: a larger one is refused as soon as its declared length
    /// or its first byte past the limit shows it, so a caller cannot make the service read or hold more.
    /// </summary>
    private static async Task<MemoryStream> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            throw BodyTooLarge();
        }
        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }
        return length > MaxBodyBytes ? throw BodyTooLarge() : new MemoryStream(buffer, 0, length, writable: false);
    }

    private static CkanValidationException BodyTooLarge() => new(
        new Dictionary<string, object> { ["message"] = $"The request body is too large: send at most {MaxBodyBytes / 1024} KB" },
        StatusCodes.Status413PayloadTooLarge);

    /// <summary>The value, or null when it is missing or blank (CKAN's <c>ignore_missing</c>).</summary>
    public string? Text(string name) => values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>The <c>id</c> most actions need: missing is a validation error, as CKAN's <c>get_or_bust</c> says.</summary>
    public string Required(string name) =>
        Text(name) ?? throw CkanValidationException.Field(name, "Missing value");

    /// <summary>A whole number of 0 or more (CKAN's <c>natural_number_validator</c>), or the default when not given.</summary>
    /// <param name="maximum">The most it may be: more is an error too (an offset, bounded as far as any list may be read).</param>
    public int NaturalNumber(string name, int fallback, Dictionary<string, object> errors, int maximum = int.MaxValue)
    {
        if (Text(name) is not { } text)
        {
            return fallback;
        }
        if (!decimal.TryParse(text, NumberStyles.Integer | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || number != decimal.Truncate(number) || number > int.MaxValue || number < int.MinValue)
        {
            errors[name] = new[] { "Invalid integer" };
            return fallback;
        }
        if (number < 0)
        {
            errors[name] = new[] { "Must be a natural number" };
            return fallback;
        }
        if (number > maximum)
        {
            errors[name] = new[] { $"Must be at most {maximum}" };
            return fallback;
        }
        return (int)number;
    }

    /// <summary>True for what CKAN's <c>boolean_validator</c> counts as true; null when not given.</summary>
    public bool? Boolean(string name) =>
        Text(name) is { } text ? text.ToLowerInvariant() is "true" or "yes" or "t" or "y" or "1" : null;
}

/// <summary>
/// CKAN's <c>ValidationError</c>: 409, with each field and what is wrong with it, or a lone <c>message</c> when
/// the action raised it with text rather than fields. A request too big to run is answered in the same shape with
/// 400 (too many search terms) or 413 (too large a body), which CKAN's server in front would give.
/// </summary>
public sealed class CkanValidationException(IReadOnlyDictionary<string, object> errors, int status = StatusCodes.Status409Conflict) : Exception("Validation Error")
{
    public IReadOnlyDictionary<string, object> Errors { get; } = errors;

    public int Status { get; } = status;

    public static CkanValidationException Field(string name, string problem) => new(new Dictionary<string, object> { [name] = new[] { problem } });

    /// <summary>A parameter asking for more work than a call may (400).</summary>
    public static CkanValidationException TooBig(string name, string problem) =>
        new(new Dictionary<string, object> { [name] = new[] { problem } }, StatusCodes.Status400BadRequest);

    public static CkanValidationException Text(string message) => new(new Dictionary<string, object> { ["message"] = message });
}

/// <summary>CKAN's <c>NotFound</c>: 404. CKAN adds its detail to "Not found" when there is one.</summary>
public sealed class CkanNotFoundException(string? detail = null) : Exception(detail is null ? "Not found" : $"Not found: {detail}");

/// <summary>CKAN's errors from the search engine: a query it cannot run.</summary>
/// <param name="type">CKAN's <c>__type</c>: "Search Query Error" (400) or "Search Error" (409).</param>
public sealed class CkanSearchException(string type, string message) : Exception(message)
{
    public string Type { get; } = type;
}

/// <summary>A request CKAN refuses before calling any action: 400 with the message as a JSON string.</summary>
public sealed class CkanBadRequestException(string message) : Exception(message);
