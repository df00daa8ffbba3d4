using System.ComponentModel;
using System.Text.Json;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using ShapeOpenData.Modules.Api;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Outcomes;

/// <summary>One step of a chain in the API: the item, where it stands, why it came of the step before, and what it led to.</summary>
public sealed record OutcomeStepResponse(string Type, string Key, string Title, string Url, string? Standing, string? Reason, IReadOnlyList<OutcomeStepResponse> Next)
{
    public static OutcomeStepResponse Of(ChainStep step) =>
        new(step.Item.Type, step.Item.Key, step.Item.Title, step.Item.Url, step.Item.Standing, step.Reason, [.. step.Next.Select(Of)]);
}

public sealed record OutcomeChainResponse(OutcomeStepResponse Start, DateTime? LatestLinkAt);

/// <summary>
/// The chains as open data: <c>/api/v1/outcomes</c> (paged, filtered like the page), <c>/outcomes.json</c> (every chain)
/// and <c>/outcomes.csv</c> (a row for each step of each chain).
/// </summary>
public static partial class OutcomesApi
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/v1/outcomes", ListAsync).WithTags("Outcomes").WithName("ListOutcomes")
            .WithSummary("Chains from what people asked to what was done")
            .WithDescription("Each chain starts at an input nothing led to (a request, a statement, an action…) and follows the links to what came of it: commitments, milestones, datasets, document versions. Only public items appear.");
        app.MapGet("/outcomes.json", JsonAsync).ExcludeFromDescription();
        app.MapGet("/outcomes.csv", CsvAsync).ExcludeFromDescription();
    }

    /// <summary>The filter from query values; a wrong value is a rule broken on its parameter (a 400 that names it).</summary>
    public static ChainFilter FilterOf(string? input, string? outcome, string? through, LinkWorkflow workflow)
    {
        if (input is not null && !workflow.InputTypes.Contains(input))
        {
            throw new FieldRuleException("input", "input must be one of: " + string.Join(", ", workflow.InputTypes));
        }
        if (outcome is not null && !workflow.OutcomeKinds.Any(k => k.Type == outcome))
        {
            throw new FieldRuleException("outcome", "outcome must be one of: " + string.Join(", ", workflow.OutcomeKinds.Select(k => k.Type)));
        }
        ItemRef? item = null;
        if (through is not null)
        {
            var parts = through.Split(':');
            if (parts.Length != 2 || !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                throw new FieldRuleException("through", "through must be an item's type and id, like request:12");
            }
            item = new ItemRef(parts[0], id);
        }
        return new ChainFilter(input, outcome, item);
    }

    private static async Task<Results<Ok<Paged<OutcomeChainResponse>>, ValidationProblem>> ListAsync(
        [Description("An input's kind, like request or consultation_statement: chains that go through one.")] string? input,
        [Description("An outcome's kind, like commitment, milestone, dataset or document_version: chains that reach one.")] string? outcome,
        [Description("One item, as type:id (like request:12): chains that go through it.")] string? through,
        [Description(Paging.PageDescription)] int? page,
        [Description(Paging.PageSizeDescription)] int? pageSize,
        OutcomeChains chains, LinkWorkflow workflow, CancellationToken cancellationToken)
    {
        if (Paging.Check(page, pageSize) is { } invalid) return invalid;
        var found = await chains.FindAsync(FilterOf(input, outcome, through, workflow), cancellationToken);
        var (number, size) = (page ?? 1, pageSize ?? Paging.DefaultPageSize);
        return TypedResults.Ok(new Paged<OutcomeChainResponse>([.. found.Skip((number - 1) * size).Take(size).Select(Respond)], number, size, found.Count));
    }

    public static OutcomeChainResponse Respond(OutcomeChain chain) => new(OutcomeStepResponse.Of(chain.Start), chain.LatestLinkAt);

    private static async Task JsonAsync(HttpContext context, OutcomeChains chains, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body,
            (await chains.FindAsync(new ChainFilter(), cancellationToken)).Select(Respond), JsonSerializerOptions.Web, cancellationToken);
    }

    /// <summary>A step of a chain: its place (depth first) and depth, so the branches can be put back together.</summary>
    [CsvRecord]
    public sealed partial record Row(int Chain, int Step, int Depth, string Type, string Key, string Title, string? Standing, string? Reason, string Url);

    private static async Task CsvAsync(HttpContext context, OutcomeChains chains, CancellationToken cancellationToken)
    {
        var rows = (await chains.FindAsync(new ChainFilter(), cancellationToken))
            .SelectMany((chain, c) => Flatten(chain.Start, 1).Select((s, n) => new Row(c + 1, n + 1, s.Depth, s.Step.Item.Type, s.Step.Item.Key, s.Step.Item.Title,
                s.Step.Item.Standing, s.Step.Reason, s.Step.Item.Url)));
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"outcomes.csv\"";
        await using var csv = CsvWriter.Create(context.Response.Body, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        await csv.WriteRecordsAsync(rows.ToAsyncEnumerable(), cancellationToken);
    }

    private static IEnumerable<(ChainStep Step, int Depth)> Flatten(ChainStep step, int depth) =>
        step.Next.SelectMany(n => Flatten(n, depth + 1)).Prepend((step, depth));
}
