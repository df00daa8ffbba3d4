using System.Net.Http.Json;
using System.Text.Json;
using ShapeOpenData.Modules.EthicsAssessments;

namespace ShapeOpenData.Tests.EthicsAssessments;

/// <summary>The Markdown and JSON downloads, and the API, which lists and shows published assessments only.</summary>
[Collection(SharedService.Engagement)]
public sealed class ExportsAndApiTests(ServiceFactory service)
{
    private static readonly int[] StartScores = [1, 2, 3, 4, 5, 0, 1, 2];

    private async Task<(EthicsAssessment Assessment, Person Member)> PublishedWithTwoStagesAsync(string name)
    {
        var member = await service.CreatePersonAsync(name: "Eve | *Exporter*", withPassword: false);
        var assessment = await service.StartAssessmentAsync(member, name);
        await service.AssessAsync(assessment, member, ProjectStage.Start, on: new DateOnly(2026, 1, 5), scores: StartScores);
        await service.AssessAsync(assessment, member, ProjectStage.Development, score: 4, on: new DateOnly(2026, 2, 9));
        await service.AssessmentsAsync(member, (w, actor) => w.PublishAsync(assessment.Slug, actor));
        return (assessment, member);
    }

    [Fact]
    public async Task Markdown_HasTheLatestScoresTableAndTheHistory_WithWhatPeopleTypedEscaped()
    {
        var (assessment, _) = await PublishedWithTwoStagesAsync("Tax <b>gap</b> | [model](https://evil.example)");

        var response = await service.CreateClient().GetAsync($"/ethics-assessments/{assessment.Slug}.md");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{assessment.Slug}.md", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        Assert.Equal(@"# Data ethics self-assessment: Tax \<b\>gap\</b\> \| \[model\](https://evil.example)", lines[0]);
        Assert.Contains("Predicts **bus delays** per route.", lines);
        Assert.Contains("| Principle or action | Start (5 Jan 2026) | Development (9 Feb 2026) |", lines);
        Assert.Contains("| Transparency | 1 | 4 |", lines);
        Assert.Contains("| Comply with the law | 0 | 4 |", lines);
        Assert.Contains("### Development stage, assessed on 9 February 2026 by Eve \\| \\*Exporter\\*", lines);
        Assert.Contains("| Involve diverse expertise | 5 | Notes on diverse\\_expertise |", lines);
        Assert.True(lines.IndexOf("### Development stage, assessed on 9 February 2026 by Eve \\| \\*Exporter\\*")
            < lines.IndexOf("### Start stage, assessed on 5 January 2026 by Eve \\| \\*Exporter\\*"));
    }

    [Fact]
    public async Task Json_AndTheApi_GiveTheSameScores_AndTheApiListsPublishedAssessmentsOnly()
    {
        var (published, member) = await PublishedWithTwoStagesAsync("Energy use predictions");
        var hidden = await service.StartAssessmentAsync(member, "Still private");
        var client = service.CreateClient();

        var download = await client.GetAsync($"/ethics-assessments/{published.Slug}.json");
        Assert.Equal("application/json", download.Content.Headers.ContentType!.MediaType);
        var json = await download.Content.ReadFromJsonAsync<JsonElement>();
        var api = await client.GetFromJsonAsync<JsonElement>($"/api/v1/ethics-assessments/{published.Slug}");
        foreach (var detail in new[] { json, api })
        {
            Assert.Equal("Energy use predictions", detail.GetProperty("projectName").GetString());
            Assert.Equal(["start", "development"], detail.GetProperty("latest").EnumerateArray().Select(s => s.GetProperty("stage").GetString()));
            var start = detail.GetProperty("latest")[0];
            Assert.Equal("2026-01-05", start.GetProperty("assessedOn").GetString());
            Assert.Equal(StartScores, start.GetProperty("scores").EnumerateArray().Select(s => s.GetProperty("score").GetInt32()));
            var law = start.GetProperty("scores")[5];
            Assert.Equal(("law", "Comply with the law", "action", "Notes on law"),
                (law.GetProperty("item").GetString(), law.GetProperty("itemName").GetString(), law.GetProperty("kind").GetString(), law.GetProperty("notes").GetString()));
            Assert.Equal(2, detail.GetProperty("history").GetArrayLength());
            Assert.Equal($"/ethics-assessments/{published.Slug}", detail.GetProperty("url").GetString());
        }

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/ethics-assessments?pageSize=100");
        var items = list.GetProperty("items").EnumerateArray().ToList();
        var mine = items.Single(i => i.GetProperty("slug").GetString() == published.Slug);
        Assert.Equal(["start", "development"], mine.GetProperty("stagesAssessed").EnumerateArray().Select(s => s.GetString()));
        Assert.DoesNotContain(items, i => i.GetProperty("slug").GetString() == hidden.Slug);
        Assert.All(items, i => Assert.NotEqual(JsonValueKind.Null, i.GetProperty("publishedAt").ValueKind));

        var first = await client.GetAsync($"/api/v1/ethics-assessments/{published.Slug}");
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/ethics-assessments/{published.Slug}");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/ethics-assessments?pageSize=500")).StatusCode);
        var missing = await client.GetAsync($"/api/v1/ethics-assessments/{hidden.Slug}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesTheEthicsAssessmentsApi()
    {
        var document = await service.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/ethics-assessments", out _));
        Assert.True(paths.TryGetProperty("/api/v1/ethics-assessments/{slug}", out _));
        Assert.False(paths.TryGetProperty("/ethics-assessments/{slug}.json", out _));
    }
}
