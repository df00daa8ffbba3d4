using System.Globalization;
using Microsoft.AspNetCore.HttpOverrides;

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
        services.Configure<EmailOptions>(builder.Configuration.GetSection("Email"));
        services.AddSingleton<EmailSender>();
        services.AddRazorPages(options => options.RootDirectory = "/Modules");
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "sod_antiforgery";
            options.FormFieldName = "__RequestVerificationToken";
        });
        services.Configure<ForwardedHeadersOptions>(options =>
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));

        builder.AddErrorHandling();
        builder.AddRateLimits();
        builder.AddPublicPageCache();
        builder.AddOperations();
        return builder;
    }

    public static WebApplication UseWebPlatform(this WebApplication app)
    {
        app.UseErrorHandling();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.MapStaticAssets();
        app.UseRouting();
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
}
