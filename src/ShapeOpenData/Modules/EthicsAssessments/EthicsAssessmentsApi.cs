using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Api;

namespace ShapeOpenData.Modules.EthicsAssessments;

/// <summary>
/// <c>/api/v1/ethics-assessments</c>: published data ethics self-assessments, with the latest scores of each stage
/// and their whole history. An assessment its team has not published is not there for anyone (404), team included:
/// the team reads it on its pages and exports.
/// </summary>
public static partial class EthicsAssessmentsApi
{
    public static void Map(WebApplication app)
    {
        var assessments = app.MapGroup("/api/v1/ethics-assessments").WithTags("Ethics assessments");
        assessments.MapGet("", ListAsync).WithName("ListEthicsAssessments").WithSummary("Published data ethics self-assessments")
            .WithDescription("Most recently published first.");
        assessments.MapGet("{slug}", ShowAsync).WithName("GetEthicsAssessment").WithSummary("One published assessment, with its scores at each stage")
            .WithDescription("latest holds the latest assessment of each stage, as the chart on its page shows them; history every assessment recorded.");
    }

    private static async Task<Results<Ok<Paged<EthicsAssessmentListItem>>, ValidationProblem>> ListAsync(
        [Description(Paging.PageDescription)] int? page,
        [Description(Paging.PageSizeDescription)] int? pageSize,
        AppDbContext db, AssessmentReports reports, CancellationToken cancellationToken)
    {
        if (Paging.Check(page, pageSize) is { } invalid) return invalid;
        var found = await Paging.PageAsync(
            from a in db.EthicsAssessments.AsNoTracking().Where(a => a.PublishedAt != null).OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            join o in db.Organisations on a.OrganisationId equals o.Id into organisations
            from o in organisations.DefaultIfEmpty()
            select new
            {
                a.Id, a.Slug, a.ProjectName, Organisation = o == null ? null : o.Slug, OrganisationName = o == null ? null : o.Name, a.PublishedAt,
            }, page, pageSize, cancellationToken);
        var stages = await reports.StagesAssessedAsync([.. found.Items.Select(a => a.Id)], cancellationToken);
        return TypedResults.Ok(new Paged<EthicsAssessmentListItem>([.. found.Items.Select(a => new EthicsAssessmentListItem(
            a.Slug, a.ProjectName, a.Organisation, a.OrganisationName, a.PublishedAt, [.. stages[a.Id].Select(s => s.ToCode())],
            EthicsAssessmentWorkflow.UrlOf(a.Slug)))], found.Page, found.PageSize, found.Total));
    }

    private static async Task<Results<Ok<EthicsAssessmentDetail>, ProblemHttpResult>> ShowAsync(
        [Description("The assessment's slug.")] string slug, AssessmentReports reports, CancellationToken cancellationToken) =>
        await reports.FindPublishedAsync(slug, cancellationToken) is { } report
            ? TypedResults.Ok(EthicsAssessmentDetail.Of(report))
            : ApiModule.NotFound($"There is no published ethics assessment '{slug}'");
}
