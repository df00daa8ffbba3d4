using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.Api;

/// <summary>
/// CKAN's Action API (version 3), so that CKAN clients (ckanapi, CKAN's own JavaScript, harvesters, our own importer)
/// read this service as they read a CKAN portal. The actions come from the modules (<see cref="ICkanActions"/>); this
/// keeps CKAN's contract around them, not ours: the <c>{help, success, result}</c> envelope, CKAN's field names, its
/// error shapes and status codes, GET with parameters or POST with a JSON object, and <c>help_show</c>. So it stays
/// out of our OpenAPI document.
/// </summary>
public static class CkanApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void Map(WebApplication app)
    {
        // CKAN answers on both: ckanapi calls /api/action/…, CKAN's documentation and pages use /api/3/action/….
        foreach (var prefix in new[] { "/api/3/action", "/api/action" })
        {
            app.MapMethods($"{prefix}/{{action}}", [HttpMethods.Get, HttpMethods.Post], HandleAsync).ExcludeFromDescription();
        }
    }

    /// <summary>CKAN's envelope: where the action's documentation is, whether it worked, and what it gave.</summary>
    private sealed record Answer(string Help, bool Success, object Result);

    private sealed record Refusal(string Help, bool Success, IReadOnlyDictionary<string, object> Error);

    private static async Task<IResult> HandleAsync(
        string action, HttpContext context, [FromServices] IEnumerable<ICkanActions> modules, ServiceLinks links, CancellationToken cancellationToken)
    {
        if (!Actions(modules).TryGetValue(action, out var known))
        {
            return BadRequest($"Action name not known: {action}");
        }
        var help = links.Absolute($"/api/3/action/help_show?name={Uri.EscapeDataString(action)}").ToString();
        try
        {
            var parameters = await CkanParameters.ReadAsync(context.Request, cancellationToken);
            var result = await known.RunAsync(parameters, cancellationToken);
            return TypedResults.Json(new Answer(help, true, result), Json);
        }
        catch (CkanBadRequestException bad)
        {
            return BadRequest(bad.Message);
        }
        catch (CkanValidationException invalid)
        {
            if (invalid.Status == StatusCodes.Status413PayloadTooLarge)
            {
                // The rest of the body is not wanted: closing the connection spares reading it to keep the connection open.
                context.Response.Headers.Connection = "close";
            }
            return Error(help, invalid.Status, new Dictionary<string, object>(invalid.Errors) { ["__type"] = "Validation Error" });
        }
        catch (CkanNotFoundException missing)
        {
            return Error(help, StatusCodes.Status404NotFound, new() { ["__type"] = "Not Found Error", ["message"] = missing.Message });
        }
        catch (CkanSearchException search)
        {
            var status = search.Type == "Search Query Error" ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            return Error(help, status, new() { ["__type"] = search.Type, ["message"] = search.Message });
        }
    }

    /// <summary>Every module's actions, and <c>help_show</c>, which describes any of them.</summary>
    private static Dictionary<string, CkanAction> Actions(IEnumerable<ICkanActions> modules)
    {
        var actions = new Dictionary<string, CkanAction>(StringComparer.Ordinal);
        var helpShow = new CkanAction("help_show", "Returns the documentation of the action given as name.", (parameters, _) =>
        {
            var name = parameters.Required("name");
            return Task.FromResult<object>(actions.TryGetValue(name, out var described) ? described.Help : throw new CkanNotFoundException("Action function not found"));
        });
        foreach (var action in modules.SelectMany(m => m.Actions).Append(helpShow))
        {
            if (!actions.TryAdd(action.Name, action))
            {
                throw new InvalidOperationException($"The CKAN action {action.Name} is contributed twice.");
            }
        }
        return actions;
    }

    private static JsonHttpResult<Refusal> Error(string help, int status, Dictionary<string, object> error) =>
        TypedResults.Json(new Refusal(help, false, error), Json, statusCode: status);

    /// <summary>CKAN refuses a call it cannot start with 400 and a bare JSON string, not its envelope.</summary>
    private static JsonHttpResult<string> BadRequest(string message) => TypedResults.Json($"Bad request - {message}", Json, statusCode: StatusCodes.Status400BadRequest);
}
