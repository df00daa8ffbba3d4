using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.Commitments;

/// <summary>
/// Every commitment as open data — <c>/commitments.csv</c> (one row each) and <c>/commitments.json</c> (the API's shape,
/// with milestones, updates and assessments) — and <c>/commitments.atom</c>: new commitments, progress, milestones met
/// and assessments as they happen.
/// </summary>
public static partial class CommitmentFeeds
{
    private const int AtomEntries = 50;

    public static void Map(WebApplication app)
    {
        app.MapGet("/commitments.csv", CsvAsync).ExcludeFromDescription();
        app.MapGet("/commitments.json", JsonAsync).ExcludeFromDescription();
        app.MapGet("/commitments.atom", AtomAsync).ExcludeFromDescription();
    }

    [CsvRecord]
    public sealed partial record Row(
        string Reference, string Title, string Plan, string LeadOrganisation, string SupportingOrganisations, DateOnly StartsOn, DateOnly EndsOn,
        string Completion, bool Overdue, bool Starred, int Milestones, int MilestonesMet, int MilestonesOverdue, DateOnly? LatestUpdate,
        string? LatestAssessment, string Url);

    private static async Task CsvAsync(HttpContext context, CommitmentReadModel commitments, CancellationToken cancellationToken)
    {
        var rows = (await commitments.ReadAsync(commitments.Filtered(new CommitmentFilter()), cancellationToken)).Select(c => new Row(
            c.Reference, c.Title, c.Plan.Slug, c.LeadOrganisation.Slug, string.Join(' ', c.SupportingOrganisations.Select(o => o.Slug)), c.StartsOn, c.EndsOn,
            c.Completion, c.Overdue, c.Starred, c.Milestones.Count, c.Milestones.Count(m => m.State == "met"), c.Milestones.Count(m => m.Overdue),
            c.Updates.Count > 0 ? c.Updates[0].ReportedOn : null, c.Assessments.Count > 0 ? $"{c.Assessments[0].Kind} {c.Assessments[0].AssessedOn:yyyy-MM-dd}" : null, c.Url));
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"commitments.csv\"";
        await using var csv = CsvWriter.Create(context.Response.Body, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        await csv.WriteRecordsAsync(rows.ToAsyncEnumerable(), cancellationToken);
    }

    private static async Task JsonAsync(HttpContext context, CommitmentReadModel commitments, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body,
            await commitments.ReadAsync(commitments.Filtered(new CommitmentFilter()), cancellationToken), JsonSerializerOptions.Web, cancellationToken);
    }

    private sealed record Entry(string Id, string Title, string Summary, string Reference, string Anchor, DateTime At);

    private static async Task AtomAsync(HttpContext context, AppDbContext db, ServiceLinks links, CancellationToken cancellationToken)
    {
        var added = await db.Commitments.AsNoTracking().OrderByDescending(c => c.CreatedAt).Take(AtomEntries)
            .Select(c => new Entry("added-" + c.Id, "New commitment " + c.Reference + ": " + c.Title, "", c.Reference, "", c.CreatedAt))
            .ToListAsync(cancellationToken);
        var updates = await (
                from u in db.ProgressUpdates.AsNoTracking()
                join c in db.Commitments on u.CommitmentId equals c.Id
                orderby u.PostedAt descending
                select new Entry("update-" + u.Id, "Progress on " + c.Reference + ": " + c.Title, u.Text, c.Reference, "updates", u.PostedAt))
            .Take(AtomEntries).ToListAsync(cancellationToken);
        var assessments = await (
                from a in db.Assessments.AsNoTracking()
                join c in db.Commitments on a.CommitmentId equals c.Id
                orderby a.RecordedAt descending
                select new Entry("assessment-" + a.Id, "Independent assessment of " + c.Reference + ": " + c.Title, a.Summary, c.Reference, "assessments", a.RecordedAt))
            .Take(AtomEntries).ToListAsync(cancellationToken);
        var entries = added.Concat(updates).Concat(assessments).OrderByDescending(e => e.At).Take(AtomEntries).ToList();

        var feed = new SyndicationFeed("Shape open data: commitments", "What organisations promised, their progress and its independent assessment.", links.Absolute("/commitments"))
        {
            Id = links.Absolute("/commitments.atom").ToString(),
            LastUpdatedTime = entries.Count > 0 ? new DateTimeOffset(entries[0].At, TimeSpan.Zero) : DateTimeOffset.UnixEpoch,
            Items = [.. entries.Select(e => new SyndicationItem(e.Title, Markdig.Markdown.ToPlainText(e.Summary).Trim(),
                links.Absolute(CommitmentWorkflow.UrlOf(e.Reference) + (e.Anchor.Length > 0 ? "#" + e.Anchor : "")),
                $"{links.Absolute("/commitments.atom")}#{e.Id}", new DateTimeOffset(e.At, TimeSpan.Zero)))],
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(links.Absolute("/commitments.atom"), "application/atom+xml"));
        context.Response.ContentType = "application/atom+xml; charset=utf-8";
        await using var writer = XmlWriter.Create(context.Response.Body, new XmlWriterSettings { Async = true, Indent = true });
        new Atom10FeedFormatter(feed).WriteTo(writer);
        await writer.FlushAsync();
    }
}
