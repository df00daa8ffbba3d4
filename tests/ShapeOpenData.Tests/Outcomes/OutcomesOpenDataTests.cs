using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ShapeOpenData.Modules.Outcomes;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Tests.Commitments;

namespace ShapeOpenData.Tests.Outcomes;

/// <summary>The chains through the API and as CSV and JSON, their filters, and the 400s that name a wrong one.</summary>
[Collection(SharedService.Publishing)]
public sealed class OutcomesOpenDataTests(ServiceFactory service)
{
    /// <summary>A request linked to a commitment with one milestone, by the commitment's publisher.</summary>
    private async Task<(int Request, string Title, Modules.Commitments.Commitment Commitment)> ArrangeAsync()
    {
        var (plan, publisher) = await service.CreatePlanAsync();
        var commitment = await service.AddCommitmentAsync(plan, publisher, title: "Publish the land register");
        await service.CommitmentsAsync(publisher, (c, actor) => c.AddMilestoneAsync(commitment.Reference, "First release", new DateOnly(2027, 6, 30), actor));
        var title = $"Land ownership {Guid.NewGuid():N}"[..28];
        var request = await service.SubmitRequestAsync(await service.CreatePersonAsync(), title);
        await service.WithServicesAsync(async s => await s.GetRequiredService<LinkWorkflow>().LinkAsync(
            new LinkRequest(ItemTypes.Request, $"{request}", ItemTypes.Commitment, commitment.Reference, "People asked who owns land"), await service.PrincipalAsync(publisher)));
        return (request, title, commitment);
    }

    [Fact]
    public async Task TheApi_GivesEachChainAsATree_FilteredByKindOrByItem()
    {
        var (request, title, commitment) = await ArrangeAsync();
        var client = service.CreateClient();

        var through = await client.GetFromJsonAsync<JsonElement>($"/api/v1/outcomes?through=request:{request}");
        var chain = Assert.Single(through.GetProperty("items").EnumerateArray());
        var start = chain.GetProperty("start");
        Assert.Equal((ItemTypes.Request, title), (start.GetProperty("type").GetString(), start.GetProperty("title").GetString()));
        var step = Assert.Single(start.GetProperty("next").EnumerateArray());
        Assert.Equal((commitment.Reference, "People asked who owns land"), (step.GetProperty("key").GetString(), step.GetProperty("reason").GetString()));
        var milestone = Assert.Single(step.GetProperty("next").EnumerateArray());
        Assert.Equal(($"{commitment.Reference} milestone 1", "not started, due 30 June 2027"), (milestone.GetProperty("key").GetString(), milestone.GetProperty("standing").GetString()));

        var toMilestones = await client.GetFromJsonAsync<JsonElement>("/api/v1/outcomes?input=request&outcome=milestone&pageSize=100");
        Assert.Contains(toMilestones.GetProperty("items").EnumerateArray(), c => c.GetProperty("start").GetProperty("key").GetString() == $"{request}");
        var toVersions = await client.GetFromJsonAsync<JsonElement>("/api/v1/outcomes?outcome=document_version&pageSize=100");
        Assert.DoesNotContain(toVersions.GetProperty("items").EnumerateArray(), c => c.GetProperty("start").GetProperty("key").GetString() == $"{request}");

        foreach (var (query, parameter) in new[] { ("input=dataset", "input"), ("outcome=request", "outcome"), ("through=request", "through"), ("page=0", "page") })
        {
            var wrong = await client.GetAsync($"/api/v1/outcomes?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.True((await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(parameter, out _), query);
        }
    }

    [Fact]
    public async Task TheDownloads_HoldEveryChain_ARowAStepInTheCsv()
    {
        var (request, title, commitment) = await ArrangeAsync();
        var client = service.CreateClient();

        var csv = await client.GetStringAsync("/outcomes.csv");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Chain,Step,Depth,Type,Key,Title,Standing,Reason,Url", lines[0].Trim());
        var first = lines.Single(l => l.Contains($",request,{request},", StringComparison.Ordinal));
        var chain = first.Split(',')[0];
        var steps = lines.Where(l => l.StartsWith(chain + ",", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"{chain},1,1,request,{request},{title},0 people need this,,/requests/{request}", $"{chain},2,2,commitment,{commitment.Reference}"],
            [steps[0].Trim(), string.Join(',', steps[1].Split(',')[..5])]);

        var json = await client.GetFromJsonAsync<JsonElement>("/outcomes.json");
        Assert.Contains(json.EnumerateArray(), c => c.GetProperty("start").GetProperty("title").GetString() == title);

        var page = await service.NewSession().GetAsync("/outcomes?input=nothing");
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Select a kind of item from the list", page.FieldError("Input"));
    }
}
