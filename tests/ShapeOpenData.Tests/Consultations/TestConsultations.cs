using System.Security.Claims;
using ShapeOpenData.Modules.Consultations;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Tests.Groups;

namespace ShapeOpenData.Tests.Consultations;

/// <summary>Consultations made the way they are made for real, through the workflow, by a publisher of their owner.</summary>
public static class TestConsultations
{
    public const string Owner = "department-for-transport";

    /// <summary>A consultation with a short name no other test uses, two sections, open unless said otherwise; and a publisher who runs it.</summary>
    public static async Task<(Consultation Consultation, Person Runner)> CreateConsultationAsync(
        this ServiceFactory service, bool open = true, bool moderateStatements = false, string? title = null)
    {
        var runner = await service.CreatePersonAsync(Roles.Publisher, Owner, twoFactor: true, withPassword: false);
        var organisation = await service.WithDatabaseAsync(db => Task.FromResult(db.Organisations.Single(o => o.Slug == Owner).Id));
        var slug = $"consultation-{Guid.NewGuid():N}"[..24];
        var consultation = await service.ConsultationsAsync(runner, async (consultations, actor) =>
        {
            var created = await consultations.CreateAsync(slug, new ConsultationDetails(title ?? $"Consultation {slug}",
                "We are asking how **bus data** should be published.", organisation, DateOnly.FromDateTime(service.UtcNow()).AddDays(30), moderateStatements), actor);
            await consultations.AddSectionAsync(slug, "Why this matters", "Bus timetables are published late and in many formats.", actor);
            await consultations.AddSectionAsync(slug, "What we propose", "Every operator publishes timetables as open data within 28 days of a change.", actor);
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
