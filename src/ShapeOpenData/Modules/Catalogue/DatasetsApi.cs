using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Api;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Catalogue;

/// <summary>
/// <c>/api/v1/datasets</c>: the catalogue with the list page's filters, one dataset, and the quality reports on
/// it that the caller may see. A personal data report awaiting review is hidden, as on the pages, and so is a report
/// a moderator has hidden (404 on its own address), except from its reporter and moderators.
/// </summary>
public static class DatasetsApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("", ListAsync).WithName("ListDatasets").WithSummary("Datasets")
            .WithDescription("Datasets in the catalogue, filtered and sorted like the /datasets page. Withdrawn datasets are left out.");
        group.MapGet("{slug}", ShowAsync).WithName("GetDataset").WithSummary("One dataset, with its distributions")
            .WithDescription("Withdrawn datasets are still given, with withdrawn true.");
        group.MapGet("{slug}/reports", ListReportsAsync).WithName("ListQualityReports").WithSummary("Quality reports on a dataset")
            .WithDescription("Newest first. A personal data report awaiting review is seen only by its reporter, the publisher and moderators; a report hidden by a moderator only by its reporter and moderators.");
        group.MapGet("{slug}/reports/{number:int}", ShowReportAsync).WithName("GetQualityReport").WithSummary("One quality report");
    }

    private static async Task<Results<Ok<Paged<DatasetResponse>>, ValidationProblem>> ListAsync(
        [Description("Words that must each appear in the title, description or keywords.")] string? q,
        [Description("An organisation's slug, like department-for-transport.")] string? publisher,
        [Description("A theme code, like transport.")] string? theme,
        [Description("A distribution format, like CSV.")] string? format,
        [Description("At least this openness: a level from 0 to 5, or its code (open_licence, structured, open_format, uris, linked).")] string? openness,
        [Description("recently_updated (the default), title or most_open.")] string? sort,
        [Description(Paging.PageDescription)] int? page,
        [Description(Paging.PageSizeDescription)] int? pageSize,
        DatasetQueries queries, CancellationToken cancellationToken)
    {
        if (Paging.Check(page, pageSize) is { } invalid) return invalid;
        Theme? themeCode = null;
        if (theme is not null)
        {
            if (!Codes.TryParse<Theme>(theme, out var parsed)) return ApiModule.Invalid("theme", "Use a theme code: " + Codes.List<Theme>());
            themeCode = parsed;
        }
        Openness? least = null;
        if (openness is not null)
        {
            if (OpennessFrom(openness) is not { } parsed) return ApiModule.Invalid("openness", "Use a level from 0 to 5 or a code: " + Codes.List<Openness>());
            least = parsed;
        }
        var order = DatasetSort.RecentlyUpdated;
        if (sort is not null && !Codes.TryParse(sort, out order)) return ApiModule.Invalid("sort", "Use a sort: " + Codes.List<DatasetSort>());

        var filter = new DatasetFilter(q, string.IsNullOrWhiteSpace(publisher) ? null : publisher, themeCode,
            string.IsNullOrWhiteSpace(format) ? null : format, least, order);
        var datasets = await Paging.PageAsync(queries.Filter(filter).WithDetails(), page, pageSize, cancellationToken);
        return TypedResults.Ok(new Paged<DatasetResponse>([.. datasets.Items.Select(DatasetResponse.From)], datasets.Page, datasets.PageSize, datasets.Total));
    }

    private static async Task<Results<Ok<DatasetResponse>, ProblemHttpResult>> ShowAsync(
        [Description("The dataset's slug, like road-traffic-statistics.")] string slug, AppDbContext db, CancellationToken cancellationToken) =>
        await db.Datasets.AsNoTracking().WithDetails().SingleOrDefaultAsync(d => d.Slug == slug, cancellationToken) is { } dataset
            ? TypedResults.Ok(DatasetResponse.From(dataset))
            : ApiModule.NotFound($"There is no dataset '{slug}'");

    private static async Task<Results<Ok<Paged<ReportResponse>>, ValidationProblem, ProblemHttpResult>> ListReportsAsync(
        [Description("The dataset's slug.")] string slug,
        [Description(Paging.PageDescription)] int? page,
        [Description(Paging.PageSizeDescription)] int? pageSize,
        ClaimsPrincipal viewer, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Paging.Check(page, pageSize) is { } invalid) return invalid;
        if (await VisibleReportsAsync(slug, viewer, db, clock, cancellationToken) is not { } reports)
        {
            return ApiModule.NotFound($"There is no dataset '{slug}'");
        }
        var (number, size) = (page ?? 1, pageSize ?? Paging.DefaultPageSize);
        return TypedResults.Ok(new Paged<ReportResponse>([.. reports.Skip((number - 1) * size).Take(size)], number, size, reports.Count));
    }

    private static async Task<Results<Ok<ReportResponse>, ProblemHttpResult>> ShowReportAsync(
        [Description("The dataset's slug.")] string slug,
        [Description("The report's number within the dataset, from 1.")] int number,
        ClaimsPrincipal viewer, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        (await VisibleReportsAsync(slug, viewer, db, clock, cancellationToken))?.FirstOrDefault(r => r.Number == number) is { } report
            ? TypedResults.Ok(report)
            : ApiModule.NotFound($"There is no report {number} on '{slug}'");

    /// <summary>
    /// The dataset's reports that <paramref name="viewer"/> may see, newest first; null when there is no such
    /// dataset. A dataset has tens of reports, not thousands, so each is asked about in turn.
    /// </summary>
    private static async Task<List<ReportResponse>?> VisibleReportsAsync(
        string slug, ClaimsPrincipal viewer, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var dataset = await db.Datasets.AsNoTracking().Include(d => d.Distributions).SingleOrDefaultAsync(d => d.Slug == slug, cancellationToken);
        if (dataset is null)
        {
            return null;
        }
        var reports = await db.QualityReports.AsNoTracking().Where(r => r.DatasetId == dataset.Id).OrderByDescending(r => r.Number)
            .ToListAsync(cancellationToken);
        var today = clock.Today();
        return [.. reports.Where(r => QualityReportPermissions.CanFind(viewer, r, dataset.OrganisationId))
            .Select(r => ReportResponse.From(r, slug, dataset.Distributions.FirstOrDefault(d => d.Id == r.DistributionId), today))];
    }

    private static Openness? OpennessFrom(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var level) && Enum.IsDefined((Openness)level) ? (Openness)level
        : Codes.TryParse<Openness>(text, out var code) ? code
        : null;
}
