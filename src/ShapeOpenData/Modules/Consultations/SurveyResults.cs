using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.Consultations;

/// <summary>How many picked one answer to a question, and their share of those who answered it (0 to 1).</summary>
/// <param name="Answer">The choice, or the scale's point "1" to "5".</param>
/// <param name="Label">The answer as people read it: the choice, or the point with its meaning, "4 (agree)".</param>
public sealed record AnswerCount(string Answer, string Label, int Count, double Share);

/// <summary>
/// One question's figures: how many answered it and, for choices and the scale, how many picked each answer (every
/// answer listed, in the question's order, even when nobody picked it). Free-text questions have no counts.
/// For several choices the shares add up to more than 1: each person may pick more than one.
/// </summary>
public sealed record QuestionFigures(int Number, string Text, QuestionKind Kind, bool Required, int Answered, IReadOnlyList<AnswerCount> Counts);

/// <summary>A consultation's survey in figures: how many responded, and each question's counts, in order.</summary>
public sealed record SurveyFigures(int Responses, IReadOnlyList<QuestionFigures> Questions);

/// <summary>A free-text answer its writer agreed to publish: with their name, or (null) without it.</summary>
public sealed record PublishedAnswer(int QuestionNumber, string Text, string? Name);

/// <summary>
/// What people said in the survey, as anyone may see it: counts from every response (figures name nobody), and the
/// words of those who agreed to publish them. The survey page shows these; the outcome's "you said" uses them too.
/// </summary>
public sealed class SurveyResults(AppDbContext db)
{
    /// <summary>The figures of the consultation's survey: every response counts, whatever its consent.</summary>
    public async Task<SurveyFigures> ForAsync(int consultationId, CancellationToken cancellationToken = default)
    {
        var questions = await db.SurveyQuestions.AsNoTracking().Where(q => q.ConsultationId == consultationId).OrderBy(q => q.Number).ToListAsync(cancellationToken);
        var responses = await db.Responses.CountAsync(r => r.ConsultationId == consultationId, cancellationToken);
        var answers = db.Answers.Where(a => db.SurveyQuestions.Any(q => q.Id == a.QuestionId && q.ConsultationId == consultationId));
        var answered = await answers.GroupBy(a => a.QuestionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        // Only the questions people pick from are counted by value; free text is never read for this.
        var picked = questions.Where(q => q.Kind != QuestionKind.FreeText).Select(q => q.Id).ToList();
        var values = await answers.Where(a => picked.Contains(a.QuestionId)).GroupBy(a => new { a.QuestionId, a.Value })
            .Select(g => new { g.Key.QuestionId, g.Key.Value, Count = g.Count() }).ToListAsync(cancellationToken);
        return new SurveyFigures(responses, [.. questions.Select(q =>
        {
            var total = answered.GetValueOrDefault(q.Id);
            // Several choices are kept one a line: each chosen line counts once for its choice.
            var tally = values.Where(v => v.QuestionId == q.Id)
                .SelectMany(v => v.Value.Split('\n').Select(choice => (choice, v.Count)))
                .GroupBy(c => c.choice, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(c => c.Count), StringComparer.Ordinal);
            return new QuestionFigures(q.Number, q.Text, q.Kind, q.Required, total, [.. q.Options.Select(option =>
            {
                var count = tally.GetValueOrDefault(option);
                return new AnswerCount(option, SurveyQuestion.Describe(q.Kind, option), count, total == 0 ? 0 : (double)count / total);
            })]);
        })]);
    }

    /// <summary>
    /// The free-text answers whose writers agreed to publish them, by question then in order of response: with the
    /// writer's name when they agreed to that. Never an answer its writer asked us not to publish.
    /// </summary>
    public async Task<IReadOnlyList<PublishedAnswer>> PublishedAnswersAsync(int consultationId, CancellationToken cancellationToken = default) =>
        (await (
                from answer in db.Answers
                join question in db.SurveyQuestions on answer.QuestionId equals question.Id
                join response in db.Responses on answer.ResponseId equals response.Id
                join participant in db.Participants on response.ParticipantId equals participant.Id
                where question.ConsultationId == consultationId && question.Kind == QuestionKind.FreeText && participant.Consent != Consent.NotPublished
                orderby question.Number, response.CreatedAt, response.Id
                select new
                {
                    question.Number, answer.Value, participant.Consent,
                    Name = db.Users.Where(u => u.Id == participant.UserId && u.DeletedAt == null).Select(u => u.DisplayName).FirstOrDefault(),
                })
            .ToListAsync(cancellationToken))
        .Select(a => new PublishedAnswer(a.Number, a.Value, a.Consent == Consent.WithName ? a.Name : null)).ToList();
}
