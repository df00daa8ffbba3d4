using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;

namespace ShapeOpenData.Modules.Api;

/// <summary>
/// The API reference, rendered on the server from the same OpenAPI document clients download, so it
/// works without JavaScript and under the strict Content Security Policy.
/// </summary>
public sealed class DocsModel([FromKeyedServices(ApiModule.DocumentName)] IOpenApiDocumentProvider openApi) : PageModel
{
    public sealed record Parameter(string Name, string In, bool Required, string? Description);
    public sealed record Operation(string Id, string Method, string Path, string? Summary, string? Description,
        bool NeedsToken, IReadOnlyList<Parameter> Parameters, IReadOnlyList<string> Responses);

    public string? Description { get; private set; }
    public IReadOnlyList<IGrouping<string, Operation>> ByTag { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var document = await openApi.GetOpenApiDocumentAsync(cancellationToken);
        Description = document.Info?.Description;
        var operations =
            from path in document.Paths
            from entry in path.Value.Operations ?? []
            let operation = entry.Value
            select (Tag: operation.Tags?.FirstOrDefault()?.Name ?? "Other", Operation: new Operation(
                operation.OperationId ?? $"{entry.Key}{path.Key}",
                entry.Key.Method.ToUpperInvariant(),
                path.Key,
                operation.Summary,
                operation.Description,
                operation.Security?.Count > 0,
                [.. (operation.Parameters ?? []).Select(p => new Parameter(p.Name ?? "", p.In?.ToString().ToLowerInvariant() ?? "", p.Required, p.Description))],
                [.. (operation.Responses ?? []).Select(r => $"{r.Key} {r.Value.Description}".Trim())]));
        ByTag = [.. operations.OrderBy(o => o.Operation.Path, StringComparer.Ordinal).GroupBy(o => o.Tag, o => o.Operation).OrderBy(g => g.Key)];
    }
}
