using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Moderation;

public sealed record QueueFilter(ModerationReason? Reason, string? Type, string State);

/// <summary>One report as moderators read it: never who made it, only why, when, and how much it counts.</summary>
public sealed record ReportView(ModerationReason Reason, string? Detail, DateTime CreatedAt, ReportOutcome? Outcome, bool CountsLess);

/// <summary>What happened to an author's content before: the history a moderator weighs.</summary>
public sealed record AuthorHistory(int? AuthorId, string Name, IReadOnlyList<ModerationDecision> Decisions, int HiddenRecently, bool Flagged, Block? Block);

/// <summary>An item waiting in the queue (or looked up), with everything a moderator needs to decide in one step.</summary>
/// <param name="Originals">The wordings personal data was edited out of, newest first: for administrators only, empty for anyone else.</param>
public sealed record QueueEntry(
    ModerationCase Case, ModeratedItem? Item, string Label, IReadOnlyList<ReportView> Reports, AuthorHistory History, ModerationDecision? AwaitingReview,
    IReadOnlyList<(DateTime RedactedAt, IReadOnlyDictionary<string, string> Fields)> Originals);

/// <summary>One line of the public moderation log: what was decided about what kind of content, and where; nothing of who.</summary>
[CsvHelper.CsvRecord]
public sealed partial record LogLine(int Id, DateTime DecidedAt, string Decision, string Content, string? Reason, string? Url);

/// <summary>The queue, one item's moderation record, and the public log.</summary>
public sealed class ModerationViews(AppDbContext db, ModerationDesk desk, TimeProvider clock, IOptions<ModerationOptions> options)
{
    public const int PageSize = 20;

    public static readonly IReadOnlyList<GovukOption> States =
    [
        new("waiting", "Waiting for a moderator"), new("reports", "Reported"), new("approval", "Waiting for approval"),
        new("review", "Review asked for"), new("hidden", "Hidden"), new("all", "All"),
    ];

