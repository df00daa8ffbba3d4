using System.Net.Http.Json;
using System.Text.Json;
using ShapeOpenData.Modules.Groups;
using ShapeOpenData.Tests.Groups;

namespace ShapeOpenData.Tests.Search;

/// <summary>Meetings are found by their minutes the moment the minutes are published, but a members-only group's never are.</summary>
public sealed class SearchMinutesTests(ClockedServiceFactory service) : IClassFixture<ClockedServiceFactory>
{
    [Fact]
    public async Task Get_FindsPublishedMinutes_ButNeverAMembersOnlyGroups()
    {
        var word = new string([.. Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(8).Prepend('q').Prepend('z')]);
        var (group, chair) = await service.CreateGroupAsync();
        var (secretGroup, secretChair) = await service.CreateGroupAsync(membersOnly: true);
        var open = await service.ScheduleAsync(group, chair, title: "Open quarterly meeting");
        var secret = await service.ScheduleAsync(secretGroup, secretChair, title: "Closed quarterly meeting");
        service.Clock.Advance(TimeSpan.FromDays(8));
        await service.PublishMinutesAsync(open, chair, $"We agreed to publish the {word} register.");
        await service.PublishMinutesAsync(secret, secretChair, $"We agreed to keep the {word} register to ourselves.");
        var reader = service.NewSession();
        await reader.SignInAsync(await service.CreatePersonAsync());

        foreach (var session in new[] { service.NewSession(), reader })
        {
            var page = await session.GetAsync($"/search?q={word}+agreeing");

            Assert.Equal([$"/meetings/{open.Id}"], page.Document.QuerySelectorAll(".sod-results__title a").Select(a => a.GetAttribute("href")));
            Assert.DoesNotContain("ourselves", page.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Get_WhenAGroupBecomesMembersOnly_ItsMeetingsAreNoLongerFoundOrCounted()
    {
        var word = new string([.. Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(8).Prepend('q').Prepend('z')]);
        var (group, chair) = await service.CreateGroupAsync();
        await service.ScheduleAsync(group, chair, title: $"Planning the {word} release");
        var client = service.CreateClient();
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={word}&type=meeting")).GetProperty("total").GetInt32());

        await service.GroupsAsync(chair, (groups, user) => groups.UpdateAsync(group.Slug,
            new GroupDetails(group.Name, group.Kind, group.Purpose, group.TermsOfReference, group.Policy, MembersOnly: true, group.IsClosed), user));

        var found = await client.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={word}");
        Assert.Equal((0, 0), (found.GetProperty("total").GetInt32(), found.GetProperty("items").GetArrayLength()));
    }
}
