using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Search;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Search;

/// <summary>
/// The site search over real HTTP and the real database: stemmed words, titles first, nothing the reader may not
/// see, filters, pages and the API. Each test searches for a made-up word of its own, so tests do not see each other's items.
/// </summary>
[Collection(SharedService.Publishing)]
public sealed class SearchTests(ServiceFactory service)
{
    [Fact]
    public async Task Get_WhenAWordIsStemmed_FindsTheRequestAtOnce()
    {
        var word = Word();
        var id = await RequestAsync($"Bus stops in {word}", "The council published the stop locations last year.");

        var page = await service.NewSession().GetAsync($"/search?q=publishing+{word}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal([$"/requests/{id}"], ResultLinks(page));
        Assert.Contains("<mark>published</mark>", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_RanksATitleMatchAboveAPassingMention()
    {
        var word = Word();
        var mention = await RequestAsync("Road casualty figures", $"Figures by road, as {word} and others collect them, for every month since 2010.");
        var titled = await RequestAsync($"{word} timetables", "Timetables for every route.");

        var page = await service.NewSession().GetAsync($"/search?q={word}");

        Assert.Equal([$"/requests/{titled}", $"/requests/{mention}"], ResultLinks(page));
    }

    [Fact]
    public async Task Get_NeverFindsAConfidentialRequest_ForAnyone()
    {
        var word = Word();
        var requester = await service.CreatePersonAsync();
        await service.SubmitRequestAsync(requester, $"Confidential {word} data", confidential: true);
        var reader = service.NewSession();
        await reader.SignInAsync(await service.CreatePersonAsync());

        var anonymous = await service.NewSession().GetAsync($"/search?q={word}");
        var signedIn = await reader.GetAsync($"/search?q={word}");

        Assert.Empty(ResultLinks(anonymous));
        Assert.Empty(ResultLinks(signedIn));
        Assert.Contains("No results", anonymous.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WhenAModeratorHidesARequest_ItIsNoLongerFound()
    {
        var word = Word();
        var id = await RequestAsync($"{word} parking permits", "Permits issued each month.");
        Assert.Single(ResultLinks(await service.NewSession().GetAsync($"/search?q={word}")));

        await service.WithServicesAsync(async s =>
        {
            await s.GetServices<IModeratable>().Single(m => m.Type == ItemTypes.Request).ApplyAsync(id, new ModerationChange.Hide(ModerationReason.Spam), default);
            return await s.GetRequiredService<AppDbContext>().SaveChangesAsync();
        });

        Assert.Empty(ResultLinks(await service.NewSession().GetAsync($"/search?q={word}")));
    }

    [Fact]
    public async Task Get_WhenMoreThanAThousandMatch_SaysSo_AndShowsTitleMatchesFirst()
    {
        var word = Word();
        var titled = await RequestAsync($"{word} harbour dues", "Dues by harbour and month.");
        // A thousand newer documents mention the word in passing: more than are counted or ranked. Their items do not
        // exist, so the results show none of them, whichever the search picks.
        var first = Random.Shared.Next(1_000_000_000, 2_000_000_000);
        await service.WithDatabaseAsync(db =>
        {
            db.SearchDocuments.AddRange(Enumerable.Range(first, SearchSql.MaxMatches).Select(i =>
                SearchDocument.For(ItemTypes.Request, new SearchText(i, "Harbour dues", $"Collected by {word} and others.", $"/requests/{i}", null, null))));
            return db.SaveChangesAsync();
        });

        var page = await service.NewSession().GetAsync($"/search?q={word}");
        var found = await service.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/search?q={word}");

        Assert.Contains("More than 1,000 results", page.Text, StringComparison.Ordinal);
        Assert.Equal([$"/requests/{titled}"], ResultLinks(page));
        Assert.Equal((1_000, true, 0), (found.GetProperty("total").GetInt32(), found.GetProperty("more").GetBoolean(),
            found.GetProperty("countsByType").EnumerateObject().Count()));
    }

    [Fact]
    public async Task Get_FiltersByTypeAndOrganisation_AndPages()
    {
        var word = Word();
        for (var i = 0; i < 22; i++)
        {
            await RequestAsync($"{word} survey {i}", "Survey results.", i % 2 == 0 ? "department-for-transport" : "cabinet-office");
        }
        var session = service.NewSession();

        var first = await session.GetAsync($"/search?q={word}");
        var second = await session.GetAsync($"/search?q={word}&page=2");
        var transport = await session.GetAsync($"/search?q={word}&organisation=department-for-transport");
        var datasets = await session.GetAsync($"/search?q={word}&type=dataset");

        Assert.Contains("22 results", first.Text, StringComparison.Ordinal);
        Assert.Equal(20, ResultLinks(first).Count);
        Assert.Equal(2, ResultLinks(second).Count);
        Assert.Empty(ResultLinks(first).Intersect(ResultLinks(second)));
        Assert.Contains("11 results", transport.Text, StringComparison.Ordinal);
        Assert.Empty(ResultLinks(datasets));
    }

    [Fact]
    public async Task Get_WhenTheInputIsWrong_ShowsTheErrorSummaryWith400()
    {
        var page = await service.NewSession().GetAsync("/search?q=buses&type=nonsense&from=2026-13-40");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(page.Errors, e => e.Message == "Choose a type of item from the list");
        Assert.Contains(page.Errors, e => e.Message == "The earliest date must be a real date, like 2026-03-27");
    }

    [Fact]
    public async Task Get_WithNoWords_SaysWhatCanBeFound()
    {
        var page = await service.NewSession().GetAsync("/search");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Type some words and choose Search", page.Text, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("header form[role=search][action='/search'] input[name=q]"));
        Assert.NotNull(page.Document.QuerySelector("link[rel=search][href='/opensearch.xml']"));
    }

    [Fact]
    public async Task Api_FindsTheSameAsThePage_AndRefusesBadInputWithAProblem()
    {
        var word = Word();
        var id = await RequestAsync($"{word} cycle counts", "Counts of cyclists published weekly.");
        var client = service.CreateClient();

        var found = await client.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={word}+publishes");
        var bad = await client.GetAsync("/api/v1/search?q=x&type=nonsense");

        Assert.Equal(1, found.GetProperty("total").GetInt32());
        var item = found.GetProperty("items")[0];
        Assert.Equal(("request", id, $"/requests/{id}"), (item.GetProperty("type").GetString(), item.GetProperty("id").GetInt32(), item.GetProperty("url").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Start_IndexesPublicItemsThatHaveNoDocument()
    {
        var word = Word();
        var id = await RequestAsync($"{word} ferry fares", "Fares by route.");
        await service.WithDatabaseAsync(db => db.SearchDocuments.Where(d => d.Type == ItemTypes.Request && d.ItemId == id).ExecuteDeleteAsync());
        Assert.Empty(ResultLinks(await service.NewSession().GetAsync($"/search?q={word}")));

        await service.Services.PrepareDatabaseAsync(seedDemoContent: false);

        Assert.Equal([$"/requests/{id}"], ResultLinks(await service.NewSession().GetAsync($"/search?q={word}")));
    }

    [Fact]
    public async Task OpenSearch_DescribesTheSearchPage()
    {
        var response = await service.CreateClient().GetAsync("/opensearch.xml");
        var xml = await response.Content.ReadAsStringAsync();

        Assert.Equal("application/opensearchdescription+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/search?q={searchTerms}", xml, StringComparison.Ordinal);
    }

    private static string Word() => new([.. Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(8).Prepend('q').Prepend('z')]);

    private static List<string> ResultLinks(WebPage page) =>
        [.. page.Document.QuerySelectorAll(".sod-results__title a").Select(a => a.GetAttribute("href")!)];

    private async Task<int> RequestAsync(string title, string description, string organisation = "department-for-transport")
    {
        var requester = await service.CreatePersonAsync();
        return await service.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var organisationId = db.Organisations.Where(o => o.Slug == organisation).Select(o => o.Id).Single();
            var today = DateOnly.FromDateTime(s.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            var request = await s.GetRequiredService<RequestWorkflow>().SubmitAsync(
                new NewRequest(title, description, organisationId, [Theme.Transport], IntendedUse.Research, null, [], false, requester.Id, ReceivedVia.Service, today),
                "service", await service.PrincipalAsync(requester));
            return request.Id;
        });
    }
}
