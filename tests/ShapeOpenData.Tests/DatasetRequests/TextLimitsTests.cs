using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.DatasetRequests;

/// <summary>
/// Issue 12: text sent through the API goes into pages, feeds and every follower's email, and SQLite keeps any
/// length. Each action's text has the request's one limit: longer is a 400 problem naming the field, and nothing changes.
/// </summary>
[Collection(SharedService.Requests)]
public sealed class TextLimitsTests(ServiceFactory service)
{
    private const string Organisation = "department-for-education";
    private static readonly string TooLong = new('x', 20_001);

    [Theory]
    [InlineData("review", "note")]
    [InlineData("start", "note")]
    [InlineData("assign", "note")]
    [InlineData("question", "question")]
    [InlineData("answer", "answer")]
    [InlineData("extend", "reason")]
    [InlineData("close", "explanation")]
    [InlineData("reopen", "reason")]
    [InlineData("withdraw", "reason")]
    public async Task Action_WithOverLongText_Is400NamingTheField_AndChangesNothing(string action, string field)
    {
        var requester = await service.CreatePersonAsync(withPassword: false);
        var id = await service.SubmitRequestAsync(requester, organisation: Organisation);
        var publisher = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.Publisher, Organisation, twoFactor: true, withPassword: false));
        var requesterClient = await service.ApiClientAsync(requester);
        async Task Do(HttpClient client, string step, object body) =>
            Assert.True((await client.PostAsJsonAsync($"/api/v1/requests/{id}/{step}", body)).IsSuccessStatusCode, step);
        switch (action)
        {
            case "start":
                await Do(publisher, "assign", new { organisation = Organisation });
                break;
            case "question":
                await Do(publisher, "review", new { });
                break;
            case "answer":
                await Do(publisher, "review", new { });
                await Do(publisher, "question", new { question = "Which years?" });
                break;
            case "reopen":
                await Do(publisher, "close", new { outcome = "not_held" });
                break;
        }
        object body = action switch
        {
            "assign" => new { organisation = Organisation, note = TooLong },
            "extend" => new { days = 1, reason = TooLong },
            "close" => new { outcome = "refused", refusalReason = "cost_limit", explanation = TooLong },
            _ => new Dictionary<string, string> { [field] = TooLong },
        };
        var before = await StateAsync(id);

        var response = await (action is "answer" or "withdraw" ? requesterClient : publisher).PostAsJsonAsync($"/api/v1/requests/{id}/{action}", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("characters or fewer", problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(id));
    }

    [Fact]
    public async Task Support_WithAnOverLongUse_Is400NamingTheField()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync(withPassword: false));
        var client = await service.ApiClientAsync(await service.CreatePersonAsync(withPassword: false));

        var response = await client.PutAsJsonAsync($"/api/v1/requests/{id}/support", new { use = TooLong });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("use", out _));
        Assert.Equal(0, await service.WithDatabaseAsync(db => db.DatasetRequests.Where(r => r.Id == id).Select(r => r.SupportCount).SingleAsync()));
    }

    /// <summary>What a change would touch: the state, the version, the timeline and the audit log.</summary>
    private Task<string> StateAsync(int id) => service.WithDatabaseAsync(async db =>
    {
        var request = await db.DatasetRequests.Where(r => r.Id == id).Select(r => new { r.State, r.Version, Events = r.Events.Count }).SingleAsync();
        var audit = await db.AuditEntries.CountAsync(e => e.EntityType == "request" && e.EntityId == id);
        return $"{request.State} v{request.Version}, {request.Events} events, {audit} audit entries";
    });
}
