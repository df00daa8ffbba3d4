using Microsoft.AspNetCore.Http.Features;

namespace ShapeOpenData.Modules.Api;

/// <summary>
/// No API call needs more than a few kilobytes of JSON (the longest text a request holds is 10,000 characters), so a
/// body over 1 MB is refused with 413 before anything reads it, rather than buffered and parsed.
/// </summary>
public static class ApiBodyLimit
{
    public const long MaxBodyBytes = 1024 * 1024;

    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app) => app.UseWhen(
        context => context.Request.Path.StartsWithSegments("/api"),
        api => api.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > MaxBodyBytes)
            {
                await TypedResults.Problem("A request body can be at most 1 MB.", statusCode: StatusCodes.Status413PayloadTooLarge,
                    title: "Request body too large").ExecuteAsync(context);
                return;
            }
            // A body sent without its length (chunked) is cut off by the server at the same size: reading past it is a 413.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxBodyBytes;
            }
            await next(context);
        }));
}
