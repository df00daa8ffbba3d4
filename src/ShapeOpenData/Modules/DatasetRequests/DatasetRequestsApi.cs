using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Api;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Modules.Supports;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>
/// <c>/api/v1/requests</c>: the same lists, filters and actions as the pages. Rules refused by a request
/// are 409 problems; people who may not act get 403; bad input gets 400 naming the field.
/// </summary>
public static partial class DatasetRequestsApi
{
    public sealed record NewRequestBody(
        string? Title, string? Description, string? Organisation, List<string>? Themes, string? IntendedUse, string? Benefits,
        List<string>? Barriers, string? Regime, bool? Confidential, string? ReceivedVia, DateOnly? ReceivedOn);

    public sealed record SupportBody(string? Use);
    public sealed record SupportResponse(bool Supported, int SupportCount);
    public sealed record NoteBody(string? Note);
    public sealed record AssignBody(string? Organisation, int? PublisherId, string? Note);
    public sealed record QuestionBody(string? Question);
    public sealed record AnswerBody(string? Answer);
    public sealed record ExtendBody(int? Days, string? Reason);
    /// <param name="Dataset">For released or already available: the catalogue dataset's slug, instead of a url.</param>
    public sealed record CloseBody(string? Outcome, string? Url, DateOnly? ExpectedOn, string? RefusalReason, string? Explanation, int? DuplicateOf, string? Dataset = null);
    public sealed record ReasonBody(string? Reason);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("", ListAsync).WithName("ListRequests").WithSummary("Requests")
            .WithDescription("Requests you may see, filtered and sorted like the /requests page. Each has supportCount, dueOn and overdue.");
        group.MapGet("{id:int}", ShowAsync).WithName("GetRequest").WithSummary("One request, with its timeline");
        // Asked as someone types, with a different title each time: a shared copy would never be read again.
        group.MapGet("similar", SimilarAsync).CacheOutput(policy => policy.NoCache()).WithName("SimilarRequests").WithSummary("Open requests like a title")
            .WithDescription("Open public requests whose titles share words with the title given: for suggesting support instead of a duplicate.");
        group.MapPost("", CreateAsync).RequireAuthorization().WithName("CreateRequest").WithSummary("Ask for data")
            .WithDescription("receivedOn and receivedVia (email or post) are accepted only from publishers and the programme team, for requests that arrived another way; the clock runs from receivedOn.");
        group.MapPut("{id:int}/support", SupportAsync).RequireAuthorization().WithName("SupportRequest").WithSummary("I need this too")
            .WithDescription("Idempotent: supporting twice counts once (201 the first time, 200 after). Supporting also follows the request.");
        group.MapDelete("{id:int}/support", WithdrawSupportAsync).RequireAuthorization().WithName("WithdrawSupport").WithSummary("Take back support");

