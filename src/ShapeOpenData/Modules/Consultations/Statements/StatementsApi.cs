using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Api;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations.Statements;

/// <summary>
/// <c>/api/v1/consultations/{slug}/statements</c>: read a consultation's statements with their counts, submit one, and
/// vote on them (agree, disagree or pass; changeable; withdrawable) while it is open. Refusals are problem details:
/// 404 for what the caller may not see, 409 when the consultation is not open or the statement cannot take votes, 400
/// naming the field for bad input.
/// </summary>
public static class StatementsApi
{
    public sealed record NewStatementBody(string? Text);

    public sealed record VoteBody([property: Description("agree, disagree or pass.")] string? Vote);

    /// <param name="YourVote">The caller's own vote, when they send their API token and have voted.</param>
    /// <param name="Notice">Why it is not public (waiting for a moderator, or hidden), shown only to its author and moderators; null when public.</param>
    public sealed record StatementResponse(
        int Id, int Number, string Text, DateTime CreatedAt, int Agrees, int Disagrees, int Passes, int Votes, VoteChoice? YourVote, string? Notice, string Url)
    {
        public static StatementResponse From(StatementView s, string slug) => new(
            s.Id, s.Number, s.Text, s.CreatedAt, s.Agrees, s.Disagrees, s.Passes, s.Votes, s.YourVote, s.Notice, StatementLinks.UrlOf(slug, s.Number).Split('#')[0]);
    }

    /// <param name="YourVote">The caller's vote now: null once withdrawn.</param>
    /// <param name="Changed">False when nothing changed: the same vote again, or withdrawing a vote that was not there.</param>
    public sealed record VoteResponse(int Id, VoteChoice? YourVote, bool Changed, int Agrees, int Disagrees, int Passes, int Votes);

    public static void Map(WebApplication app)
    {
        var statements = app.MapGroup("/api/v1/consultations/{slug}/statements").WithTags("Consultations");
        statements.MapGet("", ListAsync).WithName("ListStatements").WithSummary("A consultation's statements, with their votes")
            .WithDescription("The statements everyone can see, by number, each with its agree, disagree and pass counts. Send your API token to see your own vote on each.");
        statements.MapGet("{id:int}", ShowAsync).WithName("GetStatement").WithSummary("One statement, with its votes")
            .WithDescription("A statement waiting for a moderator, or hidden by one, is found only by its author and moderators, with a notice saying so.");
        statements.MapPost("", SubmitAsync).RequireAuthorization().WithName("SubmitStatement").WithSummary("Add a statement for others to vote on")
            .WithDescription($"While the consultation is open. At most {Statement.TextMaxLength} characters. Where the consultation moderates statements, " +
                             "a new one waits for a moderator: its notice says so, and only you and moderators see it until it is approved.");
        statements.MapPut("{id:int}/vote", VoteAsync).RequireAuthorization().WithName("VoteOnStatement").WithSummary("Agree, disagree or pass")
            .WithDescription("One vote per person and statement: voting again replaces your vote. Answered once the vote is saved, with the statement's counts.");
        statements.MapDelete("{id:int}/vote", WithdrawAsync).RequireAuthorization().WithName("WithdrawVote").WithSummary("Take back your vote");
    }

    private static async Task<Results<Ok<Paged<StatementResponse>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        [Description("The consultation's slug.")] string slug,
        [Description(Paging.PageDescription)] int? page,
        [Description(Paging.PageSizeDescription)] int? pageSize,
        ClaimsPrincipal viewer, StatementBoard board, CancellationToken cancellationToken)
    {
        if (Paging.Check(page, pageSize) is { } invalid) return invalid;
        if (await FindConsultationAsync(slug, viewer, board, cancellationToken) is not { } consultation) return NoConsultation(slug);
        var reader = await board.ReaderAsync(consultation.Id, viewer, cancellationToken);
        var found = await board.PageAsync(consultation.Id, reader, page ?? 1, pageSize ?? Paging.DefaultPageSize, publicOnly: true, cancellationToken);
        return TypedResults.Ok(new Paged<StatementResponse>([.. found.Items.Select(s => StatementResponse.From(s, slug))], found.Page, found.PageSize, found.Total));
    }

    private static async Task<Results<Ok<StatementResponse>, ProblemHttpResult>> ShowAsync(
        [Description("The consultation's slug.")] string slug, [Description("The statement's id.")] int id,
        ClaimsPrincipal viewer, StatementBoard board, CancellationToken cancellationToken)
    {
        if (await FindConsultationAsync(slug, viewer, board, cancellationToken) is not { } consultation) return NoConsultation(slug);
        var statement = await board.FindAsync(consultation.Id, id, await board.ReaderAsync(consultation.Id, viewer, cancellationToken), cancellationToken);
        return statement is null ? ApiModule.NotFound($"There is no statement {id} in this consultation") : TypedResults.Ok(StatementResponse.From(statement, slug));
    }

    private static Task<Results<Created<StatementResponse>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        [Description("The consultation's slug.")] string slug, NewStatementBody body, ClaimsPrincipal user, StatementBoard board, CancellationToken cancellationToken) =>
        Handle(async () =>
        {
            var statement = await board.SubmitAsync(slug, body.Text, user, cancellationToken);
            var reader = await board.ReaderAsync(statement.ConsultationId, user, cancellationToken);
            var view = (await board.FindAsync(statement.ConsultationId, statement.Id, reader, cancellationToken))!;
            return TypedResults.Created($"/api/v1/consultations/{slug}/statements/{statement.Id}", StatementResponse.From(view, slug));
        });

    private static Task<Results<Ok<VoteResponse>, ValidationProblem, ProblemHttpResult>> VoteAsync(
        [Description("The consultation's slug.")] string slug, [Description("The statement's id.")] int id, VoteBody body,
        ClaimsPrincipal user, Voting voting, CancellationToken cancellationToken) =>
        Handle(async () =>
        {
            if (!Codes.TryParse<VoteChoice>(body.Vote, out var choice))
            {
                // The statement first: someone who may not see it learns nothing from the body's mistakes.
                await voting.CheckAsync(slug, id, user, cancellationToken);
                throw new FieldRuleException("vote", "Give your vote: agree, disagree or pass");
            }
            return Answer(id, await voting.VoteAsync(slug, id, choice, user, cancellationToken));
        });

    private static Task<Results<Ok<VoteResponse>, ValidationProblem, ProblemHttpResult>> WithdrawAsync(
        [Description("The consultation's slug.")] string slug, [Description("The statement's id.")] int id,
        ClaimsPrincipal user, Voting voting, CancellationToken cancellationToken) =>
        Handle(async () => Answer(id, await voting.WithdrawAsync(slug, id, user, cancellationToken)));

    private static Ok<VoteResponse> Answer(int id, VoteResult result) => TypedResults.Ok(new VoteResponse(
        id, result.Choice, result.Changed, result.Counts.Agrees, result.Counts.Disagrees, result.Counts.Passes, result.Counts.Votes));

    private static async Task<Consultation?> FindConsultationAsync(string slug, ClaimsPrincipal viewer, StatementBoard board, CancellationToken cancellationToken)
    {
        try
        {
            return await board.ConsultationAsync(slug, viewer, cancellationToken);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private static ProblemHttpResult NoConsultation(string slug) => ApiModule.NotFound($"There is no consultation '{slug}'");

    /// <summary>The refusals as problem details: 404, 403, 409 (a rule: not open, not public) or 400 (a field).</summary>
    private static async Task<Results<TDone, ValidationProblem, ProblemHttpResult>> Handle<TDone>(Func<Task<TDone>> act) where TDone : IResult
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
}
