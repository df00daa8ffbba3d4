using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Supports;

namespace ShapeOpenData.Tests.DatasetRequests;

/// <summary>Exact counts under concurrency, and no acknowledged support lost when the process is killed.</summary>
[RunsProcesses]
public sealed class SupportConcurrencyTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task TwoHundredPeopleSupportingAtOnce_GiveExactlyTwoHundred()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        var clients = new List<HttpClient>();
        for (var i = 0; i < 200; i++)
        {
            clients.Add(await service.ApiClientAsync(await service.CreatePersonAsync(withPassword: false)));
        }

        var responses = await Task.WhenAll(clients.Select(c => c.PutAsync($"/api/v1/requests/{id}/support", null)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var detail = await service.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/requests/{id}");
        Assert.Equal(200, detail.GetProperty("supportCount").GetInt32());
        Assert.Equal(200, await service.WithDatabaseAsync(db => db.Supports.CountAsync(s => s.TargetType == DatasetRequestsModule.ItemType && s.TargetId == id)));
    }

    [Fact]
    public async Task OnePersonSupportingFiftyTimesAtOnce_CountsOnce()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        var client = await service.ApiClientAsync(await service.CreatePersonAsync(withPassword: false));

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.PutAsync($"/api/v1/requests/{id}/support", null)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode));
        Assert.Equal(1, (await service.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/requests/{id}")).GetProperty("supportCount").GetInt32());
        Assert.Equal(1, await service.WithDatabaseAsync(db => db.Supports.CountAsync(s => s.TargetType == DatasetRequestsModule.ItemType && s.TargetId == id)));
    }

    [Fact]
    public async Task SupportingAndWithdrawingAtOnce_KeepsTheCountEqualToTheRows()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        var clients = new List<HttpClient>();
        for (var i = 0; i < 40; i++)
        {
            clients.Add(await service.ApiClientAsync(await service.CreatePersonAsync(withPassword: false)));
        }
        await Task.WhenAll(clients.Take(20).Select(c => c.PutAsync($"/api/v1/requests/{id}/support", null)));

        await Task.WhenAll(clients.Select((c, i) => i < 20 ? c.DeleteAsync($"/api/v1/requests/{id}/support") : c.PutAsync($"/api/v1/requests/{id}/support", null)));

        var count = (await service.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/requests/{id}")).GetProperty("supportCount").GetInt32();
        Assert.Equal(20, count);
        Assert.Equal(count, await service.WithDatabaseAsync(db => db.Supports.CountAsync(s => s.TargetType == DatasetRequestsModule.ItemType && s.TargetId == id)));
    }

    [Fact]
    public async Task ASupportThatCannotBeWritten_FailsAlone_AndTheOthersInItsBatchAreKept()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        var people = new List<Person>();
        for (var i = 0; i < 10; i++)
        {
            people.Add(await service.CreatePersonAsync(withPassword: false));
        }

        var (kept, failed) = await service.WithServicesAsync(async s =>
        {
            var batches = s.GetRequiredService<SupportBatches>();
            var at = DateTime.UtcNow;
            // Queued together, so they share batches; nobody has the id int.MaxValue, so that row breaks its batch.
            var writes = people.Take(5).Select(p => batches.WriteAsync(new PendingSupport(DatasetRequestsModule.ItemType, id, p.Id, null, null, at)))
                .Append(batches.WriteAsync(new PendingSupport(DatasetRequestsModule.ItemType, id, int.MaxValue, null, null, at)))
                .Concat(people.Skip(5).Select(p => batches.WriteAsync(new PendingSupport(DatasetRequestsModule.ItemType, id, p.Id, null, null, at))))
                .ToList();
            await Task.WhenAll(writes).ContinueWith(_ => { }, TaskScheduler.Default);
            return (writes.Count(w => w.IsCompletedSuccessfully && w.Result.Added), writes.Count(w => w.IsFaulted));
        });

        Assert.Equal((10, 1), (kept, failed));
        Assert.Equal(10, (await service.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/requests/{id}")).GetProperty("supportCount").GetInt32());
        Assert.Equal(10, await service.WithDatabaseAsync(db => db.Supports.CountAsync(s => s.TargetType == DatasetRequestsModule.ItemType && s.TargetId == id)));
    }

    [Fact]
    public async Task AnAcknowledgedSupport_SurvivesKillMinus9AndARestart()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        var supporters = new List<(Person Person, string Token)>();
        for (var i = 0; i < 20; i++)
        {
            var person = await service.CreatePersonAsync(withPassword: false);
            supporters.Add((person, await service.WithServicesAsync(s => s.GetRequiredService<ApiTokens>().IssueAsync(person.Id, "kill test"))));
        }
        await using var process = new ServiceProcess(service.DatabaseSettings);
        await process.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(process.Address) };

        var acknowledged = 0;
        foreach (var (_, token) in supporters)
        {
            using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/requests/{id}/support");
            put.Headers.Authorization = new("Bearer", token);
            if ((await http.SendAsync(put)).StatusCode == HttpStatusCode.Created) acknowledged++;
        }
        await process.KillAsync();

        await process.StartAsync();
        var detail = await http.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{id}");
        Assert.Equal(20, acknowledged);
        Assert.Equal(acknowledged, detail.GetProperty("supportCount").GetInt32());
        Assert.Equal(acknowledged, await service.WithDatabaseAsync(db => db.Supports.CountAsync(s => s.TargetType == DatasetRequestsModule.ItemType && s.TargetId == id)));
    }
}
