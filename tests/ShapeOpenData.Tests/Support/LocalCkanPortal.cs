using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ShapeOpenData.Tests.Support;

/// <summary>One request the portal answered: what was asked, and the status it was given.</summary>
public sealed record CkanCall(string Path, int? Rows, int? Start, string? Sort, int Status);

/// <summary>
/// A CKAN portal on 127.0.0.1: a real HTTP server (Kestrel, random port) answering
/// <c>/api/3/action/package_search</c> from a list of packages, paged by <c>rows</c> and <c>start</c> as CKAN
/// pages them, and failing as portals do when told to. Any other address is an HTML "page not found".
/// </summary>
public sealed class LocalCkanPortal : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<CkanCall> _calls = new();
    private readonly ConcurrentDictionary<int, int> _failOnceAt = new();
    private readonly string? _source;
    private volatile IReadOnlyList<JsonObject> _packages;

    private LocalCkanPortal(IEnumerable<JsonObject> packages, string? source)
    {
        _packages = [.. packages];
        _source = source;
        var builder = WebApplication.CreateSlimBuilder();
        // Not the service's appsettings.json, which sits beside the tests.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(AnswerAsync);
    }

    /// <param name="source">
    /// The host its answers name in their <c>help</c> link, which the catalogue records as the source of the datasets
    /// (a complete import withdraws the source's other datasets); by default this server's own.
    /// </param>
    public static async Task<LocalCkanPortal> StartAsync(IEnumerable<JsonObject> packages, string? source = null)
    {
        var portal = new LocalCkanPortal(packages, source);
        await portal._app.StartAsync();
        return portal;
    }

    /// <summary>The portal's home, like <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address => new(_app.Urls.Single().TrimEnd('/') + "/");

    public IReadOnlyList<CkanCall> Calls => [.. _calls];

    /// <summary>Replaces what the portal lists, as a publisher's changes would.</summary>
    public void List(IEnumerable<JsonObject> packages) => _packages = [.. packages];

    /// <summary>The first request for the page starting at <paramref name="start"/> gets a 503.</summary>
    public void FailOnceAt(int start) => _failOnceAt[start] = 1;

    /// <summary>Every request gets this status with an HTML error page, as a portal that is down does.</summary>
    public int? AlwaysFailWith { get; set; }

    /// <summary>Every request is redirected (302) to the same path and query on this address, as a portal that moved is.</summary>
    public Uri? RedirectTo { get; set; }

    private async Task AnswerAsync(HttpContext context)
    {
        var query = context.Request.Query;
        int? Number(string name) => int.TryParse(query[name], CultureInfo.InvariantCulture, out var n) ? n : null;
        var (rows, start) = (Number("rows"), Number("start"));
        var path = context.Request.Path.Value ?? "";

        var status = RedirectTo is not null ? 302
            : path != "/api/3/action/package_search" ? 404
            : AlwaysFailWith is { } failure ? failure
            : _failOnceAt.TryRemove(start ?? 0, out _) ? 503
            : 200;
        // Noted before answering, so a test that has its answer sees the call.
        _calls.Enqueue(new CkanCall(path, rows, start, query["sort"], status));
        if (RedirectTo is { } moved)
        {
            context.Response.Redirect(new Uri(moved, path + context.Request.QueryString).ToString());
            return;
        }
        if (status != 200)
        {
            await HtmlAsync(context, status, status == 404 ? "Page not found" : "Sorry, the service is unavailable");
            return;
        }
        var packages = _packages;
        var results = new JsonArray([.. packages.Skip(start ?? 0).Take(rows ?? 10).Select(p => (JsonNode)p.DeepClone())]);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject
        {
            ["help"] = $"{(_source is null ? Address.ToString() : $"https://{_source}/")}api/3/action/help_show?name=package_search",
            ["success"] = true,
            ["result"] = new JsonObject { ["count"] = packages.Count, ["sort"] = query["sort"].ToString(), ["results"] = results },
        }.ToJsonString());
    }

    private static Task HtmlAsync(HttpContext context, int status, string title)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync($"<!DOCTYPE html><html lang=\"en\"><head><title>{title}</title></head><body><h1>{title}</h1></body></html>");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
