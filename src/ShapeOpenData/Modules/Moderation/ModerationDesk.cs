using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Notifications;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Moderation;

/// <summary>A moderator's decision on one item, as the queue and the item page ask for it.</summary>
public abstract record Verdict(string? Note)
{
    public sealed record Hide(ModerationReason Reason, string? Note) : Verdict(Note);
    public sealed record Restore(string? Note) : Verdict(Note);
    public sealed record Dismiss(string? Note) : Verdict(Note);
    public sealed record Approve(string? Note) : Verdict(Note);
    public sealed record Redact(IReadOnlyDictionary<string, string> Fields, string? Note) : Verdict(Note);
}

/// <summary>
/// Reports, decisions, blocks and reviews: every one a unit of work with the content's change, the decision
/// (the public log's line), its audit entry and the emails that tell the reporters and the author.
/// </summary>
public sealed partial class ModerationDesk(
    AppDbContext db, TimeProvider clock, IEnumerable<IModeratable> kinds, Notifier notifier, ServiceLinks links, IOptions<ModerationOptions> options)
{
    /// <summary>What the audit log calls a decision, and a report.</summary>
    public const string AuditType = "moderation";
    public const string ReportAuditType = "moderation_report";

    public IReadOnlyList<IModeratable> Kinds { get; } = [.. kinds];

    public IModeratable Kind(string type) => Kinds.FirstOrDefault(k => k.Type == type) ?? throw new NotFoundException("There is no such content");

    public async Task<ModeratedItem> FindAsync(string type, int id, ClaimsPrincipal reader, CancellationToken cancellationToken) =>
        await Kind(type).FindAsync(id, reader, cancellationToken) ?? throw new NotFoundException("There is no such content");

    /// <summary>Keeps the report; hides the item at once when enough different people have reported it.</summary>
    /// <returns>Whether the item is now hidden, pending review.</returns>
    public async Task<bool> ReportAsync(string type, int id, ModerationReason reason, string? detail, ClaimsPrincipal reporter, CancellationToken cancellationToken)
    {
        var reporterId = reporter.UserId() ?? throw new ForbiddenException("Sign in to report content");
        var item = await FindAsync(type, id, reporter, cancellationToken);
        if (item.AuthorId == reporterId)
        {
            throw new RuleException("You cannot report something you wrote. You can change or delete it yourself");
        }
        if (await db.ModerationReports.AnyAsync(r => r.ItemType == type && r.ItemId == id && r.ReporterId == reporterId, cancellationToken))
        {
            throw new RuleException("You have already reported this. We will email you when a moderator has decided");
        }
        var now = clock.UtcNow();
        var report = ModerationReport.Make(type, id, reporterId, reason, detail, now);
        return await Saving(() => db.InOneTransactionAsync(async () =>
        {
            db.ModerationReports.Add(report);
            var waiting = await CaseAsync(item, cancellationToken);
            waiting.Wait(Waiting.Reports, now);
            await db.SaveChangesAsync(cancellationToken);
            db.AuditEntries.Add(AuditEntry.Of(ReportAuditType, report.Id, "reported", reporterId, now, null, new { type, id, Reason = reason.ToCode() }));
            var hide = item.State.IsPublic && !await IsStaffAsync(item, cancellationToken) && await ReportWeightAsync(type, id, cancellationToken) >= options.Value.AutoHideReports;
            if (hide)
            {
                var common = await db.ModerationReports.Where(r => r.ItemType == type && r.ItemId == id && r.Outcome == null)
                    .GroupBy(r => r.Reason).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync(cancellationToken);
                await Kind(type).ApplyAsync(id, new ModerationChange.Hide(common), cancellationToken);
                waiting.Hidden(true);
                var decision = await DecideAsync(item, DecisionKind.AutoHide, common, null, null, now, cancellationToken);
                await TellAuthorAsync(item, decision, $"Your {Label(item)} is hidden until a moderator reviews it",
                    $"""
                    Several people reported your {Label(item)} ({item.Context}) as "{common.ToText()}", so it is hidden until a moderator looks at it.
                    We will email you when they have decided.

                    {links.Absolute(item.Item.Url)}
                    """, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            return hide;
        }, cancellationToken));
    }

    /// <summary>Hide, restore, dismiss the reports, approve, or edit personal data out: one step, closing the item's place in the queue.</summary>
    public async Task DecideAsync(string type, int id, Verdict verdict, ClaimsPrincipal moderator, CancellationToken cancellationToken)
    {
        var item = await ModeratedAsync(type, id, moderator, cancellationToken);
        var now = clock.UtcNow();
        var (kind, change, reason, outcome) = verdict switch
        {
            Verdict.Hide hide => (DecisionKind.Hide, (ModerationChange?)new ModerationChange.Hide(hide.Reason), (ModerationReason?)hide.Reason, (ReportOutcome?)ReportOutcome.Upheld),
            Verdict.Restore => item.State.IsHidden ? (DecisionKind.Restore, new ModerationChange.Restore(), null, ReportOutcome.Dismissed)
                : throw new RuleException("It is not hidden"),
            Verdict.Approve => item.State.AwaitingApproval ? (DecisionKind.Approve, new ModerationChange.Approve(), null, null)
                : throw new RuleException("It is not waiting for approval"),
            Verdict.Dismiss => item.State.IsHidden ? throw new RuleException("It is hidden: restore it to dismiss the reports")
                : (DecisionKind.Dismiss, null, null, ReportOutcome.Dismissed),
            Verdict.Redact redact => (DecisionKind.Redact, new ModerationChange.Redact(Redactions(item, redact.Fields)), ModerationReason.PersonalData, ReportOutcome.Upheld),
            _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
        };
        if (verdict is Verdict.Dismiss && !await db.ModerationReports.AnyAsync(r => r.ItemType == type && r.ItemId == id && r.Outcome == null, cancellationToken))
        {
            throw new RuleException("There are no reports to dismiss");
        }
        var original = verdict is Verdict.Redact
            ? JsonSerializer.Serialize(item.Fields.ToDictionary(f => f.Name, f => f.Text))
            : null;
        await Saving(() => db.InOneTransactionAsync(async () =>
        {
            if (change is not null)
            {
                await Kind(type).ApplyAsync(id, change, cancellationToken);
            }
            var decision = await DecideAsync(item, kind, reason, verdict.Note, moderator.UserId(), now, cancellationToken, original);
            var waiting = await CaseAsync(item, cancellationToken);
            waiting.Decided(kind == DecisionKind.Hide || (kind != DecisionKind.Restore && item.State.IsHidden));
            if (outcome is { } closed)
            {
                await CloseReportsAsync(item, decision, closed, now, cancellationToken);
            }
            await TellAuthorOfAsync(item, decision, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return decision.Id;
        }, cancellationToken));
    }

    /// <summary>The item as a moderator sees it; refused to anyone else.</summary>
    public async Task<ModeratedItem> ModeratedAsync(string type, int id, ClaimsPrincipal moderator, CancellationToken cancellationToken)
    {
        RefuseUnlessModerator(moderator);
        return await FindAsync(type, id, moderator, cancellationToken);
    }

    private static void RefuseUnlessModerator(ClaimsPrincipal user)
    {
        if (!user.Moderates())
        {
            throw new ForbiddenException("Only moderators can do that");
        }
    }

    private static Dictionary<string, string> Redactions(ModeratedItem item, IReadOnlyDictionary<string, string> wanted)
    {
        var changed = new Dictionary<string, string>();
        foreach (var field in item.Fields)
        {
            // A field sent empty arrives from the form as null.
            var text = wanted.TryGetValue(field.Name, out var posted) ? (posted ?? "").Trim() : null;
            if (text is null || text == field.Text)
            {
                continue;
            }
            if (text.Length == 0 && field.Name != "message")
            {
                throw new FieldRuleException(field.Name, $"Enter the {field.Label.ToLowerInvariant()} without the personal data");
            }
            if (text.Length > field.MaxLength)
            {
                throw new FieldRuleException(field.Name, $"The {field.Label.ToLowerInvariant()} must be {field.MaxLength:N0} characters or fewer");
            }
            changed[field.Name] = text;
        }
        return changed.Count > 0 ? changed : throw new RuleException("Change the wording to edit out the personal data");
    }

    private async Task<ModerationDecision> DecideAsync(
        ModeratedItem item, DecisionKind kind, ModerationReason? reason, string? note, int? moderatorId, DateTime now, CancellationToken cancellationToken,
        string? original = null)
    {
        var decision = ModerationDecision.Make(item.Item.Type, item.Item.Id, kind, reason, note, moderatorId, item.AuthorId, item.Item.Url, now, original);
        db.ModerationDecisions.Add(decision);
        await db.SaveChangesAsync(cancellationToken);
        // The audit log records what was decided; the wording edited out stays only on the decision, for administrators.
        db.AuditEntries.Add(AuditEntry.Of(AuditType, decision.Id, kind.ToCode(), moderatorId, now, null,
            new { Type = item.Item.Type, Id = item.Item.Id, Reason = reason?.ToCode(), Fields = original is null ? null : item.Fields.Select(f => f.Name) }));
        return decision;
    }

    private async Task CloseReportsAsync(ModeratedItem item, ModerationDecision decision, ReportOutcome outcome, DateTime now, CancellationToken cancellationToken)
    {
        var open = await db.ModerationReports.Where(r => r.ItemType == item.Item.Type && r.ItemId == item.Item.Id && r.Outcome == null).ToListAsync(cancellationToken);
        foreach (var report in open)
        {
            report.Close(outcome, now);
        }
        var done = decision.Kind switch
        {
            DecisionKind.Redact => "edited it to take the personal data out",
            DecisionKind.Hide => $"hid it, because of \"{decision.Reason!.Value.ToText()}\"",
            _ => "decided it does not break the rules, so it stays up",
        };
        await notifier.NotifyAsync(new Notification($"moderation:{decision.Id}:reporters", $"What happened to the {Label(item)} you reported",
            $"""
            Thank you for reporting the {Label(item)} ({item.Context}). A moderator looked at it and {done}.

            Every decision is in the public moderation log: {links.Absolute("/moderation/log")}
            """, "all") { About = null }, open.Select(r => r.ReporterId), decision.ModeratorId, cancellationToken);
    }

    private Task TellAuthorOfAsync(ModeratedItem item, ModerationDecision decision, CancellationToken cancellationToken) => decision.Kind switch
    {
        DecisionKind.Hide => TellAuthorAsync(item, decision, $"A moderator has hidden your {Label(item)}",
            $"""
            A moderator hid your {Label(item)} ({item.Context}), because of "{decision.Reason!.Value.ToText()}".
            It now shows "Hidden by a moderator" in its place.

            If you think this is wrong, you can ask once for a different moderator to review it: {links.Absolute(ReviewUrl(decision))}
            """, cancellationToken),
        DecisionKind.Restore => TellAuthorAsync(item, decision, $"Your {Label(item)} is back",
            $"A moderator looked at your {Label(item)} ({item.Context}) and put it back.\n\n{links.Absolute(item.Item.Url)}", cancellationToken),
        DecisionKind.Approve => TellAuthorAsync(item, decision, $"Your {Label(item)} is published",
            $"A moderator approved your {Label(item)} ({item.Context}): everyone can see it now.\n\n{links.Absolute(item.Item.Url)}", cancellationToken),
        DecisionKind.Redact => TellAuthorAsync(item, decision, $"Your {Label(item)} has been edited",
            $"A moderator edited your {Label(item)} ({item.Context}) to take out personal data, which the service does not publish.\n\n{links.Absolute(item.Item.Url)}",
            cancellationToken),
        _ => Task.CompletedTask,
    };

    private Task TellAuthorAsync(ModeratedItem item, ModerationDecision decision, string subject, string body, CancellationToken cancellationToken) =>
        item.AuthorId is { } authorId
            ? notifier.NotifyAsync(new Notification($"moderation:{decision.Id}:author", subject, body, "all") { About = null }, [authorId], decision.ModeratorId, cancellationToken)
            : Task.CompletedTask;

    private string Label(ModeratedItem item) => Kind(item.Item.Type).Label.ToLowerInvariant();

    private async Task<ModerationCase> CaseAsync(ModeratedItem item, CancellationToken cancellationToken) =>
        await CaseAsync(item.Item.Type, item.Item.Id, item.AuthorId, cancellationToken);

    private async Task<ModerationCase> CaseAsync(string type, int id, int? authorId, CancellationToken cancellationToken)
    {
        var found = await db.ModerationCases.SingleOrDefaultAsync(c => c.ItemType == type && c.ItemId == id, cancellationToken);
        if (found is null)
        {
            found = ModerationCase.For(type, id, authorId);
            db.ModerationCases.Add(found);
        }
        return found;
    }

    /// <summary>Different people's open reports, each counting less when most of that person's earlier reports were dismissed.</summary>
    private async Task<double> ReportWeightAsync(string type, int id, CancellationToken cancellationToken)
    {
        var reporters = await db.ModerationReports.Where(r => r.ItemType == type && r.ItemId == id && r.Outcome == null).Select(r => r.ReporterId).ToListAsync(cancellationToken);
        var records = await db.ModerationReports.Where(r => reporters.Contains(r.ReporterId) && r.Outcome != null)
            .GroupBy(r => r.ReporterId)
            .Select(g => new { g.Key, Dismissed = g.Count(r => r.Outcome == ReportOutcome.Dismissed), Upheld = g.Count(r => r.Outcome == ReportOutcome.Upheld) })
            .ToDictionaryAsync(r => r.Key, cancellationToken);
        return reporters.Sum(r => records.TryGetValue(r, out var record) && ModerationOptions.CountsLess(record.Dismissed, record.Upheld, options.Value) ? 0.5 : 1);
    }

    private async Task<bool> IsStaffAsync(ModeratedItem item, CancellationToken cancellationToken) =>
        item.ByStaff || (item.AuthorId is { } author && await IsStaffAsync(author, cancellationToken));

    private Task<bool> IsStaffAsync(int userId, CancellationToken cancellationToken) => ModerationModule.IsStaffAsync(db, userId, cancellationToken);

    /// <summary>Two people acting on one item at the same moment: the second is told, and nothing of theirs is half-saved.</summary>
    private static async Task<T> Saving<T>(Func<Task<T>> change)
    {
        try
        {
            return await change();
        }
        catch (DbUpdateException clash) when (clash is DbUpdateConcurrencyException || clash.IsUniqueViolation())
        {
            throw new RuleException("Someone else acted on this at the same moment. Look again, then try again");
        }
    }
}
