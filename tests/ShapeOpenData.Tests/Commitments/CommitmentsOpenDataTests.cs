using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ShapeOpenData.Modules.Commitments;

namespace ShapeOpenData.Tests.Commitments;

/// <summary>Plans and commitments through the API, the downloads, the feed and the organisation's page, with the derived values they carry.</summary>
[Collection(SharedService.Engagement)]
public sealed class CommitmentsOpenDataTests(ServiceFactory service)
{
    /// <summary>A commitment of a new plan with one overdue milestone and one met, and a complete one in the same plan.</summary>
    private async Task<(EngagementPlan Plan, Commitment Late, Commitment Done)> ArrangeAsync(string organisation = "cabinet-office")
    {
        var (plan, publisher) = await service.CreatePlanAsync(organisation);
        var late = await service.AddCommitmentAsync(plan, publisher, title: "Publish the land register");
        var done = await service.AddCommitmentAsync(plan, publisher, title: "Publish the spending data");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await service.CommitmentsAsync(publisher, async (commitments, actor) =>
        {
            await commitments.AddMilestoneAsync(late.Reference, "First release", today.AddDays(-1), actor);
            await commitments.AddMilestoneAsync(late.Reference, "Second release", today.AddDays(-1), actor);
            await commitments.ChangeMilestoneAsync(late.Reference, 2, new MilestoneChange("Second release", today.AddDays(-1), MilestoneState.Met, "https://example.gov.uk/r2", today), actor);
            var d = await commitments.FindAsync(done.Reference, CancellationToken.None);
            await commitments.ChangeAsync(done.Reference, new CommitmentDetails(d.Title, d.Description, d.LeadOrganisationId, [], d.StartsOn, d.EndsOn), Completion.Complete, actor);
        });
        return (plan, late, done);
    }

    [Fact]
    public async Task TheApi_ListsFiltersAndShowsCommitments_WithOverdueDerived()
    {
        var (plan, late, done) = await ArrangeAsync();
        var client = service.CreateClient();

        var all = await client.GetFromJsonAsync<JsonElement>($"/api/v1/commitments?plan={plan.Slug}");
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        var overdue = await client.GetFromJsonAsync<JsonElement>($"/api/v1/commitments?plan={plan.Slug}&overdue=true");
        Assert.Equal([late.Reference], overdue.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("reference").GetString()));
        var complete = await client.GetFromJsonAsync<JsonElement>($"/api/v1/commitments?plan={plan.Slug}&completion=complete");
        Assert.Equal([done.Reference], complete.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("reference").GetString()));

        var shown = await client.GetFromJsonAsync<JsonElement>($"/api/v1/commitments/{late.Reference.ToLowerInvariant()}");
        Assert.True(shown.GetProperty("overdue").GetBoolean());
        Assert.False(shown.GetProperty("starred").GetBoolean());
        var milestones = shown.GetProperty("milestones").EnumerateArray().ToList();
        Assert.Equal([true, false], milestones.Select(m => m.GetProperty("overdue").GetBoolean()));
        Assert.Equal("https://example.gov.uk/r2", milestones[1].GetProperty("evidence").GetString());
        Assert.Equal("cabinet-office", shown.GetProperty("leadOrganisation").GetProperty("slug").GetString());

        var wrong = await client.GetAsync("/api/v1/commitments?completion=finished");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("not_started, limited, substantial, complete", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/commitments/NO-SUCH")).StatusCode);

        var planShown = await client.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{plan.Slug}");
        Assert.Equal(1, planShown.GetProperty("commitmentsByCompletion").GetProperty("complete").GetInt32());
        Assert.Equal(1, planShown.GetProperty("commitmentsByCompletion").GetProperty("not_started").GetInt32());
    }

    [Fact]
    public async Task TheDownloadsAndTheFeed_HoldEveryCommitment()
    {
        var (plan, late, done) = await ArrangeAsync();
        var client = service.CreateClient();

        var csv = await client.GetStringAsync("/commitments.csv");
        var row = csv.Split('\n').Single(l => l.StartsWith(late.Reference + ",", StringComparison.Ordinal));
        Assert.Contains($",{plan.Slug},cabinet-office,", row, StringComparison.Ordinal);
        var fields = row.Split(',');
        Assert.Equal("not_started", fields[7]);
        Assert.Equal(["true", "false", "2", "1", "1"], fields[8..13].Select(f => f.ToLowerInvariant()));

        var json = await client.GetFromJsonAsync<JsonElement>("/commitments.json");
        Assert.Contains(json.EnumerateArray(), c => c.GetProperty("reference").GetString() == done.Reference && c.GetProperty("completion").GetString() == "complete");

        var atom = await client.GetStringAsync("/commitments.atom");
        Assert.Contains($"New commitment {late.Reference}: Publish the land register", atom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOrganisationsPage_ShowsItsPlansCommitmentsByCompletionAndOverdueMilestones()
    {
        var (plan, late, _) = await ArrangeAsync("home-office");

        var page = await service.NewSession().GetAsync("/organisations/home-office");

        Assert.Contains(plan.Title, page.Document.QuerySelector("#plans")!.TextContent, StringComparison.Ordinal);
        var byCompletion = page.Document.QuerySelectorAll("#commitments-by-completion tr").Select(r => r.Children.Select(cell => cell.TextContent.Trim()).ToArray()).ToList();
        Assert.Contains(byCompletion, r => r.SequenceEqual(["Complete", "1"]));
        Assert.Contains(byCompletion, r => r.SequenceEqual(["Not started", "1"]));
        var overdue = page.Document.QuerySelector("#overdue-milestones")!.NextElementSibling!.TextContent;
        Assert.Contains($"{late.Reference}, milestone 1: First release", overdue, StringComparison.Ordinal);
        Assert.DoesNotContain("Second release", overdue, StringComparison.Ordinal);
        Assert.Contains("Milestones overdue", page.Text, StringComparison.Ordinal);
    }
}
