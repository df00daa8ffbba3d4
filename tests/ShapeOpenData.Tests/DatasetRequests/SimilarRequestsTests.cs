using System.Net.Http.Json;
using System.Text.Json;

namespace ShapeOpenData.Tests.DatasetRequests;

/// <summary>
/// Suggestions come from the in-memory title index as it was built, corrected by what changed since: after a
/// catch-up, a request closed after the build stops being suggested and one asked after it is suggested; a
/// support moves the count shown at once.
/// </summary>
public sealed class SimilarRequestsTests(ClockedServiceFactory service) : IClassFixture<ClockedServiceFactory>
{
    [Fact]
    public async Task Suggestions_FromTheIndex_FollowChangesMadeAfterItWasBuilt()
    {
        var requester = await service.CreatePersonAsync();
        var kept = await service.SubmitRequestAsync(requester, "Ferry timetables for Orkney islands");
        var withdrawn = await service.SubmitRequestAsync(requester, "Ferry timetables for Shetland islands");
        var unrelated = await service.SubmitRequestAsync(requester, "School meal uptake by council");
        service.Clock.Advance(TimeSpan.FromMinutes(5));
        await RebuildIndexAsync();
        service.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal([kept, withdrawn], (await SimilarAsync("ferry timetables islands")).Order());

        var principal = await service.PrincipalAsync(requester);
        await service.WithServicesAsync(s => s.GetRequiredService<RequestWorkflow>().WithdrawAsync(withdrawn, principal, "Found it", CancellationToken.None));
        var asked = await service.SubmitRequestAsync(requester, "Ferry timetables for Hebrides islands");
        await CatchUpAsync();

        var suggested = await SimilarAsync("ferry timetables islands");
        Assert.Contains(kept, suggested);
        Assert.Contains(asked, suggested);
        Assert.DoesNotContain(withdrawn, suggested);
        Assert.DoesNotContain(unrelated, suggested);
    }

    [Fact]
    public async Task Suggestions_PutTheMostWordsInCommonFirst()
    {
        var requester = await service.CreatePersonAsync();
        var one = await service.SubmitRequestAsync(requester, "Lighthouse keeper rotas");
        var two = await service.SubmitRequestAsync(requester, "Lighthouse beam maintenance rotas");
        await RebuildIndexAsync();

        Assert.Equal([two, one], await SimilarAsync("lighthouse maintenance rotas"));
    }

    [Fact]
    public async Task ASupport_MovesTheCountShownAndTheOrder_AtOnce()
    {
        var requester = await service.CreatePersonAsync();
        var first = await service.SubmitRequestAsync(requester, "Harbour dredging depths north");
        var second = await service.SubmitRequestAsync(requester, "Harbour dredging depths south");
        await RebuildIndexAsync();
        Assert.Equal([second, first], await SimilarAsync("harbour dredging depths"));  // equal support: newest first

        var supporter = await service.ApiClientAsync(await service.CreatePersonAsync());
        (await supporter.PutAsync($"/api/v1/requests/{first}/support", null)).EnsureSuccessStatusCode();

        var found = await service.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/requests/similar?title=harbour%20dredging%20depths");
        Assert.Equal(first, found[0].GetProperty("id").GetInt32());
        Assert.Equal(1, found[0].GetProperty("supportCount").GetInt32());
    }

    private Task<bool> CatchUpAsync() => WithIndexAsync(index => index.CatchUpAsync());

    private Task<bool> RebuildIndexAsync() => WithIndexAsync(index => index.RebuildAsync());

    private Task<bool> WithIndexAsync(Func<TitleIndex, Task> act) => service.WithServicesAsync(async s =>
    {
        await act(s.GetRequiredService<TitleIndex>());
        return true;
    });

    private async Task<List<int>> SimilarAsync(string title)
    {
        var found = await service.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/requests/similar?title={Uri.EscapeDataString(title)}");
        return [.. found.EnumerateArray().Select(s => s.GetProperty("id").GetInt32())];
    }
}
