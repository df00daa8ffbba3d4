using ShapeOpenData.Modules.Commitments;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Commitments;

/// <summary>The lead organisation's publishers are reminded once, two weeks before a milestone falls due, and not once it is met.</summary>
public sealed class MilestoneReminderTests(ClockedServiceFactory service) : IClassFixture<ClockedServiceFactory>
{
    private Task<int> SendDueAsync() => service.WithServicesAsync(s => s.GetRequiredService<MilestoneReminders>().SendDueAsync(CancellationToken.None));

    [Fact]
    public async Task AMilestone_IsRemindedOnceTwoWeeksBeforeItIsDue()
    {
        var (plan, publisher) = await service.CreatePlanAsync("department-for-education");
        var colleague = await service.CreatePersonAsync(Roles.Publisher, "department-for-education", withPassword: false);
        var commitment = await service.AddCommitmentAsync(plan, publisher);
        var today = DateOnly.FromDateTime(service.Clock.GetUtcNow().UtcDateTime);
        await service.CommitmentsAsync(publisher, async (commitments, actor) =>
        {
            await commitments.AddMilestoneAsync(commitment.Reference, "Publish school census data", today.AddDays(20), actor);
            await commitments.AddMilestoneAsync(commitment.Reference, "Publish attendance data", today.AddDays(20), actor);
            await commitments.ChangeMilestoneAsync(commitment.Reference, 2, new MilestoneChange("Publish attendance data", today.AddDays(20), MilestoneState.Met, "https://example.gov.uk/a", today), actor);
        });
        await SendDueAsync();
        await service.DrainOutboxAsync();
        Assert.DoesNotContain(service.Mail.To(colleague.Email), m => (m.Subject ?? "").Contains(commitment.Reference, StringComparison.Ordinal));

        service.Clock.Advance(TimeSpan.FromDays(7));
        await SendDueAsync();
        await SendDueAsync();

        var reminder = await service.Mail.WaitForAsync(colleague.Email, $"Milestone due {today.AddDays(20):d MMMM yyyy}: {commitment.Reference}");
        Assert.Contains("Publish school census data", reminder.TextBody, StringComparison.Ordinal);
        await service.DrainOutboxAsync();
        Assert.Single(service.Mail.To(colleague.Email), m => (m.Subject ?? "").Contains(commitment.Reference, StringComparison.Ordinal));
        service.Clock.Advance(-TimeSpan.FromDays(7));
    }
}
