using Microsoft.Extensions.Options;

namespace ShapeOpenData.Infrastructure;

/// <summary>
/// Absolute links to the service, for email: from <c>Service:PublicUrl</c> when set, otherwise from the
/// request being answered.
/// </summary>
public sealed class ServiceLinks(IOptions<ServiceOptions> options, IHttpContextAccessor http)
{
    public Uri Absolute(string path)
    {
        var root = options.Value.PublicUrl is { Length: > 0 } configured
            ? configured
            : http.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}{request.PathBase}" : "http://localhost";
        return new Uri(new Uri(root.TrimEnd('/') + "/"), path.TrimStart('/'));
    }
}
