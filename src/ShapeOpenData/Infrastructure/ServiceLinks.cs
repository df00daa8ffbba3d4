using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ShapeOpenData.Infrastructure;

/// <summary>
/// Absolute links to the service, for email, feeds and linked data: always on <c>Service:PublicUrl</c>, never on the
/// request's Host header, which whoever sends the request chooses (a forged Host would otherwise make the service
/// email a genuine password reset link pointing at someone else's site). Development and test runs without the
/// setting link to the address the service itself listens on (or, before it listens, will listen on: <c>--urls</c>).
/// </summary>
public sealed class ServiceLinks(IOptions<ServiceOptions> options, IServer server, IConfiguration configuration)
{
    private readonly Uri? _configured = PublicAddress.Parse(options.Value.PublicUrl);

    /// <summary>The service's address, ending in a slash.</summary>
    public Uri Root => _configured ?? ListeningAddress();

    public Uri Absolute(string path) => new(Root, path.TrimStart('/'));

    /// <summary>
    /// Where Kestrel listens once it has started, or before that where it was told to (demo content is written first);
    /// a wildcard as localhost; without either, or in process, http://localhost/.
    /// </summary>
    private Uri ListeningAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return Uri.TryCreate(address?.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
                   .Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal),
                   UriKind.Absolute, out var listening)
            ? new Uri(listening.GetLeftPart(UriPartial.Authority) + "/")
            : new Uri("http://localhost/");
    }
}

/// <summary>
/// The rules for <c>Service:PublicUrl</c>: an absolute http or https address with nothing after the path; required,
/// and https, outside Development and Testing, so that start-up fails with a clear message rather than sending email
/// with links on whatever address a request claimed.
/// </summary>
public sealed class PublicAddress(IHostEnvironment environment) : IValidateOptions<ServiceOptions>
{
    public static Uri? Parse(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
            ? new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/")
            : null;

    public ValidateOptionsResult Validate(string? name, ServiceOptions options)
    {
        var localRun = environment.IsDevelopment() || environment.IsEnvironment("Testing");
        if (string.IsNullOrWhiteSpace(options.PublicUrl))
        {
            return localRun ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(
                "Service:PublicUrl is not set. Set it to the https address people reach the service at, like https://shape-open-data.example.gov.uk " +
                "(environment variable Service__PublicUrl): links in email are made from it, never from the request.");
        }
        if (Parse(options.PublicUrl) is not { } address)
        {
            return ValidateOptionsResult.Fail($"Service:PublicUrl '{options.PublicUrl}' is not an absolute http or https address without a query, like https://shape-open-data.example.gov.uk");
        }
        return localRun || address.Scheme == Uri.UriSchemeHttps ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Service:PublicUrl '{options.PublicUrl}' must be an https address outside Development and Testing");
    }
}
