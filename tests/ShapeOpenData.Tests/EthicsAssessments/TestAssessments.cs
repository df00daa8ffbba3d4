using System.Security.Claims;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.EthicsAssessments;

namespace ShapeOpenData.Tests.EthicsAssessments;

/// <summary>Assessments made the way a team makes them, through the workflow.</summary>
public static class TestAssessments
{
    /// <summary>A new private assessment with a short name no other test uses, started by <paramref name="starter"/>.</summary>
    public static Task<EthicsAssessment> StartAssessmentAsync(this ServiceFactory service, Person starter, string projectName = "Bus reliability model") =>
        service.AssessmentsAsync(starter, (workflow, actor) => workflow.StartAsync($"ethics-{Guid.NewGuid():N}"[..20],
            new AssessmentDetails(projectName, "Predicts **bus delays** per route.", null), actor));

    /// <summary>The project assessed at <paramref name="stage"/> with every item scored <paramref name="score"/> (or as <paramref name="scores"/> say).</summary>
    public static Task<StageAssessment> AssessAsync(
        this ServiceFactory service, EthicsAssessment assessment, Person member, ProjectStage stage, int score = 3, DateOnly? on = null, int[]? scores = null) =>
        service.AssessmentsAsync(member, (workflow, actor) => workflow.AssessAsync(assessment.Slug, stage, on ?? new DateOnly(2026, 1, 15),
            [.. Enum.GetValues<EthicsItem>().Select((item, i) => new ItemAnswer(item, scores?[i] ?? score, $"Notes on {item.ToCode()}"))], actor));

    /// <summary>Does something through the workflow as <paramref name="person"/>, in a scope of its own as a request would.</summary>
    public static Task<T> AssessmentsAsync<T>(this ServiceFactory service, Person person, Func<EthicsAssessmentWorkflow, ClaimsPrincipal, Task<T>> action) =>
        service.WithServicesAsync(async s => await action(s.GetRequiredService<EthicsAssessmentWorkflow>(), await service.PrincipalAsync(person)));

    public static Task AssessmentsAsync(this ServiceFactory service, Person person, Func<EthicsAssessmentWorkflow, ClaimsPrincipal, Task> action) =>
        service.AssessmentsAsync(person, async (workflow, actor) => { await action(workflow, actor); return true; });
}
