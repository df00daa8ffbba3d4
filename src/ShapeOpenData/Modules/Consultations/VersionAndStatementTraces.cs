using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
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
        await TracedAsync(Public().Where(v => ids.Contains(v.Version.Id)), cancellationToken);

    public async Task<TracedItem?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        var text = reference.Trim();
        if (Named().Match(text) is { Success: true } key)
        {
            var (slug, number) = (key.Groups["slug"].Value.ToLowerInvariant(), int.Parse(key.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture));
            return (await TracedAsync(Public().Where(v => v.Slug == slug && v.Version.Number == number), cancellationToken)).SingleOrDefault();
        }
        if (Titled().Match(text) is { Success: true } titled)
        {
            var (title, number) = (titled.Groups["title"].Value, int.Parse(titled.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture));
            return (await TracedAsync(Public().Where(v => v.Title == title && v.Version.Number == number).OrderBy(v => v.Version.Id).Take(1), cancellationToken)).SingleOrDefault();
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

    /// <summary>With the day it was published, as its page gives it.</summary>
    private static async Task<List<TracedItem>> TracedAsync(IQueryable<Row> rows, CancellationToken cancellationToken) =>
        [.. (await rows.Select(v => new { v.Version.Id, v.Version.Number, v.Version.PublishedAt, v.Slug, v.Title }).ToListAsync(cancellationToken))
            .Select(v => new TracedItem(ItemTypes.DocumentVersion, v.Id, KeyOf(v.Slug, v.Number), $"{v.Title}, version {v.Number}", UrlOf(v.Slug, v.Number),
                $"published {v.PublishedAt!.Value.ToUkTime():d MMMM yyyy}"))];

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
        await TracedAsync(Public().Where(s => ids.Contains(s.Statement.Id)), cancellationToken);

    public async Task<TracedItem?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        var text = reference.Trim();
        if (Named().Match(text) is { Success: true } key)
        {
            var (slug, number) = (key.Groups["slug"].Value.ToLowerInvariant(), int.Parse(key.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture));
            return (await TracedAsync(Public().Where(s => s.Slug == slug && s.Statement.Number == number), cancellationToken)).SingleOrDefault();
        }
        return (await TracedAsync(Public().Where(s => s.Statement.Text == text).OrderBy(s => s.Statement.Id).Take(1), cancellationToken)).SingleOrDefault();
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

    /// <summary>With how people voted on it so far.</summary>
    private static async Task<List<TracedItem>> TracedAsync(IQueryable<Row> rows, CancellationToken cancellationToken) =>
        [.. (await rows.Select(s => new { s.Statement.Id, s.Statement.Number, s.Statement.Text, s.Statement.Agrees, s.Statement.Disagrees, s.Statement.Passes, s.Slug })
                .ToListAsync(cancellationToken))
            .Select(s => new TracedItem(ItemTypes.Statement, s.Id, $"{s.Slug} #{s.Number}", s.Text, $"{ConsultationWorkflow.UrlOf(s.Slug)}/statements#statement-{s.Number}",
                $"{s.Agrees:N0} agree, {s.Disagrees:N0} disagree, {s.Passes:N0} pass"))];

    /// <summary>"data-ethics #12", or its address, absolute or not.</summary>
    [GeneratedRegex(@"^(?:.*/consultations/)?(?<slug>[A-Za-z0-9-]+)(?:\s+#|/statements#statement-)(?<number>\d{1,9})$")]
    private static partial Regex Named();
}
