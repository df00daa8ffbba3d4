using System.Text.Json;

namespace ShapeOpenData.Modules.EthicsAssessments;

/// <summary>
/// <c>/ethics-assessments/{slug}.md</c> and <c>.json</c>: an assessment to download, for whoever may see it — so a
/// private one for its team (and the programme team and administrators) only, and 404 for anyone else.
/// </summary>
public static class AssessmentExports
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Map(WebApplication app)
    {
        app.MapGet("/ethics-assessments/{slug}.md", async (string slug, HttpContext context, AssessmentReports reports, CancellationToken cancellationToken) =>
            await reports.FindAsync(slug, context.User, cancellationToken) is { } report
                ? Download(context, $"{slug}.md", Results.Text(AssessmentMarkdown.Write(report), "text/markdown; charset=utf-8"))
                : Results.NotFound()).ExcludeFromDescription();
        app.MapGet("/ethics-assessments/{slug}.json", async (string slug, HttpContext context, AssessmentReports reports, CancellationToken cancellationToken) =>
            await reports.FindAsync(slug, context.User, cancellationToken) is { } report
                ? Download(context, $"{slug}.json", Results.Json(EthicsAssessmentsApi.EthicsAssessmentDetail.Of(report), Json, "application/json; charset=utf-8"))
                : Results.NotFound()).ExcludeFromDescription();
    }

    private static IResult Download(HttpContext context, string fileName, IResult content)
    {
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        // A private assessment is the team's: no shared cache may keep it.
        context.Response.Headers.CacheControl = "private, no-store";
        return content;
    }
}
