using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations;

/// <summary>
/// The survey's responses as CSV, one row per respondent and a column per question (several choices joined with
/// "; "). <c>/consultations/{slug}/responses.csv</c> is for those who run it: every response, with its consent and the
/// participant's number, the name only when the respondent agreed to be named (the answers are what they analyse;
/// names are personal data they do not otherwise need). <c>/consultations/{slug}/export/responses.csv</c> is for
/// everyone: only the responses that may be published, named as their writers chose, never one that may not.
/// </summary>
public static class SurveyExports
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/consultations/{slug}/responses.csv", OwnerAsync).ExcludeFromDescription();
        app.MapGet("/consultations/{slug}/export/responses.csv", PublicAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> OwnerAsync(string slug, HttpContext context, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var consultation = await db.Consultations.AsNoTracking().SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (consultation is null || !ConsultationPermissions.CanSee(context.User, consultation))
        {
            return Results.NotFound();
        }
        if (!context.User.IsSignedIn())
        {
            return Results.Challenge();
        }
        if (!ConsultationPermissions.CanRun(context.User, consultation))
        {
            return Results.Forbid();
        }
        // Personal data: kept by no cache on the way.
        context.Response.Headers.CacheControl = "no-store";
        var (questions, rows) = await ReadAsync(db, consultation.Id, publishableOnly: false, cancellationToken);
        await WriteAsync(context, $"{slug}-responses.csv", ["Participant", "Consent", "Name", "RespondedAt", "UpdatedAt", .. questions.Select(Heading)],
            rows.Select(r => (string?[])[r.Participant.ToString(CultureInfo.InvariantCulture), r.Consent.ToCode(), r.Consent == Consent.WithName ? r.Name : null,
                Time(r.RespondedAt), Time(r.UpdatedAt), .. questions.Select(q => Cell(r, q.Id))]), cancellationToken);
        return Results.Empty;
    }

    private static async Task<IResult> PublicAsync(string slug, HttpContext context, AppDbContext db, CancellationToken cancellationToken)
    {
        var consultation = await db.Consultations.AsNoTracking().SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (consultation is null || !ConsultationPermissions.CanSee(context.User, consultation))
        {
            return Results.NotFound();
        }
        var (questions, rows) = await ReadAsync(db, consultation.Id, publishableOnly: true, cancellationToken);
        // No participant number or times: with them, a named response could be matched to the same person's
        // statements and votes, which are published without names.
        await WriteAsync(context, $"{slug}-responses.csv", ["Name", .. questions.Select(Heading)],
            rows.Select(r => (string?[])[r.Consent == Consent.WithName ? r.Name : null, .. questions.Select(q => Cell(r, q.Id))]), cancellationToken);
        return Results.Empty;
    }

    private sealed record Question(int Id, int Number, string Text);

    private sealed record Row(int Participant, Consent Consent, string? Name, DateTime RespondedAt, DateTime UpdatedAt, Dictionary<int, string> Answers);

    private static async Task<(List<Question>, List<Row>)> ReadAsync(AppDbContext db, int consultationId, bool publishableOnly, CancellationToken cancellationToken)
    {
        var questions = await db.SurveyQuestions.Where(q => q.ConsultationId == consultationId).OrderBy(q => q.Number)
            .Select(q => new Question(q.Id, q.Number, q.Text)).ToListAsync(cancellationToken);
        var responses = await (
                from response in db.Responses
                join participant in db.Participants on response.ParticipantId equals participant.Id
                where response.ConsultationId == consultationId && (!publishableOnly || participant.Consent != Consent.NotPublished)
                orderby participant.Number
                select new
                {
                    response.Id, participant.Number, participant.Consent, response.CreatedAt, response.UpdatedAt,
                    // A name is read only where it may be shown.
                    Name = participant.Consent == Consent.WithName
                        ? db.Users.Where(u => u.Id == participant.UserId && u.DeletedAt == null).Select(u => u.DisplayName).FirstOrDefault()
                        : null,
                })
            .ToListAsync(cancellationToken);
        var ids = responses.Select(r => r.Id).ToList();
        var answers = (await db.Answers.Where(a => ids.Contains(a.ResponseId)).Select(a => new { a.ResponseId, a.QuestionId, a.Value }).ToListAsync(cancellationToken))
            .ToLookup(a => a.ResponseId);
        return (questions, [.. responses.Select(r => new Row(r.Number, r.Consent, r.Name, r.CreatedAt, r.UpdatedAt,
            answers[r.Id].ToDictionary(a => a.QuestionId, a => a.Value)))]);
    }

    private static string Heading(Question question) => $"Q{question.Number}. {question.Text}";

    /// <summary>The answer as kept, several choices joined with "; ".</summary>
    private static string? Cell(Row row, int questionId) =>
        row.Answers.TryGetValue(questionId, out var value) ? value.Replace("\n", "; ", StringComparison.Ordinal) : null;

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static async Task WriteAsync(HttpContext context, string fileName, string[] header, IEnumerable<string?[]> rows, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        // Answers are typed by anyone: a cell starting = + - @ is escaped so a spreadsheet shows it rather than runs it.
        await using var csv = CsvWriter.Create(context.Response.Body, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        csv.WriteHeader(header);
        foreach (var row in rows)
        {
            await csv.WriteRecordAsync(row, cancellationToken);
        }
    }
}
