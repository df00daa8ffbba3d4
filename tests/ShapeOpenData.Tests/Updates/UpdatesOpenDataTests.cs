using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Modules.Updates;

namespace ShapeOpenData.Tests.Updates;

/// <summary>Updates through the list and tag pages, the API, the Atom feed, the organisation's record and the outcome links.</summary>
[Collection(SharedService.Publishing)]
public sealed class UpdatesOpenDataTests(ServiceFactory service)
{
    private async Task<(PolicyUpdate Update, Suggestion Suggestion, string Tag)> ArrangeAsync()
    {
        var tag = $"tag-{Guid.NewGuid():N}"[..12];
        var (update, publisher) = await service.PostUpdateAsync("department-for-transport", tag, "transport");
        var (suggestion, _) = await service.SuggestAsync(update);
        await service.WithServicesAsync(async s =>
        {
            await s.GetRequiredService<UpdateWorkflow>().AnswerAsync(update.Slug, suggestion.Id, SuggestionAnswer.NotAdopted,
                "It is already published elsewhere.", await service.PrincipalAsync(publisher));
            return true;
        });
        return (update, suggestion, tag);
    }

    [Fact]
    public async Task TheListAndTagPages_ShowUpdatesWithTheTag()
    {
        var (update, _, tag) = await ArrangeAsync();
        var session = service.NewSession();
        var tagged = await session.GetAsync($"/updates/tags/{tag}");
        Assert.Equal("1 update", tagged.Document.QuerySelector("#count")?.TextContent.Trim());
        Assert.Equal(update.Title, tagged.Document.QuerySelector(".sod-update-list h2 a")?.TextContent);
        var filtered = await session.GetAsync($"/updates?tag={tag}&organisation=department-for-transport");
        Assert.Equal("1 update", filtered.Document.QuerySelector("#count")?.TextContent.Trim());
        Assert.Contains("1 suggestion, 0 adopted", filtered.Text, StringComparison.Ordinal);
        Assert.Equal("0 updates", (await session.GetAsync($"/updates?tag={tag}&organisation=home-office")).Document.QuerySelector("#count")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync("/updates/tags/no-such-tag-at-all")).Status);
        var badPage = await session.GetAsync("/updates?page=0");
        Assert.Equal(HttpStatusCode.BadRequest, badPage.Status);
    }

    [Fact]
    public async Task TheApi_ListsUpdatesAndShowsOneWithItsAnsweredSuggestions()
    {
        var (update, suggestion, tag) = await ArrangeAsync();
        var client = service.CreateClient();
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/updates?tag={tag}");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(update.Slug, list.GetProperty("items")[0].GetProperty("slug").GetString());
        var shown = await client.GetFromJsonAsync<JsonElement>($"/api/v1/updates/{update.Slug}");
        var answered = shown.GetProperty("suggestions")[0];
        Assert.Equal(suggestion.Id, answered.GetProperty("id").GetInt32());
        Assert.Equal("not_adopted", answered.GetProperty("answer").GetString());
        Assert.Equal("It is already published elsewhere.", answered.GetProperty("reason").GetString());
        Assert.Equal("department-for-transport", shown.GetProperty("organisation").GetProperty("slug").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/updates/no-such-update")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/updates?pageSize=0")).StatusCode);
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("One policy update, with its suggestions", openApi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAtomFeed_HasTheUpdate_WithItsTags()
    {
        var (update, _, tag) = await ArrangeAsync();
        var atom = XDocument.Parse(await service.CreateClient().GetStringAsync("/updates.atom"));
        XNamespace ns = "http://www.w3.org/2005/Atom";
        var entry = atom.Root!.Elements(ns + "entry").Single(e => e.Element(ns + "title")?.Value == update.Title);
        Assert.EndsWith($"/updates/{update.Slug}", entry.Element(ns + "link")?.Attribute("href")?.Value, StringComparison.Ordinal);
        Assert.Contains(entry.Elements(ns + "category"), c => c.Attribute("term")?.Value == tag);
    }

    [Fact]
    public async Task SuggestionsAreCountedOnTheOrganisationsRecord_AndCanBeLinkedAsInputs()
    {
        var (update, suggestion, _) = await ArrangeAsync();
        var organisation = await service.NewSession().GetAsync("/organisations/department-for-transport");
        Assert.Contains("Suggestions received on policy updates", organisation.Text, StringComparison.Ordinal);

        var team = service.NewSession();
        await team.SignInAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true));
        var form = await team.GetAsync("/outcomes/links/new");
        Assert.NotNull(form.Document.QuerySelector("option[value='suggestion'], input[value='suggestion']"));
        var traced = await service.WithServicesAsync(s => s.GetRequiredService<ShapeOpenData.Modules.Shared.Items>().Traceable("suggestion")
            .FindAsync($"/updates/{update.Slug}#suggestion-{suggestion.Id}", CancellationToken.None));
        Assert.Equal(suggestion.Id, traced?.Id);
        Assert.Equal("not adopted", traced?.Standing);
    }

    [Fact]
    public async Task AnUpdate_IsFoundBySearch_ByItsTags_AtOnce()
    {
        var word = $"zq{Guid.NewGuid():N}"[..12];
        var (update, _) = await service.PostUpdateAsync(tags: [word]);

        var found = await service.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/search?q={word}&type={ItemTypes.Update}");

        Assert.Equal(1, found.GetProperty("total").GetInt32());
        Assert.Equal($"/updates/{update.Slug}", found.GetProperty("items")[0].GetProperty("url").GetString());
    }
}
