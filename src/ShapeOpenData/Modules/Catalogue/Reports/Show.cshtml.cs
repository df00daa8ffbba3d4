using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Comments;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Catalogue.Reports;

/// <summary>One quality report: the problem, the publisher's responses, who else has it, what other modules show of it, and its comments.</summary>
public sealed class ShowModel(AppDbContext db, QualityReports reports, CommentThreads comments, TimeProvider clock, PageSections sections) : ReportPage(db)
{
    [BindProperty] public string? Reason { get; set; }

    public CommentPage Comments { get; private set; } = null!;

    /// <summary>What other modules show on a report's page, like what it led to.</summary>
    public IReadOnlyList<PageSection> Sections { get; private set; } = [];
    public IReadOnlyDictionary<int, string> Names { get; private set; } = new Dictionary<int, string>();
    public Distribution? Distribution { get; private set; }
    public bool HasProblemToo { get; private set; }
    public DateOnly Today { get; private set; }

    public bool CanManage => QualityReportPermissions.CanManage(User, Dataset.OrganisationId);
    public bool CanReview => Report.AwaitingReview && QualityReportPermissions.CanReview(User, Dataset.OrganisationId);
    public bool CanReopen => !Report.IsOpen && QualityReportPermissions.CanReopen(User, Report, Dataset.OrganisationId);
    public bool CanSayAffected => User.IsSignedIn() && Report.IsOpen && Report.Moderation.IsPublic && Report.ReporterId != User.UserId() && !HasProblemToo;

    /// <summary>What the reporter wrote: when a moderator has hidden it, only its reporter and moderators read it, and others the notice.</summary>
    public bool CanRead => QualityReportPermissions.CanRead(User, Report);
    public bool CanReport => QualityReportPermissions.CanReport(User, Report);

    public async Task<IActionResult> OnGetAsync(string slug, int number, [FromQuery(Name = "comments")] int commentPage, CancellationToken cancellationToken) =>
        await LoadAsync(slug, number, cancellationToken) && await LoadPageAsync(commentPage, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAffectedAsync(string slug, int number, CancellationToken cancellationToken)
    {
        if (!User.IsSignedIn())
        {
            return Challenge();
        }
        return await ActAsync(slug, number, "Thank you. We have counted you, and will email you when the report changes",
            id => reports.AddAffectedAsync(id, User, cancellationToken), "affected", cancellationToken);
    }

    public async Task<IActionResult> OnPostReopenAsync(string slug, int number, CancellationToken cancellationToken)
    {
        if (!User.IsSignedIn())
        {
            return Challenge();
        }
        var reason = ModelState.Required(nameof(Reason), Reason, "Say why the report should be reopened", QualityReport.DetailsMaxLength, "The reason");
        return await ActAsync(slug, number, "The report is open again", id => reports.ReopenAsync(id, User, reason!, cancellationToken), nameof(Reason), cancellationToken,
            () => QualityReportPermissions.CanReopen(User, Report, Dataset.OrganisationId));
    }

    protected override Task OnInvalidAsync(CancellationToken cancellationToken) => LoadPageAsync(1, cancellationToken);

    private async Task<bool> LoadPageAsync(int commentPage, CancellationToken cancellationToken)
    {
        Today = clock.Today();
        Distribution = Report.DistributionId is { } id ? await Db.Distributions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken) : null;
        if (User.UserId() is { } userId)
        {
            HasProblemToo = await reports.HasTheProblemTooAsync(Report.Id, userId, cancellationToken);
        }
        var people = Report.Events.Where(e => e.ActorId is not null).Select(e => e.ActorId!.Value).Append(Report.ReporterId ?? 0).Distinct().ToList();
        Names = await Db.PublicNamesAsync(people, cancellationToken);
        Comments = await comments.PageAsync(CatalogueModule.ReportItemType, Report.Id, commentPage, User, User.IsSignedIn(), cancellationToken);
        Sections = await sections.ForAsync(ItemTypes.QualityReport, Report.Id, User, cancellationToken);
        return true;
    }
}
