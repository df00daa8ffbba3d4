using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ShapeOpenData.Infrastructure;

public sealed class RateLimitOptions
{
    /// <summary>Off only for load tests: <c>RateLimits:Enabled=false</c>.</summary>
    public bool Enabled { get; set; } = true;
    public int SignInPerIpPerFiveMinutes { get; set; } = 20;
    public int WritesPerPersonPerMinute { get; set; } = 60;
    public int ApiReadsPerIpPerMinute { get; set; } = 600;
}

/// <summary>
/// Every write (any unsafe method) is limited per person, or per address when nobody is signed in;
/// anonymous API reads per address; sign-in, registration and password reset more tightly through the
/// <see cref="Authentication"/> policy that those pages opt into.
/// </summary>
public static class RateLimits
{
    public const string Authentication = "authentication";

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new();
        builder.Services.AddSingleton(options);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter =
                        ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                return ValueTask.CompletedTask;
            };

            limiter.AddPolicy(Authentication, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter("auth:" + ClientAddress(context), _ => new()
                {
                    PermitLimit = options.SignInPerIpPerFiveMinutes,
                    Window = TimeSpan.FromMinutes(5),
                })
                : RateLimitPartition.GetNoLimiter(""));

            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var method = context.Request.Method;
                if (context.Request.Path.StartsWithSegments("/error"))
                {
                    // The error page itself, shown after a refusal, is never refused.
                    return RateLimitPartition.GetNoLimiter("");
                }
                if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method) && !IsCkanRead(context))
                {
                    return RateLimitPartition.GetTokenBucketLimiter("write:" + Person(context), _ => new()
                    {
                        TokenLimit = options.WritesPerPersonPerMinute,
                        TokensPerPeriod = options.WritesPerPersonPerMinute,
                        ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    });
                }
                if (context.Request.Path.StartsWithSegments("/api") && context.User.Identity?.IsAuthenticated != true)
                {
                    return RateLimitPartition.GetFixedWindowLimiter("read:" + ClientAddress(context), _ => new()
                    {
                        PermitLimit = options.ApiReadsPerIpPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                    });
                }
                return RateLimitPartition.GetNoLimiter("");
            });
        });
        return builder;
    }

    public static IApplicationBuilder UseRateLimits(this WebApplication app) =>
        app.Services.GetRequiredService<RateLimitOptions>().Enabled ? app.UseRateLimiter() : app;

    /// <summary>CKAN's Action API is read-only here, but its clients (ckanapi) POST every call: count those as reads.</summary>
    private static bool IsCkanRead(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api/3/action") || context.Request.Path.StartsWithSegments("/api/action");

    private static string Person(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? "person:" + id : ClientAddress(context);

    private static string ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
