using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace ShapeOpenData.Modules.Api;

/// <summary>
/// A strong ETag on every successful API read, from a hash of the body; a matching <c>If-None-Match</c>
/// gets 304 Not Modified without the body.
/// </summary>
public static class ApiETags
{
    public static IApplicationBuilder UseApiETags(this IApplicationBuilder app) => app.UseWhen(
        context => HttpMethods.IsGet(context.Request.Method) && context.Request.Path.StartsWithSegments("/api"),
        api => api.Use(async (context, next) =>
        {
            var original = context.Response.Body;
            await using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = original;
            }

            if (context.Response.StatusCode == StatusCodes.Status200OK)
            {
                var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))[..16])}\"");
                context.Response.GetTypedHeaders().ETag = etag;
                // RFC 9110 §13.1.2: a list of tags or "*", compared weakly.
                if (context.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
                {
                    context.Response.StatusCode = StatusCodes.Status304NotModified;
                    context.Response.ContentLength = null;
                    return;
                }
            }
            if (buffer.Length > 0)
            {
                context.Response.ContentLength = buffer.Length;
                buffer.Position = 0;
                await buffer.CopyToAsync(original, context.RequestAborted);
            }
        }));
}
