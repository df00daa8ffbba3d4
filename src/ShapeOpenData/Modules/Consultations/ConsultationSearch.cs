using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations;

/// <summary>Consultations in the site search once published (never drafts), by title and summary.</summary>
internal sealed class ConsultationSearch : ISearchSource
{
    public string Type => ItemTypes.Consultation;

    public async Task<IReadOnlyList<SearchText>> PublicAsync(AppDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        [.. (await Public(db).Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Id, c.Title, c.Summary, c.Slug, c.OrganisationId, Date = c.OpenedAt ?? c.CreatedAt })
                .ToListAsync(cancellationToken))
            .Select(c => new SearchText(c.Id, c.Title, c.Summary, ConsultationWorkflow.UrlOf(c.Slug), c.OrganisationId, c.Date))];

    public IQueryable<int> PublicIds(AppDbContext db) => Public(db).Select(c => c.Id);

    private static IQueryable<Consultation> Public(AppDbContext db) => db.Consultations.AsNoTracking().Where(c => c.State != ConsultationState.Draft);
}

/// <summary>Statements in the site search: those anyone may see (not hidden or held) in a published consultation.</summary>
internal sealed class StatementSearch : ISearchSource
{
    public string Type => ItemTypes.Statement;

    public async Task<IReadOnlyList<SearchText>> PublicAsync(AppDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        [.. (await Public(db).Where(s => ids.Contains(s.Statement.Id))
                .Select(s => new { s.Statement.Id, s.Statement.Number, s.Statement.Text, s.Statement.CreatedAt, s.Consultation.Slug, s.Consultation.Title, s.Consultation.OrganisationId })
                .ToListAsync(cancellationToken))
            .Select(s => new SearchText(s.Id, s.Text, $"Statement {s.Number} in {s.Title}",
                $"{ConsultationWorkflow.UrlOf(s.Slug)}/statements#statement-{s.Number}", s.OrganisationId, s.CreatedAt))];

    public IQueryable<int> PublicIds(AppDbContext db) => Public(db).Select(s => s.Statement.Id);

    private static IQueryable<Row> Public(AppDbContext db) =>
        from statement in db.Statements.AsNoTracking()
        join consultation in db.Consultations on statement.ConsultationId equals consultation.Id
        where consultation.State != ConsultationState.Draft && statement.Moderation.HiddenAt == null && !statement.Moderation.AwaitingApproval
        select new Row { Statement = statement, Consultation = consultation };

    private sealed class Row
    {
        public Statement Statement { get; init; } = null!;
        public Consultation Consultation { get; init; } = null!;
    }
}

public sealed partial class Consultation : ISearchIndexed
{
    IEnumerable<ItemRef> ISearchIndexed.SearchItems => [new(ItemTypes.Consultation, Id)];
}

public sealed partial class Statement : ISearchIndexed
{
    IEnumerable<ItemRef> ISearchIndexed.SearchItems => [new(ItemTypes.Statement, Id)];
}
