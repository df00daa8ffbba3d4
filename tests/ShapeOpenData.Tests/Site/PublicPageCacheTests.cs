using System.Net.Http.Json;
using System.Text.Json;

namespace ShapeOpenData.Tests.Site;

/// <summary>
/// Anonymous reads share a rendering. The lifetime here is long so that no test depends on how fast the
/// machine is; how soon a change reaches readers in production is measured by bench/run.
/// </summary>
public sealed class CachingServiceFactory : ServiceFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. base.Settings, new("PublicPageCache:Seconds", "30")];
}

/// <summary>The production setting, where shared pages expire within a second.</summary>
public sealed class ShortCacheServiceFactory : ServiceFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. base.Settings, new("PublicPageCache:Seconds", "0.5")];
}

public sealed class PublicPageExpiryTests(ShortCacheServiceFactory service) : IClassFixture<ShortCacheServiceFactory>
{
    [Fact]
    public async Task AnonymousReaders_SeeAChangeOnceTheSharedPageExpires()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        var anonymous = service.CreateClient();
        Assert.Equal(0, await SupportCountAsync(anonymous, id));

        await (await service.ApiClientAsync(await service.CreatePersonAsync(withPassword: false))).PutAsync($"/api/v1/requests/{id}/support", null);

        // Polls until the shared copy expires; the limit only stops a broken cache hanging the run.
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await SupportCountAsync(anonymous, id) != 1)
        {
            await Task.Delay(50, limit.Token);
        }
    }

    private static async Task<int> SupportCountAsync(HttpClient client, int id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{id}")).GetProperty("supportCount").GetInt32();
}

public sealed class PublicPageCacheTests(CachingServiceFactory service) : IClassFixture<CachingServiceFactory>
{

    [Fact]
    public async Task AnonymousReadsOfTheSamePage_AreServedFromTheCache()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        var client = service.CreateClient();
        var first = await client.GetAsync($"/requests/{id}");

        var second = await client.GetAsync($"/requests/{id}");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(second.Headers.Age is not null, "a shared response carries its Age");
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ThePersonWhoActed_SeesTheirChangeOnTheirNextPage()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        await service.CreateClient().GetAsync($"/requests/{id}");
        var session = service.NewSession();
        await session.SignInAsync(await service.CreatePersonAsync());

        var supported = await session.SubmitAsync(await session.GetAsync($"/requests/{id}"), selector: "form[action*=Support]");

        Assert.Equal("1 person needs this", supported.Document.GetElementById("support")!.TextContent.Trim());
        Assert.Equal("Thank you. You support this request, and we will email you when it changes", supported.Flash);
    }

    [Fact]
    public async Task ApiCallersWithAToken_AlwaysReadFresh()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        var client = await service.ApiClientAsync(await service.CreatePersonAsync(withPassword: false));
        await client.GetAsync($"/api/v1/requests/{id}");

        await client.PutAsync($"/api/v1/requests/{id}/support", null);

        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{id}")).GetProperty("supportCount").GetInt32());
    }

    [Fact]
    public async Task PagesThatSetACookie_AreNeverShared()
    {
        var first = await service.CreateClient().GetAsync("/account/sign-in");
        var second = await service.CreateClient().GetAsync("/account/sign-in");

        Assert.Null(second.Headers.Age);
        Assert.NotEqual(Token(await first.Content.ReadAsStringAsync()), Token(await second.Content.ReadAsStringAsync()));
    }

    private static string Token(string html) => System.Text.RegularExpressions.Regex.Match(html, "__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)").Groups[1].Value;
}
