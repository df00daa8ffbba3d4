using Microsoft.AspNetCore.OutputCaching;

namespace ShapeOpenData.Infrastructure;

public sealed class PublicPageCacheOptions
{
    /// <summary>How long an anonymous page or API read may be served again, in seconds: a change reaches readers within
    /// this plus one rendering, well inside the promised second. 0 turns it off.</summary>
    public double Seconds { get; set; } = 0.5;
}

/// <summary>
/// Anonymous readers of the same page within half a second share one rendering. People who are signed in, or
/// use an API token, or have a message waiting for them, always get a fresh page: what they just did shows
/// on their next page. Responses that set a cookie (forms with antiforgery tokens) are never shared.
/// </summary>
public static class PublicPageCache
{
    public static WebApplicationBuilder AddPublicPageCache(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("PublicPageCache").Get<PublicPageCacheOptions>() ?? new();
        builder.Services.AddOutputCache(cache =>
        {
            cache.SizeLimit = 16 * 1024 * 1024;
            if (options.Seconds <= 0)
            {
                return;
            }
            cache.AddBasePolicy(policy => policy
                .With(context => !context.HttpContext.Request.Cookies.ContainsKey(Flash) && !context.HttpContext.Request.Path.StartsWithSegments("/health"))
                .Expire(TimeSpan.FromSeconds(options.Seconds)));
        });
        return builder;
    }

    /// <summary>The cookie that carries a one-off message to the next page.</summary>
    public const string Flash = "sod_flash";
}