        var manages = DatasetRequestPermissions.CanManage;
        MapAction<NoteBody>(group, "review", "Put a submitted request under review", manages, (w, id, u, b, c) => w.ReviewAsync(id, u, b.Note, c));
        MapAction<NoteBody>(group, "start", "Start work on an assigned request", manages, (w, id, u, b, c) => w.StartAsync(id, u, b.Note, c));
        MapAction<QuestionBody>(group, "question", "Ask the requester a question (the clock stops)", manages, (w, id, u, b, c) =>
            w.AskAsync(id, u, Required(b.Question, "question", "Enter the question for the requester"), c));
        MapAction<AnswerBody>(group, "answer", "Answer the question (the clock restarts)", DatasetRequestPermissions.CanAnswerQuestion, (w, id, u, b, c) =>
            w.AnswerAsync(id, u, Required(b.Answer, "answer", "Enter your answer"), c));
        MapAction<ExtendBody>(group, "extend", "Extend the deadline within the regime's limit", manages, (w, id, u, b, c) => w.ExtendAsync(id, u,
            b.Days is > 0 and <= 365 ? b.Days.Value : throw new FieldRuleException("days", "Give the number of days to extend by, from 1 to 365"),
            Required(b.Reason, "reason", "Give the reason for the extension"), c));
        MapAction<CloseBody>(group, "close", "Close with an outcome", manages, async (w, id, u, b, c) =>
            await w.CloseAsync(id, u, ClosingFrom(b) with { DatasetId = await w.DatasetIdAsync(b.Dataset, c) }, c));
        MapAction<ReasonBody>(group, "reopen", "Reopen a closed request", manages, (w, id, u, b, c) =>
            w.ReopenAsync(id, u, Required(b.Reason, "reason", "Give the reason for reopening"), c));
        MapAction<ReasonBody>(group, "withdraw", "Withdraw your own request", DatasetRequestPermissions.IsRequester, (w, id, u, b, c) => w.WithdrawAsync(id, u, b.Reason, c));
        group.MapPost("{id:int}/assign", AssignAsync).RequireAuthorization().WithName("AssignRequest").WithSummary("Assign to an organisation, optionally a named publisher");
    }

    private static async Task<Results<Ok<Paged<RequestListItem>>, ValidationProblem>> ListAsync(
        [Description("A state code: submitted, under_review, assigned, in_progress, awaiting_requester or closed.")] string? state,
        [Description("An organisation's slug.")] string? organisation,
        [Description("A theme code, like transport.")] string? theme,
        [Description("Only requests with a supporter from this sector: business, civil_society, academic, public_sector, media or individual.")] string? sector,
        [Description("true for overdue requests only.")] bool? overdue,
        [Description("most_supported (the default), newest, due_soonest or recently_updated.")] string? sort,
        [Description(Paging.PageDescription)] int? page,
        [Description(Paging.PageSizeDescription)] int? pageSize,
        ClaimsPrincipal viewer, RequestQueries queries, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Paging.Check(page, pageSize) is { } invalid) return invalid;
        var (field, problem) = FilterError(state, theme, sector, sort);
        if (field.Length > 0) return ApiModule.Invalid(field, problem);
        var filter = ParseFilter(state, theme, sector, sort) with { Organisation = organisation, OverdueOnly = overdue == true, Page = page ?? 1, PageSize = pageSize ?? Paging.DefaultPageSize };
        var list = await queries.ListAsync(filter, viewer, cancellationToken);
        var today = clock.Today();
        return TypedResults.Ok(new Paged<RequestListItem>([.. list.Items.Select(r => RequestListItem.From(r, today))], list.Page, list.PageSize, list.Total));
    }

    private static async Task<Results<Ok<RequestDetail>, ProblemHttpResult>> ShowAsync(
        int id, ClaimsPrincipal viewer, RequestQueries queries, TimeProvider clock, CancellationToken cancellationToken) =>
        await queries.FindAsync(id, viewer, cancellationToken) is { } request
            ? TypedResults.Ok(await DetailAsync(request, viewer, queries, clock, cancellationToken))
            : ApiModule.NotFound($"There is no request {id}");

    private static async Task<Ok<IReadOnlyList<SimilarRequest>>> SimilarAsync(
        [Description("The title being written.")] string? title, SimilarRequests similar, CancellationToken cancellationToken) =>
        TypedResults.Ok(await similar.FindAsync(title, cancellationToken: cancellationToken));

    private static async Task<Results<Created<RequestDetail>, ValidationProblem>> CreateAsync(
        NewRequestBody body, ClaimsPrincipal user, AppDbContext db, RequestWorkflow workflow, RequestQueries queries, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var answers = new RequestAnswers
        {
            Title = body.Title, Description = body.Description, Holder = body.Organisation ?? RequestAnswers.UnknownHolder,
            Themes = body.Themes ?? [], IntendedUse = body.IntendedUse, Benefits = body.Benefits, Barriers = body.Barriers ?? [],
            Regime = body.Regime ?? RequestAnswers.NotFormal, Confidential = body.Confidential ?? false,
            ReceivedVia = body.ReceivedVia ?? (body.ReceivedOn is null ? null : "email"), ReceivedOn = body.ReceivedOn,
        };
        var today = clock.Today();
        var errors = await answers.ErrorsAsync(db, user, today, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(e => ApiName(e.Key), e => new[] { e.Value }), title: "The request has mistakes in it");
        }
        var (details, regime) = await answers.ToRequestAsync(db, user, today, cancellationToken);
        try
        {
            var request = await workflow.SubmitAsync(details, regime, user, cancellationToken);
            var detail = await DetailAsync((await queries.FindAsync(request.Id, user, cancellationToken))!, user, queries, clock, cancellationToken);
            return TypedResults.Created(detail.Url.Replace("/requests/", "/api/v1/requests/", StringComparison.Ordinal), detail);
        }
        catch (DuplicateTitleException duplicate)
        {
            return ApiModule.Invalid("title", duplicate.Message);
        }
        catch (FieldRuleException field)
        {
            return ApiModule.Invalid(field.Field, field.Message);
        }
    }

    private static async Task<IResult> SupportAsync(int id, SupportBody? body, ClaimsPrincipal user, Supporting supporting, CancellationToken cancellationToken) =>
        await Handle(async () =>
        {
            var result = await supporting.SupportAsync(DatasetRequestsModule.ItemType, id, user, body?.Use, cancellationToken);
            var response = new SupportResponse(true, result.Count);
            return result.Changed ? TypedResults.Created($"/api/v1/requests/{id}", response) : TypedResults.Ok(response);
        });

    private static async Task<IResult> WithdrawSupportAsync(int id, ClaimsPrincipal user, Supporting supporting, CancellationToken cancellationToken) =>
        await Handle(async () => TypedResults.Ok(new SupportResponse(false,
            (await supporting.WithdrawAsync(DatasetRequestsModule.ItemType, id, user, cancellationToken)).Count)));

    private static async Task<IResult> AssignAsync(
        int id, AssignBody body, ClaimsPrincipal user, AppDbContext db, RequestWorkflow workflow, RequestQueries queries, TimeProvider clock,
        CancellationToken cancellationToken) =>
        await Handle(async () =>
        {
            await AllowedAsync(id, user, DatasetRequestPermissions.CanManage, queries, cancellationToken);
            var organisationId = await OrganisationIdAsync(db, body.Organisation, cancellationToken);
            var request = await workflow.AssignAsync(id, user, organisationId, body.PublisherId, body.Note, cancellationToken);
            return TypedResults.Ok(await DetailAsync((await queries.FindAsync(request.Id, user, cancellationToken))!, user, queries, clock, cancellationToken));
        });

    /// <param name="allowed">Who may take the action: anyone else is answered 404 or 403 before their body is looked at.</param>
    // The one endpoint shape the request delegate generator cannot build at compile time (generic): built at start instead.
