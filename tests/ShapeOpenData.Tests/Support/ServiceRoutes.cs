using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace ShapeOpenData.Tests.Support;

/// <param name="Handler">A page's named POST handler, like <c>Leave</c>.</param>
public sealed record ServiceRoute(string Key, string Method, string Pattern, string? Handler)
{
    /// <summary>
    /// Routes that change the world for the routes after them go last: deleting the comment and leaving the group,
    /// then the person's own account (two-factor, tokens), then signing out.
    /// </summary>
    public int Order => Key switch
    {
        "POST /account/sign-out" => 3,
        _ when Method == "POST" && Pattern.StartsWith("/account", StringComparison.Ordinal) => 2,
        "POST /comments/{id:int}/delete" or "POST /groups/{slug}?handler=Leave" => 1,
        _ => 0,
    };
}

/// <summary>
/// Every route the service answers — pages with each of their handlers, and the API — taken from the endpoint data
/// source, so that a test that walks them all cannot forget a new one.
/// </summary>
public static class ServiceRoutes
{
    public static IReadOnlyList<ServiceRoute> All(IServiceProvider services)
    {
        var routes = new List<ServiceRoute>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (string.IsNullOrEmpty(endpoint.DisplayName)) continue; // a static file: the same for everyone
            var pattern = "/" + endpoint.RoutePattern.RawText!.Trim('/');
            if (endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is { } page)
            {
                routes.Add(new($"GET {pattern}", "GET", pattern, null));
                routes.AddRange(page.HandlerMethods.Where(h => h.HttpMethod == "Post").Select(h =>
                    new ServiceRoute(h.Name is null ? $"POST {pattern}" : $"POST {pattern}?handler={h.Name}", "POST", pattern, h.Name)));
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            routes.AddRange(methods.Where(m => m != "HEAD").Select(m => new ServiceRoute($"{m} {pattern}", m, pattern, null)));
        }
        return [.. routes.DistinctBy(r => r.Key).OrderBy(r => r.Order).ThenBy(r => r.Key, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The route with its parameters filled in from <paramref name="values"/>, each by the word before it
    /// (<c>/meetings/{id}</c> is the meeting); two parameters after one word (<c>/moderation/report/{type}/{id}</c>)
    /// are told apart by name: <c>report.type</c>.
    /// </summary>
    public static string PathOf(ServiceRoute route, IReadOnlyDictionary<string, string> values)
    {
        var pattern = route.Pattern.Split('/');
        var segments = route.Pattern.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var (open, close) = (segments[i].IndexOf('{', StringComparison.Ordinal), segments[i].LastIndexOf('}'));
            if (open < 0) continue;
            var word = pattern.Take(i).LastOrDefault(s => !s.Contains('{', StringComparison.Ordinal)) ?? "";
            var name = segments[i][(open + 1)..close].Split(':')[0];
            var value = values.TryGetValue($"{word}.{name}", out var named) ? named : values[word];
            segments[i] = segments[i][..open] + value + segments[i][(close + 1)..];
        }
        var path = string.Join('/', segments);
        return route.Handler is null ? path : $"{path}?handler={route.Handler}";
    }
}
