using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace ShapeOpenData.Infrastructure;

/// <summary>
/// A form bigger than its page accepts (the page's own request size limit, or the server's 30 MB) is refused with 413
/// before anything reads it, and its body is set aside, so that the error page, shown for the same POST, says the file
/// is too big rather than failing to read it in turn.
/// </summary>
public static class PageBodyLimit
{
    /// <summary>Kestrel's own limit, for a server that does not say its own.</summary>
    private const long ServerLimit = 30_000_000;

    /// <summary>After routing, so that the page's own limit is known.</summary>
    public static IApplicationBuilder UsePageBodyLimit(this IApplicationBuilder app) => app.UseWhen(
        context => !Errors.IsApi(context),
        web => web.Use(async (context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                        ?? context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? ServerLimit;
            if (context.Request.ContentLength > limit)
            {
                context.Request.Body = Stream.Null;
                context.Request.ContentLength = 0;
                context.Request.ContentType = null;
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
            await next(context);
        }));
}
