using System.Net.Http.Json;
using System.Text.Json;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.DatasetRequests;

[Collection(SharedService.Requests)]
public sealed class RequestsApiTests(ServiceFactory service)
{
    private static object NewRequestBody(string? title = null, string? receivedOn = null) => new
    {
        title = title ?? $"Ambulance handover times {Guid.NewGuid():N}"[..45],
        description = "By hospital, weekly.",
        organisation = "department-of-health-and-social-care",
        themes = new[] { "health" },
        intendedUse = "journalism",
        regime = "foi",
        receivedOn,
    };

    [Fact]
    public async Task Post_MakesARequestAndAnswersWithItsIdAndDueDate()
    {
        var client = await service.ApiClientAsync(await service.CreatePersonAsync());

        var response = await client.PostAsJsonAsync("/api/v1/requests", NewRequestBody());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/requests/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("submitted", created.GetProperty("state").GetString());
        Assert.Equal(0, created.GetProperty("supportCount").GetInt32());
        Assert.False(created.GetProperty("overdue").GetBoolean());
        var received = created.GetProperty("receivedOn").GetString();
        var calculator = await client.GetFromJsonAsync<JsonElement>($"/api/v1/deadlines?regime=foi&received={received}");
        Assert.Equal(calculator.GetProperty("dueOn").GetString(), created.GetProperty("dueOn").GetString());
    }

