using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations;

/// <summary>
/// The changes a consultation's outcome says were made in a version of its document, as links in the chains from input
/// to outcome: the consultation led to the version, for the reason the change gives, from when the outcome was published.
/// </summary>
internal sealed class ChangesMadeInVersions(AppDbContext db) : IKeptLinks
{
    /// <summary>A reason is one line; a change may be a paragraph.</summary>
    public const int ReasonMaxLength = 200;

    public async Task<IReadOnlyList<TraceLink>> AllAsync(CancellationToken cancellationToken) => await LinksAsync(Changes(), cancellationToken);

    public async Task<IReadOnlyList<TraceLink>> OfAsync(ItemRef item, CancellationToken cancellationToken) => item.Type switch
    {
        ItemTypes.Consultation => await LinksAsync(Changes().Where(c => c.ConsultationId == item.Id), cancellationToken),
        ItemTypes.DocumentVersion => await LinksAsync(Changes().Where(c => c.VersionId == item.Id), cancellationToken),
        _ => [],
    };

    /// <summary>Set by name, not by constructor, so that queries can go on filtering it.</summary>
    private sealed class Row
    {
        public int ConsultationId { get; init; }
        public int VersionId { get; init; }
        public int Number { get; init; }
        public string Text { get; init; } = "";
        public DateTime? OutcomePublishedAt { get; init; }
    }

    private IQueryable<Row> Changes() =>
        from change in db.OutcomeChanges.AsNoTracking()
        join version in db.DocumentVersions on change.ConsultationId equals version.ConsultationId
        where version.Number == change.VersionNumber
        join consultation in db.Consultations on change.ConsultationId equals consultation.Id
        select new Row
        {
            ConsultationId = change.ConsultationId, VersionId = version.Id, Number = change.Number, Text = change.Text,
            OutcomePublishedAt = (DateTime?)consultation.Outcome!.PublishedAt,
        };

    private static async Task<List<TraceLink>> LinksAsync(IQueryable<Row> changes, CancellationToken cancellationToken) =>
        [.. (await changes.OrderBy(c => c.ConsultationId).ThenBy(c => c.Number).ToListAsync(cancellationToken))
            .Select(c => new TraceLink(new ItemRef(ItemTypes.Consultation, c.ConsultationId), new ItemRef(ItemTypes.DocumentVersion, c.VersionId),
                OneLine(c.Text), c.OutcomePublishedAt))];

    private static string OneLine(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= ReasonMaxLength ? line : string.Concat(line.AsSpan(0, ReasonMaxLength - 1), "…");
    }
}

/// <summary>
/// Document versions as outcomes that inputs can be linked to: besides the programme team, those who run the
/// consultation (publishers of its organisation) may link to one of its versions.
/// </summary>
internal sealed class DocumentVersionOutcomes(AppDbContext db) : IOutcomeKind
{
    public string Type => ItemTypes.DocumentVersion;

    public string HowToName => "like data-ethics v2, or its address";

    public async Task<bool> IsOwnedByAsync(int id, ClaimsPrincipal person, CancellationToken cancellationToken) =>
        await db.Consultations.AsNoTracking().Where(c => db.DocumentVersions.Any(v => v.Id == id && v.ConsultationId == c.Id)).SingleOrDefaultAsync(cancellationToken) is { } consultation
        && ConsultationPermissions.CanRun(person, consultation);
}
