using System.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Infrastructure;

/// <summary>
/// Pages get GOV.UK-styled error pages; the API gets RFC 9457 problem details. Bad input is a 4xx, never a 500.
/// </summary>
public static class Errors
{
    public static WebApplicationBuilder AddErrorHandling(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
            // A domain refusal that an endpoint did not answer itself: its message is for the caller.
            if (context.Exception is NotFoundException or ForbiddenException or RuleException)
            {
                context.ProblemDetails.Detail = context.Exception.Message;
            }
            // A rule about one field is bad input: named in errors, as the API's own 400s name theirs.
            if (context.Exception is FieldRuleException field)
            {
                context.ProblemDetails.Title = "The request has a mistake in it";
                context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]> { [field.Field] = [field.Message] };
            }
        });
        // A refusal no page handled itself is 404 or 403 on every page, the same way (a 403 to someone not signed
        // in asks them to sign in).
        builder.Services.Configure<MvcOptions>(options => options.Filters.Add(new DomainRefusals()));
        // Malformed query strings and JSON bodies become 400 problem details rather than exceptions.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        builder.Services.Configure<JsonOptions>(options => options.SerializerOptions.AllowTrailingCommas = false);
        return builder;
    }

    public static WebApplication UseErrorHandling(this WebApplication app)
    {
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusCodeFor });
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), web =>
        {
            if (app.Environment.IsDevelopment())
            {
                web.UseDeveloperExceptionPage();
            }
            else
            {
                web.UseExceptionHandler(new ExceptionHandlerOptions
                {
                    ExceptionHandlingPath = "/error/500",
                    StatusCodeSelector = StatusCodeFor,
                });
            }
            web.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        return app;
    }

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    private static int StatusCodeFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        NotFoundException => StatusCodes.Status404NotFound,
        ForbiddenException => StatusCodes.Status403Forbidden,
        FieldRuleException => StatusCodes.Status400BadRequest,
        RuleException => StatusCodes.Status409Conflict,
        OperationCanceledException => 499,
        _ => StatusCodes.Status500InternalServerError,
    };

    private sealed class DomainRefusals : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var executed = await next();
            if (executed.Exception is NotFoundException or ForbiddenException && !executed.ExceptionHandled)
            {
                executed.Result = executed.Exception is NotFoundException ? new NotFoundResult()
                    : context.HttpContext.User.IsSignedIn() ? new ForbidResult() : new ChallengeResult();
                executed.ExceptionHandled = true;
            }
        }
    }
}
