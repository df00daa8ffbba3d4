using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations;

/// <summary>
/// Published versions of a consultation's document as other modules link to them (an outcome's change, a commitment):
/// known as "{slug} v{n}", by their address (<c>/consultations/{slug}/versions/{n}</c>) or by their title
/// ("{consultation title}, version {n}"). A draft's document is never given.
/// </summary>
public sealed partial class DocumentVersionTraces(AppDbContext db) : ITraceable
{
    public string Type => ItemTypes.DocumentVersion;

    public static string KeyOf(string slug, int number) => $"{slug} v{number}";

    public static string UrlOf(string slug, int number) => $"{ConsultationWorkflow.UrlOf(slug)}/versions/{number}";

    public async Task<IReadOnlyList<TracedItem>> PublicAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        await Traced(Public().Where(v => ids.Contains(v.Version.Id))).ToListAsync(cancellationToken);

    public async Task<TracedItem?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        var text = reference.Trim();
        if (Named().Match(text) is { Success: true } key)
        {
            var (slug, number) = (key.Groups["slug"].Value.ToLowerInvariant(), int.Parse(key.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture));
            return await Traced(Public().Where(v => v.Slug == slug && v.Version.Number == number)).FirstOrDefaultAsync(cancellationToken);
        }
        if (Titled().Match(text) is { Success: true } titled)
        {
            var (title, number) = (titled.Groups["title"].Value, int.Parse(titled.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture));
            return await Traced(Public().Where(v => v.Title == title && v.Version.Number == number).OrderBy(v => v.Version.Id)).FirstOrDefaultAsync(cancellationToken);
        }
        return null;
    }

    /// <summary>Set by name, not by constructor, so that queries can go on filtering it.</summary>
    private sealed class Row
    {
        public DocumentVersion Version { get; init; } = null!;
        public string Slug { get; init; } = "";
        public string Title { get; init; } = "";
    }

    private IQueryable<Row> Public() =>
        from version in db.DocumentVersions.AsNoTracking()
        join consultation in db.Consultations on version.ConsultationId equals consultation.Id
        where consultation.State != ConsultationState.Draft && version.PublishedAt != null
        select new Row { Version = version, Slug = consultation.Slug, Title = consultation.Title };

    private static IQueryable<TracedItem> Traced(IQueryable<Row> rows) =>
        rows.Select(v => new TracedItem(ItemTypes.DocumentVersion, v.Version.Id, v.Slug + " v" + v.Version.Number,
            v.Title + ", version " + v.Version.Number, "/consultations/" + v.Slug + "/versions/" + v.Version.Number));

    /// <summary>"data-ethics v2", or its address, absolute or not.</summary>
    [GeneratedRegex(@"^(?:.*/consultations/)?(?<slug>[A-Za-z0-9-]+)(?:\s+v|/versions/)(?<number>\d{1,6})/?$")]
    private static partial Regex Named();

    [GeneratedRegex(@"^(?<title>.+), version (?<number>\d{1,6})$")]
    private static partial Regex Titled();
}

/// <summary>
/// Public statements (neither hidden nor waiting for a moderator, in a published consultation) as other modules link
/// to them: known as "{slug} #{number}", by their address (<c>/consultations/{slug}/statements#statement-{number}</c>)
/// or by their exact text.
/// </summary>
public sealed partial class StatementTraces(AppDbContext db) : ITraceable
{
    public string Type => ItemTypes.Statement;

    public async Task<IReadOnlyList<TracedItem>> PublicAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        await Traced(Public().Where(s => ids.Contains(s.Statement.Id))).ToListAsync(cancellationToken);

    public async Task<TracedItem?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        var text = reference.Trim();
        if (Named().Match(text) is { Success: true } key)
        {
            var (slug, number) = (key.Groups["slug"].Value.ToLowerInvariant(), int.Parse(key.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture));
            return await Traced(Public().Where(s => s.Slug == slug && s.Statement.Number == number)).FirstOrDefaultAsync(cancellationToken);
        }
        return await Traced(Public().Where(s => s.Statement.Text == text).OrderBy(s => s.Statement.Id)).FirstOrDefaultAsync(cancellationToken);
    }

    private sealed class Row
    {
        public Statement Statement { get; init; } = null!;
        public string Slug { get; init; } = "";
    }

    private IQueryable<Row> Public() =>
        from statement in db.Statements.AsNoTracking()
        join consultation in db.Consultations on statement.ConsultationId equals consultation.Id
        where consultation.State != ConsultationState.Draft && statement.Moderation.HiddenAt == null && !statement.Moderation.AwaitingApproval
        select new Row { Statement = statement, Slug = consultation.Slug };

    private static IQueryable<TracedItem> Traced(IQueryable<Row> rows) =>
        rows.Select(s => new TracedItem(ItemTypes.Statement, s.Statement.Id, s.Slug + " #" + s.Statement.Number, s.Statement.Text,
            "/consultations/" + s.Slug + "/statements#statement-" + s.Statement.Number));

    /// <summary>"data-ethics #12", or its address, absolute or not.</summary>
    [GeneratedRegex(@"^(?:.*/consultations/)?(?<slug>[A-Za-z0-9-]+)(?:\s+#|/statements#statement-)(?<number>\d{1,9})$")]
    private static partial Regex Named();
}