    public async Task<(IReadOnlyList<QueueEntry> Entries, int Total)> PageAsync(QueueFilter filter, int page, ClaimsPrincipal moderator, CancellationToken cancellationToken)
    {
        var cases = db.ModerationCases.AsNoTracking();
        cases = filter.State switch
        {
            "reports" => cases.Where(c => c.Waiting == Waiting.Reports),
            "approval" => cases.Where(c => c.Waiting == Waiting.Approval),
            "review" => cases.Where(c => c.Waiting == Waiting.Review),
            "hidden" => cases.Where(c => c.IsHidden),
            "all" => cases,
            _ => cases.Where(c => c.WaitingSince != null),
        };
        if (filter.Type is { } type)
        {
            cases = cases.Where(c => c.ItemType == type);
        }
        if (filter.Reason is { } reason)
        {
            cases = cases.Where(c => db.ModerationReports.Any(r => r.ItemType == c.ItemType && r.ItemId == c.ItemId && r.Reason == reason));
        }
        var total = await cases.CountAsync(cancellationToken);
        var rows = await cases.OrderBy(c => c.WaitingSince == null).ThenBy(c => c.WaitingSince).ThenByDescending(c => c.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var entries = new List<QueueEntry>();
        foreach (var row in rows)
        {
            entries.Add(await EntryAsync(row, moderator, cancellationToken));
        }
        return (entries, total);
    }

    /// <summary>One item's moderation record, whether or not it waits in the queue.</summary>
    public async Task<QueueEntry> EntryAsync(string type, int id, ClaimsPrincipal moderator, CancellationToken cancellationToken)
    {
        if (type == ModerationDecision.Account)
        {
            // A person's account: its blocks, and the review of one.
            if (!moderator.Moderates()) throw new ForbiddenException("Only moderators can do that");
            if (!await db.Users.AnyAsync(u => u.Id == id, cancellationToken)) throw new NotFoundException("There is no such person");
            var account = await db.ModerationCases.AsNoTracking().SingleOrDefaultAsync(c => c.ItemType == type && c.ItemId == id, cancellationToken)
                          ?? ModerationCase.For(type, id, id);
            return await EntryAsync(account, moderator, cancellationToken);
        }
        var item = await desk.ModeratedAsync(type, id, moderator, cancellationToken);
        var row = await db.ModerationCases.AsNoTracking().SingleOrDefaultAsync(c => c.ItemType == type && c.ItemId == id, cancellationToken)
                  ?? ModerationCase.For(type, id, item.AuthorId);
        return await EntryAsync(row, moderator, cancellationToken, item);
    }

    private async Task<QueueEntry> EntryAsync(ModerationCase row, ClaimsPrincipal moderator, CancellationToken cancellationToken, ModeratedItem? item = null)
    {
        item ??= await desk.Kinds.FirstOrDefault(k => k.Type == row.ItemType)?.FindAsync(row.ItemId, moderator, cancellationToken)!;
        var reports = await db.ModerationReports.AsNoTracking().Where(r => r.ItemType == row.ItemType && r.ItemId == row.ItemId)
            .OrderBy(r => r.Outcome != null).ThenBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        var reporters = reports.Select(r => r.ReporterId).ToList();
        var records = await db.ModerationReports.Where(r => reporters.Contains(r.ReporterId) && r.Outcome != null)
            .GroupBy(r => r.ReporterId)
            .Select(g => new { g.Key, Dismissed = g.Count(r => r.Outcome == ReportOutcome.Dismissed), Upheld = g.Count(r => r.Outcome == ReportOutcome.Upheld) })
            .ToDictionaryAsync(r => r.Key, cancellationToken);
        var views = reports.Select(r => new ReportView(r.Reason, r.Detail, r.CreatedAt, r.Outcome,
            records.TryGetValue(r.ReporterId, out var record) && ModerationOptions.CountsLess(record.Dismissed, record.Upheld, options.Value))).ToList();
        var review = await db.ModerationDecisions.AsNoTracking()
            .Where(d => d.ItemType == row.ItemType && d.ItemId == row.ItemId && d.ReviewAskedAt != null && d.ReviewAnswerId == null)
            .FirstOrDefaultAsync(cancellationToken);
        var label = desk.Kinds.FirstOrDefault(k => k.Type == row.ItemType)?.Label ?? "Account";
        var originals = moderator.IsAdministrator()
            ? (await db.ModerationDecisions.AsNoTracking()
                .Where(d => d.ItemType == row.ItemType && d.ItemId == row.ItemId && d.Kind == DecisionKind.Redact && d.Original != null)
                .OrderByDescending(d => d.Id).Select(d => new { d.DecidedAt, d.Original }).ToListAsync(cancellationToken))
                .Select(d => (d.DecidedAt, (IReadOnlyDictionary<string, string>)JsonSerializer.Deserialize<Dictionary<string, string>>(d.Original!)!)).ToList()
            : [];
        return new QueueEntry(row, item, label, views, await HistoryAsync(item?.AuthorId ?? row.AuthorId, cancellationToken), review, originals);
    }

    public async Task<AuthorHistory> HistoryAsync(int? authorId, CancellationToken cancellationToken)
    {
        if (authorId is not { } id)
        {
            return new AuthorHistory(null, "Nobody (it came by email or post)", [], 0, false, null);
        }
        var name = await db.Users.Where(u => u.Id == id).Select(u => u.DeletedAt == null ? u.DisplayName : "Former participant").SingleAsync(cancellationToken);
        var decisions = await db.ModerationDecisions.AsNoTracking().Where(d => d.AuthorId == id).OrderByDescending(d => d.Id).Take(20).ToListAsync(cancellationToken);
        var since = clock.UtcNow().AddDays(-options.Value.FlagWindowDays);
        var hidden = await db.ModerationDecisions.CountAsync(d => d.AuthorId == id && (d.Kind == DecisionKind.Hide || d.Kind == DecisionKind.Redact) && d.DecidedAt > since, cancellationToken);
        return new AuthorHistory(id, name, decisions, hidden, hidden >= options.Value.FlagAfterHidden, await Blocks.ActiveAsync(db, id, clock.UtcNow(), cancellationToken));
    }

    public async Task<(IReadOnlyList<LogLine> Lines, int Total)> LogPageAsync(int page, CancellationToken cancellationToken)
    {
        var total = await db.ModerationDecisions.CountAsync(cancellationToken);
        var rows = await db.ModerationDecisions.AsNoTracking().OrderByDescending(d => d.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return ([.. rows.Select(Line)], total);
    }

    public async IAsyncEnumerable<LogLine> LogAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in db.ModerationDecisions.AsNoTracking().OrderByDescending(d => d.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return Line(row);
        }
    }

    private LogLine Line(ModerationDecision d) => new(
        d.Id, d.DecidedAt, d.Kind.ToText(), desk.Kinds.FirstOrDefault(k => k.Type == d.ItemType)?.Label ?? "Account", d.Reason?.ToText(), d.Url);
}
