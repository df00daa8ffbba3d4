using System.ServiceModel.Syndication;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.Consultations;

/// <summary><c>/consultations.atom</c>: consultations as they open, and their outcomes as they are published. The same for everyone: drafts never appear.</summary>
public static class ConsultationFeeds
{
    private const int AtomEntries = 50;

    public static void Map(WebApplication app) => app.MapGet("/consultations.atom", AtomAsync).ExcludeFromDescription();

    private sealed record Entry(string Anchor, string Title, string Summary, string Slug, DateTime At);

    private static async Task AtomAsync(HttpContext context, AppDbContext db, ServiceLinks links, CancellationToken cancellationToken)
    {
        var published = db.Consultations.AsNoTracking().Where(c => c.OpenedAt != null);
        var opened = await published.OrderByDescending(c => c.OpenedAt).Take(AtomEntries)
            .Select(c => new { c.Slug, c.Title, c.Summary, c.ClosesOn, OpenedAt = c.OpenedAt!.Value }).ToListAsync(cancellationToken);
        var outcomes = await published.Where(c => c.State == ConsultationState.OutcomePublished).OrderByDescending(c => c.Outcome!.PublishedAt).Take(AtomEntries)
            .Select(c => new { c.Slug, c.Title, c.Outcome!.PublishedAt }).ToListAsync(cancellationToken);
        var entries = opened.Select(c => new Entry("opened", $"Consultation open: {c.Title}", $"Open until the end of {c.ClosesOn:d MMMM yyyy}. {Plain(c.Summary)}", c.Slug, c.OpenedAt))
            .Concat(outcomes.Select(c => new Entry("outcome", $"Outcome published: {c.Title}", "We asked, you said, we did: what people said and what changed because of it.", c.Slug, c.PublishedAt)))
            .OrderByDescending(e => e.At).Take(AtomEntries).ToList();

        var feed = new SyndicationFeed("Shape open data: consultations", "Draft policies open for comment, and what changed because of what people said.", links.Absolute("/consultations"))
        {
            Id = links.Absolute("/consultations.atom").ToString(),
            LastUpdatedTime = entries.Count > 0 ? new DateTimeOffset(entries[0].At, TimeSpan.Zero) : DateTimeOffset.UnixEpoch,
            Items = [.. entries.Select(e => new SyndicationItem(e.Title, e.Summary,
                links.Absolute(e.Anchor == "outcome" ? $"/consultations/{e.Slug}/outcome" : $"/consultations/{e.Slug}"),
                $"{links.Absolute($"/consultations/{e.Slug}")}#{e.Anchor}", new DateTimeOffset(e.At, TimeSpan.Zero)))],
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(links.Absolute("/consultations.atom"), "application/atom+xml"));
        context.Response.ContentType = "application/atom+xml; charset=utf-8";
        await using var writer = XmlWriter.Create(context.Response.Body, new XmlWriterSettings { Async = true, Indent = true });
        new Atom10FeedFormatter(feed).WriteTo(writer);
        await writer.FlushAsync();
    }

    private static string Plain(string markdown) => Markdig.Markdown.ToPlainText(markdown).Trim();
}
