using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.Catalogue;

/// <summary>
/// CKAN's Action API (version 3) over the catalogue and the public requests, so that CKAN clients (ckanapi,
/// CKAN's own JavaScript, harvesters, our own importer) read this service as they read a CKAN portal. It keeps
/// CKAN's contract, not ours: the <c>{help, success, result}</c> envelope, CKAN's field names, its error shapes
/// and status codes, GET with parameters or POST with a JSON object. So it stays out of our OpenAPI document.
/// </summary>
public static class CkanApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private sealed record Call(CkanParameters Parameters, CkanCatalogue Catalogue, CkanDataRequests Requests);

    /// <param name="Help">What <c>help_show</c> says about it: CKAN gives the action's documentation.</param>
    private sealed record Action(string Help, Func<Call, CancellationToken, Task<object>> RunAsync);

    private static readonly FrozenDictionary<string, Action> Actions = new Dictionary<string, Action>
    {
        ["package_search"] = new(
            "Searches for datasets. Parameters: q, fq (organization:, res_format:, tags:, groups:), rows (at most 1000), start, " +
            "sort (score desc, metadata_modified desc by default; also metadata_created, title_string, name).",
            (call, token) => call.Catalogue.PackageSearchAsync(call.Parameters, token)),
        ["package_show"] = new("Returns one dataset, by name or id. Withdrawn datasets have state \"deleted\".",
            (call, token) => call.Catalogue.PackageShowAsync(call.Parameters, token)),
        ["package_list"] = new("Returns the names of all datasets. Parameters: limit, offset.",
            (call, token) => call.Catalogue.PackageListAsync(call.Parameters, token)),
        ["organization_list"] = new("Returns the names of all organizations, or the organizations with all_fields. Parameters: sort, limit, offset.",
            (call, token) => call.Catalogue.OrganizationListAsync(call.Parameters, token)),
        ["organization_show"] = new("Returns one organization, by name or id.",
            (call, token) => call.Catalogue.OrganizationShowAsync(call.Parameters, token)),
        ["list_datarequests"] = new("Returns public data requests. Parameters: organization_id, closed, q, sort (asc or desc), offset, limit.",
            (call, token) => call.Requests.ListAsync(call.Parameters, token)),
        ["show_datarequest"] = new("Returns one public data request, by id.",
            (call, token) => call.Requests.ShowAsync(call.Parameters, token)),
        ["help_show"] = new("Returns the documentation of the action given as name.",
            (call, _) => Task.FromResult<object>(HelpShow(call.Parameters))),
    }.ToFrozenDictionary(StringComparer.Ordinal);

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
        string action, HttpContext context, AppDbContext db, DatasetQueries queries, ServiceLinks links, CancellationToken cancellationToken)
    {
        if (!Actions.TryGetValue(action, out var known))
        {
            return BadRequest($"Action name not known: {action}");
        }
        var help = links.Absolute($"/api/3/action/help_show?name={Uri.EscapeDataString(action)}").ToString();
        try
        {
            var parameters = await CkanParameters.ReadAsync(context.Request, cancellationToken);
            var result = await known.RunAsync(new Call(parameters, new CkanCatalogue(db, queries), new CkanDataRequests(db)), cancellationToken);
            return TypedResults.Json(new Answer(help, true, result), Json);
        }
        catch (CkanBadRequestException bad)
        {
            return BadRequest(bad.Message);
        }
        catch (CkanValidationException invalid)
        {
            return Error(help, StatusCodes.Status409Conflict, new Dictionary<string, object>(invalid.Errors) { ["__type"] = "Validation Error" });
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

    private static string HelpShow(CkanParameters parameters)
    {
        var name = parameters.Required("name");
        return Actions.TryGetValue(name, out var action) ? action.Help : throw new CkanNotFoundException("Action function not found");
    }

    private static JsonHttpResult<Refusal> Error(string help, int status, Dictionary<string, object> error) =>
        TypedResults.Json(new Refusal(help, false, error), Json, statusCode: status);

    /// <summary>CKAN refuses a call it cannot start with 400 and a bare JSON string, not its envelope.</summary>
    private static JsonHttpResult<string> BadRequest(string message) => TypedResults.Json($"Bad request - {message}", Json, statusCode: StatusCodes.Status400BadRequest);
}