    [Fact]
    public async Task Post_WithoutAToken_Is401()
    {
        var response = await service.CreateClient().PostAsJsonAsync("/api/v1/requests", NewRequestBody());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_WithMistakes_Is400NamingEachField()
    {
        var client = await service.ApiClientAsync(await service.CreatePersonAsync());

        var response = await client.PostAsJsonAsync("/api/v1/requests", new { title = "", themes = new[] { "astrology" }, intendedUse = "x", regime = "gdpr", organisation = "ministry-of-magic" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "title", "description", "themes", "intendedUse", "regime", "organisation" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field + " " + errors);
        }
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("{\"title\": 42, \"confidential\": \"maybe\"}")]
    public async Task Post_MalformedJson_Is400ProblemNot500(string json)
    {
        var client = await service.ApiClientAsync(await service.CreatePersonAsync());

        var response = await client.PostAsync("/api/v1/requests", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ReceivedOn_IsAcceptedOnlyFromPublishersAndTheProgrammeTeam()
    {
        var participant = await service.ApiClientAsync(await service.CreatePersonAsync());
        var refused = await participant.PostAsJsonAsync("/api/v1/requests", NewRequestBody(receivedOn: "2026-03-16"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("receivedOn", out _));

        var programme = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true));
        var accepted = await programme.PostAsJsonAsync("/api/v1/requests", NewRequestBody(receivedOn: "2026-03-16"));
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var created = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2026-04-16", created.GetProperty("dueOn").GetString());
        Assert.Equal("email", created.GetProperty("receivedVia").GetString());
    }

    [Fact]
    public async Task SupportPutAndDelete_AreIdempotent()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        var client = await service.ApiClientAsync(await service.CreatePersonAsync());

        var first = await client.PutAsJsonAsync($"/api/v1/requests/{id}/support", new { use = "Planning bus routes" });
        var second = await client.PutAsync($"/api/v1/requests/{id}/support", null);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("supportCount").GetInt32());

        var removed = await client.DeleteAsync($"/api/v1/requests/{id}/support");
        var again = await client.DeleteAsync($"/api/v1/requests/{id}/support");
        Assert.Equal(0, (await removed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("supportCount").GetInt32());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(0, (await service.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/requests/{id}")).GetProperty("supportCount").GetInt32());
    }

    [Fact]
    public async Task Support_ForAnUnknownRequest_Is404()
    {
        var client = await service.ApiClientAsync(await service.CreatePersonAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsync("/api/v1/requests/999999/support", null)).StatusCode);
    }

    [Fact]
    public async Task Get_ListsWithFiltersSortsAndPaging()
    {
        var requester = await service.CreatePersonAsync();
        var popular = await service.SubmitRequestAsync(requester, theme: Theme.Defence, organisation: "ministry-of-defence");
        var quiet = await service.SubmitRequestAsync(requester, theme: Theme.Defence, organisation: "ministry-of-defence");
        foreach (var sector in new[] { "academic", "media" })
        {
            var supporter = await service.CreatePersonAsync();
            await service.WithServicesAsync(async s =>
            {
                var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<User>>();
                var user = await users.FindByIdAsync(supporter.Id.ToString());
                user!.Sector = ShapeOpenData.Infrastructure.Codes.Parse<Sector>(sector);
                return await users.UpdateAsync(user);
            });
            await (await service.ApiClientAsync(supporter)).PutAsync($"/api/v1/requests/{popular}/support", null);
        }
        var client = service.CreateClient();

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/requests?theme=defence&organisation=ministry-of-defence&sort=most_supported&pageSize=1");
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.Equal(popular, list.GetProperty("items")[0].GetProperty("id").GetInt32());
        Assert.Equal(2, list.GetProperty("items")[0].GetProperty("supportCount").GetInt32());

        var second = await client.GetFromJsonAsync<JsonElement>("/api/v1/requests?theme=defence&organisation=ministry-of-defence&sort=most_supported&pageSize=1&page=2");
        Assert.Equal(quiet, second.GetProperty("items")[0].GetProperty("id").GetInt32());

        var bySector = await client.GetFromJsonAsync<JsonElement>("/api/v1/requests?theme=defence&sector=media");
        Assert.Equal([popular], bySector.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{popular}");
        Assert.Equal(1, detail.GetProperty("supportersBySector").GetProperty("academic").GetInt32());
    }

    [Theory]
    [InlineData("state=lost", "state")]
    [InlineData("theme=astrology", "theme")]
    [InlineData("sector=pirate", "sector")]
    [InlineData("sort=random", "sort")]
    [InlineData("pageSize=500", "pageSize")]
    public async Task Get_WithABadFilter_Is400NamingIt(string query, string field)
    {
        var response = await service.CreateClient().GetAsync($"/api/v1/requests?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task ConfidentialRequests_AreHiddenFromEveryoneElse()
    {
        var requester = await service.CreatePersonAsync();
        var id = await service.SubmitRequestAsync(requester, confidential: true, organisation: "hm-treasury");
        var anonymous = service.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/requests/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await service.ApiClientAsync(await service.CreatePersonAsync())).GetAsync($"/api/v1/requests/{id}")).StatusCode);
        Assert.DoesNotContain($"\"id\":{id},", await anonymous.GetStringAsync("/api/v1/requests?organisation=hm-treasury"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await (await service.ApiClientAsync(requester)).GetAsync($"/api/v1/requests/{id}")).StatusCode);
        var treasury = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.Publisher, "hm-treasury", twoFactor: true));
        Assert.Equal(HttpStatusCode.OK, (await treasury.GetAsync($"/api/v1/requests/{id}")).StatusCode);
        var otherPublisher = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.Publisher, "home-office", twoFactor: true));
        Assert.Equal(HttpStatusCode.NotFound, (await otherPublisher.GetAsync($"/api/v1/requests/{id}")).StatusCode);
    }

    [Fact]
    public async Task ManagingActions_FollowTheRulesAndThePermissions()
    {
        var requester = await service.CreatePersonAsync();
        var id = await service.SubmitRequestAsync(requester, organisation: "department-for-education");
        var publisher = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.Publisher, "department-for-education", twoFactor: true));
        var participant = await service.ApiClientAsync(await service.CreatePersonAsync());
        var other = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.Publisher, "home-office", twoFactor: true));

        Assert.Equal(HttpStatusCode.Forbidden, (await participant.PostAsJsonAsync($"/api/v1/requests/{id}/review", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/v1/requests/{id}/review", new { })).StatusCode);

        var illegal = await publisher.PostAsJsonAsync($"/api/v1/requests/{id}/start", new { });
        Assert.Equal(HttpStatusCode.Conflict, illegal.StatusCode);
        Assert.Equal("Work can only start on a request that has been assigned", (await illegal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        Assert.Equal("under_review", await StateAfter(publisher.PostAsJsonAsync($"/api/v1/requests/{id}/review", new { note = "Looking" })));
        Assert.Equal(HttpStatusCode.Forbidden, (await publisher.PostAsJsonAsync($"/api/v1/requests/{id}/assign", new { organisation = "home-office" })).StatusCode);
        Assert.Equal("assigned", await StateAfter(publisher.PostAsJsonAsync($"/api/v1/requests/{id}/assign", new { organisation = "department-for-education" })));
        Assert.Equal("in_progress", await StateAfter(publisher.PostAsJsonAsync($"/api/v1/requests/{id}/start", new { })));
        Assert.Equal("awaiting_requester", await StateAfter(publisher.PostAsJsonAsync($"/api/v1/requests/{id}/question", new { question = "Which years?" })));
        Assert.Equal(HttpStatusCode.Forbidden, (await participant.PostAsJsonAsync($"/api/v1/requests/{id}/answer", new { answer = "All" })).StatusCode);
        var requesterClient = await service.ApiClientAsync(requester);
        Assert.Equal("in_progress", await StateAfter(requesterClient.PostAsJsonAsync($"/api/v1/requests/{id}/answer", new { answer = "All of them" })));

        var noReason = await publisher.PostAsJsonAsync($"/api/v1/requests/{id}/close", new { outcome = "refused", refusalReason = "cost_limit" });
        Assert.Equal(HttpStatusCode.Conflict, noReason.StatusCode);
        var closed = await publisher.PostAsJsonAsync($"/api/v1/requests/{id}/close", new { outcome = "refused", refusalReason = "cost_limit", explanation = "Too costly." });
        var detail = await closed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("closed", "refused", "cost_limit"), (detail.GetProperty("state").GetString(), detail.GetProperty("outcome").GetString(), detail.GetProperty("refusalReason").GetString()));
        Assert.False(string.IsNullOrEmpty(detail.GetProperty("complaintRoute").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await publisher.PostAsJsonAsync($"/api/v1/requests/{id}/close", new { outcome = "not_held" })).StatusCode);

        Assert.Equal("in_progress", await StateAfter(publisher.PostAsJsonAsync($"/api/v1/requests/{id}/reopen", new { reason = "Reconsidered" })));
        var released = await publisher.PostAsJsonAsync($"/api/v1/requests/{id}/close", new { outcome = "released", url = "https://data.example/schools" });
        Assert.Equal("released", (await released.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        var timeline = (await service.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/requests/{id}")).GetProperty("timeline");
        Assert.Equal(["submitted", "reviewed", "assigned", "started", "clarification_requested", "clarification_received", "closed", "reopened", "closed"],
            timeline.EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Withdrawing_IsForTheRequesterOnly()
    {
        var requester = await service.CreatePersonAsync();
        var id = await service.SubmitRequestAsync(requester);
        var programme = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true));

        Assert.Equal(HttpStatusCode.Forbidden, (await programme.PostAsJsonAsync($"/api/v1/requests/{id}/withdraw", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await programme.PostAsJsonAsync($"/api/v1/requests/{id}/close", new { outcome = "withdrawn" })).StatusCode);
        var withdrawn = await (await service.ApiClientAsync(requester)).PostAsJsonAsync($"/api/v1/requests/{id}/withdraw", new { reason = "Found it" });
        Assert.Equal("withdrawn", (await withdrawn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Similar_SuggestsOpenPublicRequestsForATitle()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync(), "Lighthouse maintenance schedules");

        var similar = await service.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/requests/similar?title=maintenance%20of%20lighthouses");

        Assert.Contains(id, similar.EnumerateArray().Select(s => s.GetProperty("id").GetInt32()));
    }

    private static async Task<string?> StateAfter(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString();
    }
}
