using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Trace;

namespace ShapeOpenData.Infrastructure;

/// <summary>
/// Health endpoints, structured logs, OpenTelemetry (off unless an exporter is configured), shutdown. Logs and traces
/// never carry the secrets some addresses hold (<see cref="SecretsInUrls"/>), nor email subjects.
/// </summary>
public static class Operations
{
    public const string ActivitySourceName = "ShapeOpenData";
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks();
        builder.Services.AddSingleton<SecretsInUrls>();
        RedactingLoggerFactory.Replace(builder.Services);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(20));

        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(options =>
            {
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        var otlpEndpoint = builder.Configuration["OpenTelemetry:Otlp:Endpoint"];
        if (!string.IsNullOrWhiteSpace(otlpEndpoint))
        {
            // A request's trace names its path: without the secret in it (its query is redacted by the instrumentation itself).
            builder.Services.AddOptions<AspNetCoreTraceInstrumentationOptions>().Configure<SecretsInUrls>((options, secrets) =>
                options.EnrichWithHttpRequest = (activity, request) => activity.SetTag("url.path", secrets.Redact(request.Path.Value ?? "")));
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService(ActivitySourceName))
                .WithTracing(tracing => tracing
                    .AddSource(ActivitySourceName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation())
                .WithMetrics(metrics => metrics
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation())
                .UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(otlpEndpoint));
        }
        return builder;
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }
}
