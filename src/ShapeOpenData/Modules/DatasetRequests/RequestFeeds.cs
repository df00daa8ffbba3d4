using System.Security.Claims;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>
/// The open record: <c>/requests.atom</c> (newest changes), and every public request as <c>/requests.csv</c> and
/// <c>/requests.json</c>. Only public requests appear, whoever asks: not private ones, nor those a moderator has hidden.
/// </summary>
public static partial class RequestFeeds
{
    private static readonly ClaimsPrincipal Public = new();

    /// <param name="Id">The request's number.</param>
    /// <param name="Url">Its page.</param>
    [CsvRecord]
    public sealed partial record Row(
        int Id, string Title, string State, string? Outcome, string? Organisation, string? OrganisationName, string Regime,
        int SupportCount, DateOnly DueOn, bool Overdue, DateTime CreatedAt, DateTime UpdatedAt, string Url);

    public static void Map(WebApplication app)
    {
        app.MapGet("/requests.atom", AtomAsync).ExcludeFromDescription();
        app.MapGet("/requests.csv", CsvAsync).ExcludeFromDescription();
        app.MapGet("/requests.json", JsonAsync).ExcludeFromDescription();
    }

    private static async Task AtomAsync(HttpContext context, AppDbContext db, ServiceLinks links, CancellationToken cancellationToken)
    {
        // Newest events first, each checked against its request: the database walks back from the newest
        // event and stops at fifty, whatever the number of requests.
        var changes = await db.RequestEvents
            .Where(e => db.DatasetRequests.Where(DatasetRequestPermissions.VisibleTo(Public)).Any(r => r.Id == e.RequestId))
            .OrderByDescending(e => e.Id)
            .Select(e => new { e.Id, e.Kind, e.State, e.At, e.Note, Title = db.DatasetRequests.Where(r => r.Id == e.RequestId).Select(r => r.Title).First(), e.RequestId })
            .Take(50).ToListAsync(cancellationToken);
        var feed = new SyndicationFeed("Shape open data: dataset requests", "The newest changes to requests for data.", links.Absolute("/requests"))
        {
            Id = links.Absolute("/requests.atom").ToString(),
            LastUpdatedTime = changes.Count > 0 ? new DateTimeOffset(changes[0].At, TimeSpan.Zero) : DateTimeOffset.UnixEpoch,
            Items = [.. changes.Select(c => new SyndicationItem(
                $"{c.Kind.ToText()}: {c.Title}",
                $"{c.Kind.ToText()}. The request is now {c.State.ToText().ToLowerInvariant()}.{(c.Note is null ? "" : " " + c.Note)}",
                links.Absolute($"/requests/{c.RequestId}"),
                $"{links.Absolute($"/requests/{c.RequestId}")}#event-{c.Id}",
                new DateTimeOffset(c.At, TimeSpan.Zero)))],
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(links.Absolute("/requests.atom"), "application/atom+xml"));
        context.Response.ContentType = "application/atom+xml; charset=utf-8";
        await using var writer = XmlWriter.Create(context.Response.Body, new XmlWriterSettings { Async = true, Indent = true });
        new Atom10FeedFormatter(feed).WriteTo(writer);
        await writer.FlushAsync();
    }

    private static async Task CsvAsync(HttpContext context, RequestQueries queries, TimeProvider clock, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"requests.csv\"";
        await using var csv = CsvWriter.Create(context.Response.Body, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        await csv.WriteRecordsAsync(RowsAsync(queries, clock.Today()), cancellationToken);
    }

    private static async Task JsonAsync(HttpContext context, RequestQueries queries, TimeProvider clock, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, RowsAsync(queries, clock.Today()), JsonSerializerOptions.Web, cancellationToken);
    }

    private static async IAsyncEnumerable<Row> RowsAsync(RequestQueries queries, DateOnly today)
    {
        await foreach (var r in queries.AllAsync(Public))
        {
            yield return new Row(r.Id, r.Title, r.State.ToCode(), r.Outcome?.ToCode(), r.OrganisationSlug, r.OrganisationName, r.RegimeCode,
                r.SupportCount, r.DueOn, r.IsOverdue(today), r.CreatedAt, r.UpdatedAt, $"/requests/{r.Id}");
        }
    }
}