#pragma warning disable RDG011
    private static void MapAction<TBody>(RouteGroupBuilder group, string action, string summary, Func<ClaimsPrincipal, DatasetRequest, bool> allowed,
        Func<RequestWorkflow, int, ClaimsPrincipal, TBody, CancellationToken, Task<DatasetRequest>> act) where TBody : class =>
        group.MapPost($"{{id:int}}/{action}", async (int id, TBody body, ClaimsPrincipal user, RequestWorkflow workflow, RequestQueries queries,
                TimeProvider clock, CancellationToken cancellationToken) =>
                await Handle(async () =>
                {
                    await AllowedAsync(id, user, allowed, queries, cancellationToken);
                    var request = await act(workflow, id, user, body, cancellationToken);
                    return TypedResults.Ok(await DetailAsync((await queries.FindAsync(request.Id, user, cancellationToken))!, user, queries, clock, cancellationToken));
                }))
            .RequireAuthorization()
            .WithName($"{char.ToUpperInvariant(action[0])}{action[1..]}Request")
            .WithSummary(summary);
#pragma warning restore RDG011

    /// <summary>404 for a request this person may not see, 403 for one they may see but not act on.</summary>
    private static async Task AllowedAsync(
        int id, ClaimsPrincipal user, Func<ClaimsPrincipal, DatasetRequest, bool> allowed, RequestQueries queries, CancellationToken cancellationToken)
    {
        var request = await queries.FindAsync(id, user, cancellationToken) ?? throw new NotFoundException($"There is no request {id}");
        if (!allowed(user, request))
        {
            throw new ForbiddenException("You cannot do that to this request");
        }
    }

    /// <summary>The request's refusals as problem details: 404, 403, 409 (a rule) or 400 (a field).</summary>
    private static async Task<IResult> Handle(Func<Task<IResult>> act)
    {
        try
        {
            return await act();
        }
        catch (NotFoundException missing)
        {
            return ApiModule.NotFound(missing.Message);
        }
        catch (ForbiddenException forbidden)
        {
            return TypedResults.Problem(forbidden.Message, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");
        }
        catch (FieldRuleException field)
        {
            return ApiModule.Invalid(field.Field, field.Message);
        }
        catch (RuleException rule)
        {
            return TypedResults.Problem(rule.Message, statusCode: StatusCodes.Status409Conflict, title: "Not allowed in this state");
        }
    }

    private static async Task<RequestDetail> DetailAsync(
        DatasetRequest request, ClaimsPrincipal viewer, RequestQueries queries, TimeProvider clock, CancellationToken cancellationToken)
    {
        var mix = await queries.SectorMixAsync([request.Id], cancellationToken);
        var dataset = await queries.AnsweringDatasetAsync(request, cancellationToken);
        var duplicateOfSeen = await queries.DuplicateOfTitleAsync(request, viewer, cancellationToken) is not null;
        return RequestDetail.From(request, mix.GetValueOrDefault(request.Id) ?? [], clock.Today(), dataset?.Key)
            with { DuplicateOf = duplicateOfSeen ? request.DuplicateOfId : null };
    }

    private static Closing ClosingFrom(CloseBody body)
    {
        if (!Codes.TryParse<Outcome>(body.Outcome, out var outcome))
        {
            throw new FieldRuleException("outcome", "Give an outcome: " + string.Join(", ", Codes.All<Outcome>().Select(o => o.ToCode())));
        }
        Uri? url = null;
        if (!string.IsNullOrWhiteSpace(body.Url) && !Uri.TryCreate(body.Url.Trim(), UriKind.Absolute, out url))
        {
            throw new FieldRuleException("url", "Give the full https address of the data");
        }
        RefusalReason? reason = null;
        if (body.RefusalReason is not null)
        {
            reason = Codes.TryParse<RefusalReason>(body.RefusalReason, out var parsed) ? parsed
                : throw new FieldRuleException("refusalReason", "Give a reason: " + string.Join(", ", Codes.All<RefusalReason>().Select(r => r.ToCode())));
        }
        return new Closing(outcome, url, body.ExpectedOn, reason, body.Explanation, body.DuplicateOf);
    }

    private static async Task<int> OrganisationIdAsync(AppDbContext db, string? slug, CancellationToken cancellationToken) =>
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
            db.Organisations.Where(o => o.Slug == slug).Select(o => (int?)o.Id), cancellationToken)
        ?? throw new FieldRuleException("organisation", "Give the slug of the organisation to assign to");

    private static string Required(string? value, string field, string message) =>
        string.IsNullOrWhiteSpace(value) ? throw new FieldRuleException(field, message) : value.Trim();

    private static RequestFilter ParseFilter(string? state, string? theme, string? sector, string? sort) =>
        new(
            state is null ? null : Codes.Parse<RequestState>(state), null, theme is null ? null : Codes.Parse<Theme>(theme),
            sector is null ? null : Codes.Parse<Sector>(sector), false, sort is null ? RequestSort.MostSupported : Codes.Parse<RequestSort>(sort));

    private static (string Key, string Message) FilterError(string? state, string? theme, string? sector, string? sort) =>
        state is not null && !Codes.TryParse<RequestState>(state, out _) ? ("state", "Use a state code: " + Codes.List<RequestState>())
        : theme is not null && !Codes.TryParse<Theme>(theme, out _) ? ("theme", "Use a theme code: " + Codes.List<Theme>())
        : sector is not null && !Codes.TryParse<Sector>(sector, out _) ? ("sector", "Use a sector code: " + Codes.List<Sector>())
        : sort is not null && !Codes.TryParse<RequestSort>(sort, out _) ? ("sort", "Use a sort: " + Codes.List<RequestSort>())
        : ("", "");


    private static string ApiName(string field) => field switch
    {
        nameof(RequestAnswers.Holder) => "organisation",
        _ => char.ToLowerInvariant(field[0]) + field[1..],
    };
}
