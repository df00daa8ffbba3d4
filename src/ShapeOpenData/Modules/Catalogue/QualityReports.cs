using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Notifications;
using ShapeOpenData.Modules.Organisations;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Modules.Supports;

namespace ShapeOpenData.Modules.Catalogue;

/// <param name="DistributionId">The file or link the problem is with, if it is one of them.</param>
public sealed record NewReport(int? DistributionId, ReportCategory Category, string Details);

/// <summary>
/// Every change to a quality report, for the pages and the API: checks who may act, lets the report apply
/// its rules, and saves the change with its audit entry and emails. The reporter and everyone who has the
/// problem too follow the report; the publisher hears of each new report, and of a personal data report at once.
/// </summary>
public sealed class QualityReports(
    AppDbContext db, Jurisdiction.Jurisdiction jurisdiction, TimeProvider clock, Following following, Notifier notifier,
    ServiceLinks links, IOptions<CatalogueOptions> options, Supporting supporting)
{
    private const string ItemType = CatalogueModule.ReportItemType;

    public async Task<QualityReport> FileAsync(string slug, NewReport details, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var reporter = actor.UserId() ?? throw new ForbiddenException("You cannot do that to this report");
        var dataset = await db.Datasets.Include(d => d.Distributions).SingleOrDefaultAsync(d => d.Slug == slug, cancellationToken)
            ?? throw new NotFoundException("There is no such report");
        if (dataset.IsWithdrawn)
        {
            throw new RuleException("This dataset has been withdrawn, so it cannot take new reports");
        }
        var now = clock.UtcNow();
        // Never held for a moderator's approval: it is about data already published, and the publisher's answer is due.
        var report = QualityReport.File(dataset, details.DistributionId, details.Category, details.Details, reporter, await DueOnAsync(cancellationToken), now);
        return await db.InOneTransactionAsync(async () =>
        {
            db.QualityReports.Add(report);
            await SaveAsync(cancellationToken);  // gives the report its id, for the follow, the audit entry and the emails
            await following.FollowAsync(reporter, ItemType, report.Id, asked: true, cancellationToken);
            db.AuditEntries.Add(AuditEntry.Of(ItemType, report.Id, "reported", reporter, now, null, ReportSnapshot.Of(report)));
            var urgent = report.AwaitingReview
                ? "\nIt says personal data is exposed. It is hidden from the public until you or a moderator review it: check the data now.\n"
                : "";
            await notifier.NotifyAsync(
                new Notification($"quality-report:{report.Id}:filed", $"{(report.AwaitingReview ? "Urgent: " : "")}New quality report on {dataset.Title}", $"""
                    Someone reported a problem with "{dataset.Title}": {report.Category.ToText().ToLowerInvariant()}.
                    {urgent}
                    A response is due by {report.ResponseDueOn:d MMMM yyyy}.

                    See the report: {links.Absolute(UrlOf(dataset.Slug, report.Number))}
                    """, "all") { About = new(ItemType, report.Id) },
                await db.AnswerersForAsync(dataset.OrganisationId, cancellationToken), reporter, cancellationToken);
            await SaveAsync(cancellationToken);
            return report;
        }, cancellationToken);
    }

    /// <summary>
    /// "I have this problem too": a support, counted once per person however many press at once, who then follows
    /// the report. It leaves the report itself alone, so it never collides with a publisher's change. False when
    /// they had already said so.
    /// </summary>
    public async Task<bool> AddAffectedAsync(int reportId, ClaimsPrincipal actor, CancellationToken cancellationToken = default) =>
        (await supporting.SupportAsync(ItemType, reportId, actor, use: null, cancellationToken)).Changed;

    public Task<bool> HasTheProblemTooAsync(int reportId, int userId, CancellationToken cancellationToken = default) =>
        supporting.IsSupportingAsync(userId, ItemType, reportId, cancellationToken);

    public Task<QualityReport> RespondAsync(int reportId, ClaimsPrincipal actor, string response, CancellationToken cancellationToken = default) =>
        ActAsync(reportId, actor, Manages, (report, now) => report.Respond(response, actor.UserId(), now), cancellationToken);

    public Task<QualityReport> ReviewAsync(int reportId, ClaimsPrincipal actor, string? note, CancellationToken cancellationToken = default) =>
        ActAsync(reportId, actor, (user, _, organisation) => QualityReportPermissions.CanReview(user, organisation), (report, now) => report.Review(note, actor.UserId(), now), cancellationToken);

    public Task<QualityReport> CloseAsync(int reportId, ClaimsPrincipal actor, Resolution resolution, string? note, CancellationToken cancellationToken = default) =>
        ActAsync(reportId, actor, Manages, (report, now) => report.Close(resolution, note, actor.UserId(), now), cancellationToken);

    public async Task<QualityReport> ReopenAsync(int reportId, ClaimsPrincipal actor, string reason, CancellationToken cancellationToken = default)
    {
        var due = await DueOnAsync(cancellationToken);
        return await ActAsync(reportId, actor, QualityReportPermissions.CanReopen, (report, now) => report.Reopen(reason, due, actor.UserId(), now), cancellationToken);
    }

    /// <summary>The report as <paramref name="reader"/> may see it, with its dataset's organisation.</summary>
    public async Task<(QualityReport Report, int OrganisationId)> FindAsync(int reportId, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        var report = await db.QualityReports.Include(r => r.Dataset).SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null || !QualityReportPermissions.CanView(reader, report, report.Dataset!.OrganisationId))
        {
            throw new NotFoundException("There is no such report");
        }
        return (report, report.Dataset.OrganisationId);
    }

    public static string UrlOf(string slug, int number) => $"/datasets/{slug}/reports/{number}";

    /// <summary>What a report is called where it is named on its own: "Report 3 on Bus stops".</summary>
    public static string TitleOf(int number, string datasetTitle) => $"Report {number} on {datasetTitle}";

    private static bool Manages(ClaimsPrincipal user, QualityReport report, int organisationId) => QualityReportPermissions.CanManage(user, organisationId);

    private async Task<QualityReport> ActAsync(
        int reportId, ClaimsPrincipal actor, Func<ClaimsPrincipal, QualityReport, int, bool> allowed, Func<QualityReport, DateTime, QualityReportEvent> act,
        CancellationToken cancellationToken)
    {
        var (report, organisationId) = await FindAsync(reportId, actor, cancellationToken);
        if (!allowed(actor, report, organisationId))
        {
            throw new ForbiddenException("You cannot do that to this report");
        }
        var now = clock.UtcNow();
        var before = ReportSnapshot.Of(report);
        var happened = act(report, now);
        if (QualityReportPermissions.CanManage(actor, organisationId) && happened.Kind != ReportEventKind.Reopened)
        {
            report.MarkResponded(now);
        }
        db.AuditEntries.Add(AuditEntry.Of(ItemType, report.Id, happened.Kind.ToCode(), actor.UserId(), now, before, ReportSnapshot.Of(report)));
        if (!report.AwaitingReview)
        {
            await TellFollowersAsync(report, happened, actor.UserId(), cancellationToken);
        }
        await SaveAsync(cancellationToken);
        return report;
    }

    private async Task TellFollowersAsync(QualityReport report, QualityReportEvent happened, int? actorId, CancellationToken cancellationToken)
    {
        var dataset = report.Dataset!;
        var note = happened.Note is null ? "" : $"\n{happened.Note}\n";
        await notifier.NotifyFollowersAsync(
            new Notification($"quality-report:{report.Id}:v{report.Version}", $"{happened.Kind.ToText()}: report {report.Number} on {dataset.Title}", $"""
                {happened.Kind.ToText()} on report {report.Number} ({report.Category.ToText().ToLowerInvariant()}) about "{dataset.Title}".
                {note}
                The report is now: {report.State.ToText().ToLowerInvariant()}.

                See the report: {links.Absolute(UrlOf(dataset.Slug, report.Number))}
                """, $"follow:{ItemType}:{report.Id}"),
            new FollowableItem(ItemType, report.Id), actorId, cancellationToken: cancellationToken);
    }

    private async Task<DateOnly> DueOnAsync(CancellationToken cancellationToken)
    {
        var rules = await jurisdiction.GetAsync(cancellationToken);
        return rules.Calendar.AddWorkingDays(clock.Today(), options.Value.ReportResponseWorkingDays);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RuleException("Someone else changed this report at the same moment. Check what they did, then try again");
        }
    }
}

/// <summary>The report as the audit log records it, before and after each change.</summary>
public sealed record ReportSnapshot(int DatasetId, int Number, string Category, string State, bool AwaitingReview, DateOnly ResponseDueOn, string? Resolution, string? ResolutionNote)
{
    public static ReportSnapshot Of(QualityReport r) => new(
        r.DatasetId, r.Number, r.Category.ToCode(), r.State.ToCode(), r.AwaitingReview, r.ResponseDueOn, r.Resolution?.ToCode(), r.ResolutionNote);
}

