using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.OpenApi;

namespace ShapeOpenData.Modules.Api;

/// <summary>
/// The API's plumbing: JSON conventions (camelCase, codes for enums), the OpenAPI 3.1 document at
/// <c>/openapi/v1.json</c>, ETags on reads and the reference page at <c>/api-docs</c>. Each module maps its own
/// routes under <c>/api/v1</c>. Also CKAN's Action API (<c>/api/3/action/…</c>), whose actions modules contribute
/// through <see cref="ICkanActions"/>.
/// </summary>
public static class ApiModule
{
    public const string DocumentName = "v1";

    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        builder.Services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Shape open data API",
                    Version = "v1",
                    Description = "Everything public in Shape open data, as JSON. Reads need no key. Writes need a personal API " +
                                  "token (create one on /account/api-tokens), sent as the header \"Authorization: Bearer <token>\". " +
                                  "Errors are RFC 9457 problem details. Reads carry ETags: send If-None-Match to get 304 when nothing changed.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[OpenApiSecurity.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A personal API token.",
                };
                // The server is the address the document was asked at; its paths start with a slash, so no slash ends it.
                foreach (var server in document.Servers ?? [])
                {
                    server.Url = server.Url?.TrimEnd('/');
                }
                return Task.CompletedTask;
            });
            options.AddOperationTransformer<OpenApiSecurity>();
        });
        return builder;
    }

    /// <summary>Call after the web platform's middleware: the ETags wrap what the endpoints write, after authorisation.</summary>
    public static WebApplication MapApi(this WebApplication app)
    {
        app.UseApiBodyLimit();
        app.UseApiETags();
        app.MapOpenApi("/openapi/{documentName}.json");
        CkanApi.Map(app);
        return app;
    }

    /// <summary>A 400 problem whose <c>errors</c> name the parameter and say what is wrong, like the pages do.</summary>
    public static ValidationProblem Invalid(string parameter, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [message] },
            title: "The request has a mistake in it", detail: message);

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
