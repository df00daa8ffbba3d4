using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Api;

namespace ShapeOpenData.Modules.Updates;

/// <summary><c>/api/v1/updates</c>: every policy update is public, with its suggestions for improvement and their answers.</summary>
public static class UpdatesApi
{
    public static void Map(WebApplication app)
    {
        var updates = app.MapGroup("/api/v1/updates").WithTags("Policy updates");
        updates.MapGet("", ListAsync).WithName("ListUpdates").WithSummary("Policy updates")
            .WithDescription("Policy updates by the programme team and publishers, newest first, with their tags and how many suggestions for improvement each had and how many were adopted.");
        updates.MapGet("{slug}", ShowAsync).WithName("GetUpdate").WithSummary("One policy update, with its suggestions")
            .WithDescription("The update with its Markdown body and every suggestion for improvement made on it, each with its answer (noted, adopted or not_adopted), the reason and who answered.");
    }

    private static async Task<Results<Ok<Paged<UpdateSummary>>, ValidationProblem>> ListAsync(
        [Description("A tag, like open-data: only updates with it.")] string? tag,
        [Description("An organisation's slug: only its updates.")] string? organisation,
        [Description(Paging.PageDescription)] int? page,
        [Description(Paging.PageSizeDescription)] int? pageSize,
        UpdateReadModel updates, CancellationToken cancellationToken)
    {
        if (Paging.Check(page, pageSize) is { } invalid) return invalid;
        var query = updates.Filtered(new UpdateFilter(tag, organisation));
        var (number, size) = (page ?? 1, pageSize ?? Paging.DefaultPageSize);
        var total = await query.CountAsync(cancellationToken);
        var items = await updates.SummariesAsync(query.Skip((number - 1) * size).Take(size), cancellationToken);
        return TypedResults.Ok(new Paged<UpdateSummary>(items, number, size, total));
    }

    private static async Task<Results<Ok<UpdateResponse>, ProblemHttpResult>> ShowAsync(
        [Description("The update's slug, as in its address.")] string slug, UpdateReadModel updates, CancellationToken cancellationToken) =>
        await updates.FindAsync(slug, cancellationToken) is { } found
            ? TypedResults.Ok(found)
            : ApiModule.NotFound($"There is no update '{slug}'");
}
