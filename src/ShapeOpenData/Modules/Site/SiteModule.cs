using System.Globalization;
using Microsoft.Extensions.Options;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.Site;

/// <summary>Who to tell about a security problem (<c>SecurityTxt:*</c>), published as RFC 9116's security.txt.</summary>
public sealed class SecurityTxtOptions
{
    public string Contact { get; set; } = "mailto:security@shape-open-data.example";

    /// <summary>How far ahead the file says it expires; RFC 9116 asks for less than a year.</summary>
    public int ExpiresInDays { get; set; } = 180;
}

/// <summary>The service's own pages (start, accessibility, cookies, privacy, errors) and its security.txt.</summary>
public static class SiteModule
{
    public static WebApplicationBuilder AddSite(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SecurityTxtOptions>(builder.Configuration.GetSection("SecurityTxt"));
        return builder;
    }

    public static WebApplication MapSite(this WebApplication app)
    {
        // Written for each request, so its expiry date always lies ahead and never needs a release to renew.
        app.MapGet("/.well-known/security.txt", (IOptions<SecurityTxtOptions> options, IOptions<ServiceOptions> service, TimeProvider clock) =>
        {
            var expires = clock.GetUtcNow().UtcDateTime.Date.AddDays(options.Value.ExpiresInDays);
            var lines = new List<string>
            {
                $"Contact: {options.Value.Contact}",
                $"Expires: {expires.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}",
                "Preferred-Languages: en",
            };
            if (service.Value.PublicUrl is { Length: > 0 } publicUrl)
            {
                lines.Add($"Canonical: {publicUrl.TrimEnd('/')}/.well-known/security.txt");
            }
            return Results.Text(string.Join('\n', lines) + "\n", "text/plain; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }
}
