using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ShapeOpenData.Modules.Api;

/// <summary>
/// Says on every operation of the OpenAPI document whether it needs a personal API token, decided in this one place
/// from what the endpoint itself enforces, so the document cannot drift from the modules' routes: an endpoint that
/// requires authorisation, and every write, needs the bearer token; a read works without one and answers more to
/// someone who sends it (members-only groups, their own requests).
/// </summary>
public sealed class OpenApiSecurity : IOpenApiOperationTransformer
{
    public const string SchemeName = "bearer";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var token = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] };
        // An empty requirement is OpenAPI's "no credentials needed": listed first, it makes the token optional.
        operation.Security = NeedsToken(context.Description.ActionDescriptor.EndpointMetadata, context.Description.HttpMethod)
            ? [token]
            : [new OpenApiSecurityRequirement(), token];
        return Task.CompletedTask;
    }

    public static bool NeedsToken(IEnumerable<object> metadata, string? method)
    {
        var endpoint = metadata.ToList();
        var requiresAuthorisation = endpoint.OfType<IAuthorizeData>().Any() && !endpoint.OfType<IAllowAnonymous>().Any();
        var isRead = method is null || HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        return requiresAuthorisation || !isRead;
    }
}
