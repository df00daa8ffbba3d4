using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.Catalogue;

/// <param name="Slug">Its address on the service: <c>/datasets/{slug}</c>.</param>
/// <param name="Publisher">The publishing organisation's slug.</param>
/// <param name="LandingPage">Its page on the portal it came from.</param>
/// <param name="Issued">When the source first published it.</param>
/// <param name="Modified">When the source last changed it.</param>
/// <param name="Withdrawn">Gone from its source: kept, with its reports and the requests it answered.</param>
public sealed record DatasetResponse(
    string Slug, string Title, string Description, string Publisher, string PublisherName, LicenceResponse Licence, OpennessResponse Openness,
    IReadOnlyList<string> Themes, IReadOnlyList<string> Keywords, string? LandingPage, DateTime? Issued, DateTime? Modified, bool Withdrawn,
    IReadOnlyList<DistributionResponse> Distributions, string Url)
{
    public static DatasetResponse From(Dataset d) => new(
        d.Slug, d.Title, d.Description, d.Organisation!.Slug, d.Organisation.Name,
        new LicenceResponse(d.LicenceId, d.LicenceTitle, d.LicenceUrl, d.IsOpenLicence), OpennessResponse.From(d.Openness),
        [.. d.Themes.Select(t => t.Theme).Order().Select(t => t.ToCode())], [.. d.KeywordList], d.LandingPage, d.IssuedAt, d.ModifiedAt,
        d.IsWithdrawn, [.. d.Distributions.OrderBy(x => x.Position).Select(DistributionResponse.From)], $"/datasets/{d.Slug}");
}

/// <param name="Open">Whether the licence is open, which the openness level starts from.</param>
public sealed record LicenceResponse(string? Id, string? Title, string? Url, bool Open);

/// <param name="Level">Stars in the five-star scheme, 0 to 5.</param>
/// <param name="Code">The same as a code: none, open_licence, structured, open_format, uris or linked.</param>
public sealed record OpennessResponse(int Level, string Code)
{
    public static OpennessResponse From(Openness openness) => new((int)openness, openness.ToCode());
}

/// <param name="Format">Upper case, as people say it: CSV, JSON, PDF.</param>
/// <param name="SizeBytes">When the source says.</param>
public sealed record DistributionResponse(
    string Title, string? Description, string Url, string Format, string? MediaType, long? SizeBytes, DateTime? LastModified)
{
    public static DistributionResponse From(Distribution d) => new(d.Title, d.Description, d.Url, d.Format, d.MediaType, d.SizeBytes, d.LastModifiedAt);
}

/// <summary>A quality report on a dataset, as the API gives it: codes for category, state and resolution.</summary>
/// <param name="Number">Counts from 1 within its dataset.</param>
/// <param name="Distribution">The file or link the problem is with, when it is one of them.</param>
/// <param name="ResponseDueOn">The publisher's first response is due by this day.</param>
/// <param name="AwaitingReview">A personal data report not yet reviewed: only its reporter and reviewers see it.</param>
/// <param name="AffectedCount">People who said they have this problem too.</param>
/// <param name="Overdue">Open, with no response, past its due day.</param>
public sealed record ReportResponse(
    int Number, string Category, string State, string Details, DistributionResponse? Distribution, DateTime CreatedAt, DateOnly ResponseDueOn,
    DateTime? FirstRespondedAt, string? Resolution, string? ResolutionNote, int AffectedCount, bool AwaitingReview, bool Overdue, string Url)
{
    public static ReportResponse From(QualityReport r, string slug, Distribution? distribution, DateOnly today) => new(
        r.Number, r.Category.ToCode(), r.State.ToCode(), r.Details, distribution is null ? null : DistributionResponse.From(distribution),
        r.CreatedAt, r.ResponseDueOn, r.FirstRespondedAt, r.Resolution?.ToCode(), r.ResolutionNote, r.AffectedCount, r.AwaitingReview,
        r.IsOverdue(today), QualityReports.UrlOf(slug, r.Number));
}

public static class DatasetDetails
{
    /// <summary>A dataset with its publisher, themes and distributions: one query per collection rather than one per dataset.</summary>
    public static IQueryable<Dataset> WithDetails(this IQueryable<Dataset> datasets) =>
        datasets.Include(d => d.Organisation).Include(d => d.Themes).Include(d => d.Distributions).AsSplitQuery();
}
