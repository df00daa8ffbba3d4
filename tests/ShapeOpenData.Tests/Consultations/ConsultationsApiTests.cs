using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ShapeOpenData.Tests.Groups;

namespace ShapeOpenData.Tests.Consultations;

/// <summary><c>/api/v1/consultations</c>: the list, one consultation and its sections; a draft only for those who run it.</summary>
[Collection(SharedService.Engagement)]
public sealed class ConsultationsApiTests(ServiceFactory service)
{
    private static List<string> Slugs(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!)];

    [Fact]
    public async Task List_GivesPublishedConsultations_AndDraftsOnlyToThoseWhoRunThem()
    {
        var (open, runner) = await service.CreateConsultationAsync();
        var (draft, _) = await service.CreateConsultationAsync(open: false);
        var owners = await service.ApiClientAsync(runner);
        var stranger = await service.ApiClientAsync(await service.CreatePersonAsync(withPassword: false));

        foreach (var client in new[] { service.CreateClient(), stranger })
        {
            var seen = Slugs(await client.GetFromJsonAsync<JsonElement>("/api/v1/consultations?pageSize=100"));
            Assert.Contains(open.Slug, seen);
            Assert.DoesNotContain(draft.Slug, seen);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/consultations/{draft.Slug}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/consultations/{draft.Slug}/sections")).StatusCode);
        }
        var drafts = await owners.GetFromJsonAsync<JsonElement>($"/api/v1/consultations?state=draft&organisation={TestConsultations.Owner}&pageSize=100");
        Assert.Contains(draft.Slug, Slugs(drafts));
        Assert.DoesNotContain(open.Slug, Slugs(drafts));
        var item = drafts.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("slug").GetString() == draft.Slug);
        Assert.Equal("draft", item.GetProperty("state").GetString());
        Assert.Equal(TestConsultations.Owner, item.GetProperty("organisation").GetString());
        Assert.Equal($"/consultations/{draft.Slug}", item.GetProperty("url").GetString());
        var detail = await owners.GetFromJsonAsync<JsonElement>($"/api/v1/consultations/{draft.Slug}");
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("versions")[0].GetProperty("publishedAt").ValueKind);
        Assert.Equal(2, (await owners.GetFromJsonAsync<JsonElement>($"/api/v1/consultations/{draft.Slug}/sections")).GetProperty("sections").GetArrayLength());

        Assert.Empty(Slugs(await owners.GetFromJsonAsync<JsonElement>("/api/v1/consultations?organisation=cabinet-office&state=draft")));
        var wrong = await service.CreateClient().GetAsync("/api/v1/consultations?state=finished");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        Assert.Contains("outcome_published", (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("state")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_GivesStateDatesCountsVersionsAndOutcomeWithItsChanges()
    {
        var (consultation, runner) = await service.CreateConsultationAsync();
        var slug = consultation.Slug;
        var client = service.CreateClient();

        var opened = await client.GetFromJsonAsync<JsonElement>($"/api/v1/consultations/{slug}");
        Assert.Equal("open", opened.GetProperty("state").GetString());
        Assert.Equal(consultation.Title, opened.GetProperty("title").GetString());
        Assert.Equal("Department for Transport", opened.GetProperty("organisationName").GetString());
        Assert.Equal(1, opened.GetProperty("latestVersion").GetInt32());
        Assert.Equal(0, opened.GetProperty("counts").GetProperty("participants").GetInt32());
        Assert.Equal(JsonValueKind.Null, opened.GetProperty("outcome").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/consultations/no-such-consultation")).StatusCode);

        await service.ConsultationsAsync(runner, async (c, actor) =>
        {
            await c.PublishVersionAsync(slug, [("What we propose", "Within 7 days.")], "Seven days", actor);
            await c.CloseAsync(slug, actor);
            await c.PublishOutcomeAsync(slug, "You said **faster**.", "We made it faster.", [("Seven days", 2), ("Kept the licence", null)], actor);
        });
        var answered = await client.GetFromJsonAsync<JsonElement>($"/api/v1/consultations/{slug}");
        Assert.Equal("outcome_published", answered.GetProperty("state").GetString());
        Assert.Equal(2, answered.GetProperty("latestVersion").GetInt32());
        Assert.Equal("Seven days", answered.GetProperty("versions")[1].GetProperty("note").GetString());
        var outcome = answered.GetProperty("outcome");
        Assert.Equal("You said **faster**.", outcome.GetProperty("youSaid").GetString());
        var changes = outcome.GetProperty("changes");
        Assert.Equal(2, changes[0].GetProperty("version").GetInt32());
        Assert.Equal($"/consultations/{slug}/versions/2", changes[0].GetProperty("versionUrl").GetString());
        Assert.Equal($"/consultations/{slug}/versions/compare?from=1&to=2", changes[0].GetProperty("compareUrl").GetString());
        Assert.Equal(JsonValueKind.Null, changes[1].GetProperty("version").ValueKind);
    }

    [Fact]
    public async Task Sections_GivesTheLatestVersion_OrAnotherByNumber()
    {
        var (consultation, runner) = await service.CreateConsultationAsync();
        var slug = consultation.Slug;
        await service.ConsultationsAsync(runner, (c, actor) => c.PublishVersionAsync(slug, [("What we propose", "Within 7 days.")], "Seven days", actor));
        var client = service.CreateClient();

        var latest = await client.GetFromJsonAsync<JsonElement>($"/api/v1/consultations/{slug}/sections");
        Assert.Equal(2, latest.GetProperty("version").GetInt32());
        Assert.True(latest.GetProperty("latest").GetBoolean());
        Assert.Equal("Seven days", latest.GetProperty("note").GetString());
        var only = Assert.Single(latest.GetProperty("sections").EnumerateArray());
        Assert.Equal("Within 7 days.", only.GetProperty("body").GetString());
        Assert.Equal($"/consultations/{slug}/versions/2/sections/1", only.GetProperty("url").GetString());

        var first = await client.GetFromJsonAsync<JsonElement>($"/api/v1/consultations/{slug}/sections?version=1");
        Assert.False(first.GetProperty("latest").GetBoolean());
        Assert.Equal(["Why this matters", "What we propose"], first.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("heading").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/consultations/{slug}/sections?version=3")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/consultations/{slug}/sections?version=0")).StatusCode);

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/consultations/{slug}/sections");
        again.Headers.TryAddWithoutValidation("If-None-Match", (await client.GetAsync($"/api/v1/consultations/{slug}/sections")).Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
    }
}
