using System.ServiceModel.Syndication;
using System.Xml;
using Microsoft.Extensions.Options;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.Updates;

/// <summary><c>/updates.atom</c>: the newest policy updates, for feed readers, each with its summary and tags.</summary>
public static class UpdateFeeds
{
    private const int AtomEntries = 50;

    public static void Map(WebApplication app) => app.MapGet("/updates.atom", AtomAsync).ExcludeFromDescription();

    private static async Task AtomAsync(HttpContext context, UpdateReadModel updates, ServiceLinks links, IOptions<ServiceOptions> service, CancellationToken cancellationToken)
    {
        var entries = await updates.SummariesAsync(updates.Filtered(new UpdateFilter()).Take(AtomEntries), cancellationToken);
        var feed = new SyndicationFeed($"{service.Value.Name}: policy updates", "Policy updates from the programme team and publishers.", links.Absolute("/updates"))
        {
            Id = links.Absolute("/updates.atom").ToString(),
            LastUpdatedTime = entries.Count > 0 ? new DateTimeOffset(entries.Max(e => e.UpdatedAt), TimeSpan.Zero) : DateTimeOffset.UnixEpoch,
            Items = [.. entries.Select(e =>
            {
                var item = new SyndicationItem(e.Title, e.Summary, links.Absolute(e.Url), links.Absolute(e.Url).ToString(), new DateTimeOffset(e.UpdatedAt, TimeSpan.Zero))
                {
                    PublishDate = new DateTimeOffset(e.PublishedAt, TimeSpan.Zero),
                };
                item.Authors.Add(new SyndicationPerson { Name = e.Organisation.Name });
                foreach (var tag in e.Tags)
                {
                    item.Categories.Add(new SyndicationCategory(tag));
                }
                return item;
            })],
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(links.Absolute("/updates.atom"), "application/atom+xml"));
        context.Response.ContentType = "application/atom+xml; charset=utf-8";
        await using var writer = XmlWriter.Create(context.Response.Body, new XmlWriterSettings { Async = true, Indent = true });
        new Atom10FeedFormatter(feed).WriteTo(writer);
        await writer.FlushAsync();
    }
}
