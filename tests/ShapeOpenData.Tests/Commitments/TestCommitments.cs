using ShapeOpenData.Modules.Commitments;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Commitments;

/// <summary>Plans and commitments made the way they are made for real, through the workflows, by a publisher of the organisation.</summary>
public static class TestCommitments
{
    /// <summary>A plan of <paramref name="organisation"/> with a short name no other test uses, published by one of its publishers.</summary>
    public static async Task<(EngagementPlan Plan, Person Publisher)> CreatePlanAsync(this ServiceFactory service, string organisation = "cabinet-office")
    {
        var publisher = await service.CreatePersonAsync(Roles.Publisher, organisation, twoFactor: true);
        var slug = $"plan-{Guid.NewGuid():N}"[..17];
        var organisationId = await service.OrganisationIdAsync(organisation);
        var plan = await service.WithServicesAsync(async s => await s.GetRequiredService<PlanWorkflow>().PublishAsync(slug,
            new PlanDetails($"Plan {slug}", "To open up government.", organisationId, new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)),
            await service.PrincipalAsync(publisher)));
        return (plan, publisher);
    }

    /// <summary>A commitment in <paramref name="plan"/> led by the plan's organisation, with a reference no other test uses.</summary>
    public static Task<Commitment> AddCommitmentAsync(this ServiceFactory service, EngagementPlan plan, Person publisher, string? title = null, DateOnly? endsOn = null) =>
        service.CommitmentsAsync(publisher, (commitments, actor) => commitments.AddAsync(plan.Slug, $"T-{Guid.NewGuid():N}"[..12].ToUpperInvariant(),
            new CommitmentDetails(title ?? "Publish the register", "We will publish it.", plan.OrganisationId, [], new DateOnly(2026, 1, 1), endsOn ?? new DateOnly(2027, 12, 31)),
            actor));

    /// <summary>Does something through the commitment workflow as <paramref name="person"/>, in a scope of its own as a request would.</summary>
    public static Task<T> CommitmentsAsync<T>(this ServiceFactory service, Person person, Func<CommitmentWorkflow, System.Security.Claims.ClaimsPrincipal, Task<T>> action) =>
        service.WithServicesAsync(async s => await action(s.GetRequiredService<CommitmentWorkflow>(), await service.PrincipalAsync(person)));

    public static Task CommitmentsAsync(this ServiceFactory service, Person person, Func<CommitmentWorkflow, System.Security.Claims.ClaimsPrincipal, Task> action) =>
        service.CommitmentsAsync(person, async (commitments, actor) => { await action(commitments, actor); return true; });

    public static Task<int> OrganisationIdAsync(this ServiceFactory service, string slug) =>
        service.WithDatabaseAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Organisations.Where(o => o.Slug == slug).Select(o => o.Id)));

    /// <summary>The fields of a GOV.UK date input named <paramref name="name"/>.</summary>
    public static (string, string)[] Date(string name, DateOnly date) =>
        [($"{name}.Day", date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
         ($"{name}.Month", date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)),
         ($"{name}.Year", date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}
