using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations;

/// <summary>A survey question as the person writing it gives it: the choices one a line, for the two kinds that have them.</summary>
public sealed record QuestionDetails(string Text, QuestionKind Kind, bool Required, string? Choices);

/// <summary>What the audit log keeps of a survey question.</summary>
public sealed record QuestionSnapshot(int Number, string Text, string Kind, bool Required, string Choices)
{
    public static QuestionSnapshot Of(SurveyQuestion q) => new(q.Number, q.Text, q.Kind.ToCode(), q.Required, q.Choices);
}

/// <summary>A question the person answered wrongly or not at all, and what to tell them.</summary>
public sealed record AnswerProblem(SurveyQuestion Question, string Message);

/// <summary>
/// The consultation's short survey: written by those who run it while it is a draft (fixed once it opens, so every
/// respondent answers the same questions), then answered by anyone signed in while it is open. One response per
/// person, changed as often as they like until the close, saved with its audit entry (which keeps that they
/// answered and their consent, never what they wrote) and their following of the consultation in one transaction.
/// </summary>
public sealed class SurveyWorkflow(AppDbContext db, TimeProvider clock, ConsultationWorkflow consultations, Participants participants, Following following)
{
    private const string ItemType = ConsultationsModule.ItemType;

    public async Task<SurveyQuestion> AddQuestionAsync(string slug, QuestionDetails details, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var consultation = await DraftAsync(slug, actor, cancellationToken);
        var last = await db.SurveyQuestions.Where(q => q.ConsultationId == consultation.Id).MaxAsync(q => (int?)q.Number, cancellationToken) ?? 0;
        Consultation.Require(last < SurveyQuestion.MaxQuestions, $"A survey has at most {SurveyQuestion.MaxQuestions} questions");
        var question = SurveyQuestion.Ask(consultation.Id, last + 1, details.Text, details.Kind, details.Required, details.Choices);
        db.SurveyQuestions.Add(question);
        Audit(consultation, "question_added", actor, null, QuestionSnapshot.Of(question));
        await db.SaveChangesAsync(cancellationToken);
        return question;
    }

    public async Task ChangeQuestionAsync(string slug, int number, QuestionDetails details, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var consultation = await DraftAsync(slug, actor, cancellationToken);
        var question = await QuestionAsync(consultation, number, cancellationToken);
        var before = QuestionSnapshot.Of(question);
        question.Change(details.Text, details.Kind, details.Required, details.Choices);
        Audit(consultation, "question_changed", actor, before, QuestionSnapshot.Of(question));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Removes a question; those after it move up, so the numbers stay 1, 2, 3 …</summary>
    public async Task RemoveQuestionAsync(string slug, int number, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var consultation = await DraftAsync(slug, actor, cancellationToken);
        var question = await QuestionAsync(consultation, number, cancellationToken);
        db.SurveyQuestions.Remove(question);
        foreach (var later in await db.SurveyQuestions.Where(q => q.ConsultationId == consultation.Id && q.Number > number).ToListAsync(cancellationToken))
        {
            later.Renumber(later.Number - 1);
        }
        Audit(consultation, "question_removed", actor, QuestionSnapshot.Of(question), null);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Each question's answer as kept (null: not answered), and every question answered wrongly or left unanswered
    /// though required, in order: pages show them all at once, the workflow refuses the first.
    /// </summary>
    public static (Dictionary<int, string?> Answers, List<AnswerProblem> Problems) Check(IEnumerable<SurveyQuestion> questions, Func<SurveyQuestion, IReadOnlyList<string>> given)
    {
        var answers = new Dictionary<int, string?>();
        var problems = new List<AnswerProblem>();
        foreach (var question in questions.OrderBy(q => q.Number))
        {
            try
            {
                answers[question.Id] = question.Check(given(question));
            }
            catch (RuleException refused)
            {
                problems.Add(new AnswerProblem(question, refused.Message));
            }
        }
        return (answers, problems);
    }

    /// <summary>
    /// The person's response, made or replaced: their answers by question (several values for several choices) and
    /// whether they may be published. Returns true for their first response.
    /// </summary>
    public async Task<bool> RespondAsync(
        string slug, IReadOnlyDictionary<int, IReadOnlyList<string>> given, Consent consent, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var userId = actor.UserId() ?? throw new ForbiddenException("Sign in to answer the survey");
        var consultation = await db.Consultations.SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (consultation is null || !ConsultationPermissions.CanSee(actor, consultation))
        {
            throw new NotFoundException("There is no such consultation");
        }
        var now = clock.UtcNow();
        if (!ConsultationPermissions.CanTakePart(actor, consultation, now))
        {
            throw new ForbiddenException("The consultation is not open: the survey takes no responses");
        }
        var questions = await db.SurveyQuestions.Where(q => q.ConsultationId == consultation.Id).ToListAsync(cancellationToken);
        Consultation.Require(questions.Count > 0, "This consultation has no survey to answer");
        var (answers, problems) = Check(questions, q => given.GetValueOrDefault(q.Id) ?? []);
        if (problems.Count > 0)
        {
            throw new FieldRuleException($"answers.{problems[0].Question.Number}", problems[0].Message);
        }

        // Made (and saved) before the transaction: the record retries a clash of numbers on its own, and is harmless alone.
        var participant = await participants.EnsureAsync(consultation.Id, userId, cancellationToken);
        try
        {
            return await db.InOneTransactionAsync(async () =>
            {
                var response = await db.Responses.Include(r => r.Answers).SingleOrDefaultAsync(r => r.ParticipantId == participant.Id, cancellationToken);
                var first = response is null;
                if (response is null)
                {
                    response = Response.Start(consultation.Id, participant.Id, now);
                    db.Responses.Add(response);
                }
                var before = first ? null : new { Participant = participant.Number, Consent = participant.Consent.ToCode() };
                response.Answer(answers, now);
                participant.Choose(consent);
                await following.FollowAsync(userId, ItemType, consultation.Id, asked: true, cancellationToken);
                // That they answered, and what they consented to; never what they wrote, which stays theirs to change or erase.
                db.AuditEntries.Add(AuditEntry.Of<object>(ItemType, consultation.Id, first ? "responded" : "response_changed", userId, now,
                    before, new { Participant = participant.Number, Consent = consent.ToCode() }));
                await db.SaveChangesAsync(cancellationToken);
                return first;
            }, cancellationToken);
        }
        catch (DbUpdateException failed) when (failed.IsUniqueViolation())
        {
            throw new RuleException("Your response was being saved from another window at the same moment. Check your answers and save them again");
        }
    }

    private async Task<Consultation> DraftAsync(string slug, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var consultation = await consultations.RunAsync(slug, actor, cancellationToken);
        Consultation.Require(consultation.State == ConsultationState.Draft,
            "Once a consultation has opened its survey does not change, so that everyone answers the same questions");
        return consultation;
    }

    private async Task<SurveyQuestion> QuestionAsync(Consultation consultation, int number, CancellationToken cancellationToken) =>
        await db.SurveyQuestions.SingleOrDefaultAsync(q => q.ConsultationId == consultation.Id && q.Number == number, cancellationToken)
            ?? throw new NotFoundException("There is no such question");

    private void Audit(Consultation consultation, string action, ClaimsPrincipal actor, QuestionSnapshot? before, QuestionSnapshot? after) =>
        db.AuditEntries.Add(AuditEntry.Of(ItemType, consultation.Id, action, actor.UserId(), clock.UtcNow(), before, after));
}
