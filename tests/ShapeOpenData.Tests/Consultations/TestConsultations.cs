using System.Security.Claims;
using ShapeOpenData.Modules.Consultations;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Consultations;

/// <summary>Consultations made the way they are made for real, through the workflow, by a publisher of their owner.</summary>
public static class TestConsultations
{
    public const string Owner = "department-for-transport";

    /// <summary>A consultation with a short name no other test uses, two sections, a survey of three questions (free text, one
    /// choice of three formats, required; a scale, required) when asked for, open unless said otherwise; and a publisher of the owner who runs it (a new one unless given).</summary>
    public static async Task<(Consultation Consultation, Person Runner)> CreateConsultationAsync(
        this ServiceFactory service, bool open = true, bool moderateStatements = false, string? title = null, Person? runner = null, bool survey = false)
    {
        runner ??= await service.CreatePersonAsync(Roles.Publisher, Owner, twoFactor: true, withPassword: false);
        var organisation = await service.WithDatabaseAsync(db => Task.FromResult(db.Organisations.Single(o => o.Slug == Owner).Id));
        var slug = $"consultation-{Guid.NewGuid():N}"[..24];
        var consultation = await service.ConsultationsAsync(runner, async (consultations, actor) =>
        {
            var created = await consultations.CreateAsync(slug, new ConsultationDetails(title ?? $"Consultation {slug}",
                "We are asking how **bus data** should be published.", organisation, DateOnly.FromDateTime(service.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).AddDays(30), moderateStatements), actor);
            await consultations.AddSectionAsync(slug, "Why this matters", "Bus timetables are published late and in many formats.", actor);
            await consultations.AddSectionAsync(slug, "What we propose", "Every operator publishes timetables as open data within 28 days of a change.", actor);
            if (survey)
            {
                await service.WithServicesAsync(async s =>
                {
                    var questions = s.GetRequiredService<SurveyWorkflow>();
                    await questions.AddQuestionAsync(slug, new QuestionDetails("How do you use bus timetables?", QuestionKind.FreeText, false, null), actor);
                    await questions.AddQuestionAsync(slug, new QuestionDetails("Which format do you want?", QuestionKind.OneChoice, true, "GTFS\nTransXChange\nCSV"), actor);
                    return await questions.AddQuestionAsync(slug, new QuestionDetails("How much would it help?", QuestionKind.Scale, true, null), actor);
                });
            }
            if (open)
            {
                await consultations.OpenAsync(slug, actor);
            }
            return created;
        });
        return (consultation, runner);
    }

    /// <summary>Does something through the consultation workflow as <paramref name="person"/>, in a scope of its own as a request would.</summary>
    public static Task<T> ConsultationsAsync<T>(this ServiceFactory service, Person person, Func<ConsultationWorkflow, ClaimsPrincipal, Task<T>> action) =>
        service.WithServicesAsync(async s => await action(s.GetRequiredService<ConsultationWorkflow>(), await service.PrincipalAsync(person)));

    public static Task ConsultationsAsync(this ServiceFactory service, Person person, Func<ConsultationWorkflow, ClaimsPrincipal, Task> action) =>
        service.ConsultationsAsync(person, async (consultations, actor) => { await action(consultations, actor); return true; });
}
