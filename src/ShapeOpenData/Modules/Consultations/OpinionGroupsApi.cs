using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Api;
using ShapeOpenData.Modules.Consultations.OpinionGroups;
using ShapeOpenData.Modules.Consultations.Pages;

namespace ShapeOpenData.Modules.Consultations;

/// <summary>
/// A consultation's opinion groups as JSON (<c>GET /api/v1/consultations/{slug}/groups</c>), and its statements and votes in
/// Pol.is's own open-data format (<c>/consultations/{slug}/export/comments.csv</c>, <c>votes.csv</c>, <c>participants-votes.csv</c>),
/// so a conversation held here can be studied with the tools made for Pol.is, and one held there can be brought here.
/// </summary>
public static class OpinionGroupsApi
{
    /// <param name="Number">Its number, kept between runs; <see cref="Letter"/> is how pages name it.</param>
    /// <param name="Representative">The statements that set it apart: those its members agree (or disagree) with much more than others.</param>
    public sealed record GroupResponse(int Number, string Letter, int Size, IReadOnlyList<StatementResponse> Representative);

    /// <param name="Opinion">agree or disagree: how the group (or, for consensus, every group) stands out.</param>
    public sealed record StatementResponse(int Number, string Text, string Opinion, int Agree, int Disagree, int Pass, double AgreeShare, double DisagreeShare);

    /// <param name="ComputedAt">When the groups were last worked out; null before there were enough votes.</param>
    /// <param name="Voters">People who voted.</param>
    /// <param name="Grouped">People grouped: those with enough votes.</param>
    public sealed record GroupsResponse(DateTime? ComputedAt, int Voters, int Grouped, IReadOnlyList<GroupResponse> Groups,
        IReadOnlyList<StatementResponse> ConsensusAgree, IReadOnlyList<StatementResponse> ConsensusDisagree);

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/v1/consultations/{slug}/groups", GroupsAsync).WithTags("Consultations").WithName("GetOpinionGroups")
            .WithSummary("A consultation's opinion groups")
            .WithDescription("The groups found in the statement votes, each with its size and representative statements, and the statements every group agrees (or disagrees) with. Recomputed a few seconds after votes change.");
        var export = app.MapGroup("/consultations/{slug}/export").ExcludeFromDescription();
        export.MapGet(PolisExport.CommentsFile, (string slug, ClaimsPrincipal viewer, AppDbContext db, PolisInterop polis, HttpContext context, CancellationToken t) =>
            ExportAsync(slug, viewer, db, polis, context, PolisExport.CommentsFile, (stream, c, _) => PolisExport.WriteCommentsAsync(stream, c.Statements, c.Votes, t), t));
        export.MapGet(PolisExport.VotesFile, (string slug, ClaimsPrincipal viewer, AppDbContext db, PolisInterop polis, HttpContext context, CancellationToken t) =>
            ExportAsync(slug, viewer, db, polis, context, PolisExport.VotesFile, (stream, c, _) => PolisExport.WriteVotesAsync(stream, c.Votes, t), t));
        export.MapGet(PolisExport.ParticipantsVotesFile, (string slug, ClaimsPrincipal viewer, AppDbContext db, PolisInterop polis, HttpContext context, CancellationToken t) =>
            ExportAsync(slug, viewer, db, polis, context, PolisExport.ParticipantsVotesFile, (stream, c, groups) => PolisExport.WriteParticipantsVotesAsync(stream, c.Statements, c.Votes, groups, t), t));
    }

    private static async Task<Results<Ok<GroupsResponse>, ProblemHttpResult>> GroupsAsync(
        [Description("The consultation's slug.")] string slug, ClaimsPrincipal viewer, AppDbContext db, CancellationToken cancellationToken)
    {
        if (await PublishedAsync(slug, viewer, db, cancellationToken) is not { } consultation)
        {
            return ApiModule.NotFound($"There is no consultation '{slug}'");
        }
        var (view, computedAt) = await GroupsModel.ViewAsync(db, consultation.Id, cancellationToken);
        var ids = view.Groups.SelectMany(g => g.Representative).Concat(view.ConsensusAgree).Concat(view.ConsensusDisagree).Select(s => s.StatementId).Distinct().ToList();
        var statements = await db.Statements.AsNoTracking().Where(s => ids.Contains(s.Id) && s.Moderation.HiddenAt == null && !s.Moderation.AwaitingApproval)
            .ToDictionaryAsync(s => s.Id, s => (s.Number, s.Text), cancellationToken);
        IReadOnlyList<StatementResponse> Of(IEnumerable<GroupStatementView> shown) => [.. shown.Where(s => statements.ContainsKey(s.StatementId)).Select(s =>
            new StatementResponse(statements[s.StatementId].Number, statements[s.StatementId].Text, s.Opinion == Opinion.Agree ? "agree" : "disagree",
                s.Agree, s.Disagree, s.Pass, Math.Round(s.AgreeShare, 3), Math.Round(s.DisagreeShare, 3)))];
        return TypedResults.Ok(new GroupsResponse(computedAt, view.Voters, view.Grouped,
            [.. view.Groups.Select(g => new GroupResponse(g.Number, g.Letter, g.Size, Of(g.Representative)))], Of(view.ConsensusAgree), Of(view.ConsensusDisagree)));
    }

    private static async Task<IResult> ExportAsync(string slug, ClaimsPrincipal viewer, AppDbContext db, PolisInterop polis, HttpContext context, string file,
        Func<Stream, PolisConversation, IReadOnlyDictionary<int, int>, Task> write, CancellationToken cancellationToken)
    {
        if (await PublishedAsync(slug, viewer, db, cancellationToken) is not { } consultation)
        {
            return TypedResults.NotFound();
        }
        var (conversation, groups) = await polis.ExportAsync(consultation.Id, cancellationToken);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{slug}-{file}\"";
        await write(context.Response.Body, conversation, groups);
        return TypedResults.Empty;
    }

    private static async Task<Consultation?> PublishedAsync(string slug, ClaimsPrincipal viewer, AppDbContext db, CancellationToken cancellationToken) =>
        await db.Consultations.AsNoTracking().SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken) is { } c && c.IsPublished && ConsultationPermissions.CanSee(viewer, c)
            ? c
            : null;
}
