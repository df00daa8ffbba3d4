using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace ShapeOpenData.Infrastructure;

/// <summary>
/// What every module stands on: Razor Pages rooted at <c>/Modules</c>, time, email, errors, security headers,
/// rate limits and operations. The middleware order is here, once.
/// </summary>
public static class WebPlatform
{
    public static WebApplicationBuilder AddWebPlatform(this WebApplicationBuilder builder)
    {
        // The service speaks British English: dates read "21 January 2027".
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("en-GB");

        // Serve static files (and their compressed copies) from a build as well as from a publish, in any
        // environment: tests and benchmarks run builds outside Development. A no-op when published.
        builder.WebHost.UseStaticWebAssets();

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.Configure<ServiceOptions>(builder.Configuration.GetSection("Service"));
        services.AddSingleton<IValidateOptions<ServiceOptions>, PublicAddress>();
        services.AddSingleton<ServiceLinks>();
        services.Configure<EmailOptions>(builder.Configuration.GetSection("Email"));
        services.AddSingleton<EmailSender>();
        services.AddRazorPages(options => options.RootDirectory = "/Modules");
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "sod_antiforgery";
            options.FormFieldName = "__RequestVerificationToken";
        });
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        builder.AddPublicAddress();

        builder.AddErrorHandling();
        builder.AddRateLimits();
        builder.AddPublicPageCache();
        builder.AddOperations();
        return builder;
    }

    public static WebApplication UseWebPlatform(this WebApplication app)
    {
        // Checked now so that the service does not start without an address to put in its email (Service:PublicUrl).
        _ = app.Services.GetRequiredService<IOptions<ServiceOptions>>().Value;
        if (app.Configuration.GetValue<bool>("ForwardedHeaders:Enabled"))
        {
            app.UseForwardedHeaders();
        }
        app.UseErrorHandling();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.MapStaticAssets();
        app.UseRouting();
        app.UsePageBodyLimit();
        app.UseAuthentication();
        app.UseRateLimits();
        app.UseOutputCache();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapWebPlatform(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapOperations();
        return app;
    }

    /// <summary>
    /// What follows from where the service is reached: only requests for that host are answered (host filtering, unless
    /// <c>AllowedHosts</c> lists hosts itself); a proxy's X-Forwarded-For and -Proto are believed only when
    /// <c>ForwardedHeaders:Enabled</c> is set, and only from the proxies listed (<c>ForwardedHeaders:KnownProxies</c>,
    /// <c>KnownNetworks</c>; loopback otherwise); and behind https every cookie is Secure.
    /// </summary>
    private static void AddPublicAddress(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var publicUrl = PublicAddress.Parse(configuration["Service:PublicUrl"]);
        if (publicUrl is not null && string.IsNullOrWhiteSpace(configuration["AllowedHosts"]))
        {
            builder.Services.Configure<HostFilteringOptions>(options => options.AllowedHosts = [publicUrl.IdnHost]);
        }

        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
            foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        // Served over https, the sign-in cookies are marked Secure whatever the request looked like to the service, so a
        // proxy that ends TLS without saying so cannot make them travel in clear. Local runs on http keep them as the
        // request came. (The antiforgery cookie, no credential, stays as the request came: made Always, it refuses every
        // form seen over http.)
        var secure = publicUrl?.Scheme == Uri.UriSchemeHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        builder.Services.PostConfigureAll<CookieAuthenticationOptions>(options => options.Cookie.SecurePolicy = secure);
    }
}
