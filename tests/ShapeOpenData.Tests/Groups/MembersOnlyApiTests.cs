using Microsoft.AspNetCore.Routing;
using ShapeOpenData.Modules.Groups;

namespace ShapeOpenData.Tests.Groups;

/// <summary>
/// A members-only group's work must not leak through the API to anyone the pages would not show it to. Its terms of
/// reference, meetings, agendas, minutes, decisions and actions all carry one marker; every GET route under
/// <c>/api/v1</c>, as the service itself lists them (so a route added later is walked too), is called with the
/// group's, meeting's and request's ids filled in, by an anonymous caller and by signed-in people who are not members.
/// </summary>
[Trait("Databases", "one")]
public sealed class MembersOnlyApiTests(ClockedServiceFactory service) : IClassFixture<ClockedServiceFactory>
{
    private readonly string _marker = $"secret-{Guid.NewGuid():N}";

    /// <summary>Makes the members-only group and its work, every text holding the marker. Returns the address to call for each route with parameters.</summary>
    private async Task<(Dictionary<string, string> Paths, string Slug, Person Chair)> ArrangeAsync()
    {
        var (group, chair) = await service.CreateGroupAsync(membersOnly: true, name: "Closed steering group");
        await service.GroupsAsync(chair, (groups, actor) => groups.UpdateAsync(group.Slug,
            new GroupDetails(group.Name, group.Kind, "To steer the programme.", $"## Terms\n\n{_marker} in the terms", group.Policy, MembersOnly: true, IsClosed: false), actor));
        var requester = await service.CreatePersonAsync(withPassword: false);
        var requestId = await service.SubmitRequestAsync(requester);

        var start = service.UtcNow().AddHours(1);
        var held = await service.MeetingsAsync(chair, (meetings, actor) => meetings.ScheduleAsync(group.Slug, new MeetingDetails(
            $"Held {_marker}", start, start.AddHours(1), MeetingTimes.DefaultTimeZone, $"Room {_marker}", "https://meet.example.gov.uk/held", $"Agenda {_marker}", null), actor));
        service.Clock.Advance(TimeSpan.FromHours(3));
        await service.PublishMinutesAsync(held, chair, $"Minutes {_marker}", null, $"Decision {_marker}");
        var next = service.UtcNow().AddDays(7);
        var upcoming = await service.MeetingsAsync(chair, (meetings, actor) => meetings.ScheduleAsync(group.Slug, new MeetingDetails(
            $"Upcoming {_marker}", next, next.AddHours(1), MeetingTimes.DefaultTimeZone, null, "https://meet.example.gov.uk/next", $"Agenda {_marker}", null), actor));

        var today = DateOnly.FromDateTime(service.UtcNow());
        await service.AddActionAsync(group, chair, new NewAction($"Action {_marker}", chair.Id, null, today.AddDays(10), [requestId]), held);
        var done = await service.AddActionAsync(group, chair, new NewAction($"Done action {_marker}", chair.Id, null, today.AddDays(10), [requestId]));
        await service.ActionsAsync(chair, (actions, actor) => actions.UpdateAsync(done.Id, ActionState.Done, $"Note {_marker}", actor));

        string Text(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var paths = new Dictionary<string, string>
        {
            ["/api/v1/groups/{slug}"] = $"/api/v1/groups/{group.Slug}",
            ["/api/v1/meetings/{id}"] = $"/api/v1/meetings/{Text(held.Id)}",
            ["/api/v1/requests/{id}"] = $"/api/v1/requests/{Text(requestId)}",
            ["/api/v1/organisations/{slug}"] = "/api/v1/organisations/department-for-transport",
            ["/api/v1/datasets/{slug}"] = "/api/v1/datasets/no-such-dataset",
            ["/api/v1/datasets/{slug}/reports"] = "/api/v1/datasets/no-such-dataset/reports",
            ["/api/v1/datasets/{slug}/reports/{number}"] = "/api/v1/datasets/no-such-dataset/reports/1",
            ["/api/v1/consultations/{slug}"] = "/api/v1/consultations/no-such-consultation",
            ["/api/v1/consultations/{slug}/sections"] = "/api/v1/consultations/no-such-consultation/sections",
            ["/api/v1/consultations/{slug}/groups"] = "/api/v1/consultations/no-such-consultation/groups",
            ["/api/v1/consultations/{slug}/statements"] = "/api/v1/consultations/no-such-consultation/statements",
            ["/api/v1/consultations/{slug}/statements/{id}"] = "/api/v1/consultations/no-such-consultation/statements/1",
            ["/api/v1/regimes/{code}"] = "/api/v1/regimes/foi",
            ["/api/v1/ethics-assessments/{slug}"] = "/api/v1/ethics-assessments/no-such-assessment",
            ["/api/v1/plans/{slug}"] = "/api/v1/plans/no-such-plan",
            ["/api/v1/commitments/{reference}"] = "/api/v1/commitments/NO-SUCH-COMMITMENT",
            ["/api/v1/updates/{slug}"] = "/api/v1/updates/no-such-update",
        };
        Assert.NotEqual(held.Id, upcoming.Id);
        return (paths, group.Slug, chair);
    }

    /// <summary>Every GET route under /api/v1, with its parameters filled in; a route this test cannot fill fails it, so none is skipped.</summary>
    private List<string> Addresses(Dictionary<string, string> paths, string slug)
    {
        var templates = service.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true
                        && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!, ":[a-z]+}", "}").TrimEnd('/'))
            .Distinct().ToList();
        var addresses = new List<string>();
        foreach (var template in templates)
        {
            var path = template;
            if (template.Contains('{', StringComparison.Ordinal))
            {
                Assert.True(paths.TryGetValue(template, out path), $"This test does not know how to fill in {template}: add it");
            }
            // Plain, filtered to the group, all states, past and upcoming: every way a list could include the group's work.
            addresses.AddRange([path, $"{path}?pageSize=100", $"{path}?group={slug}&state=all&pageSize=100", $"{path}?group={slug}&when=past", $"{path}?when=upcoming&pageSize=100"]);
        }
        Assert.True(templates.Count >= 12, $"Only {templates.Count} GET routes under /api/v1 were found");
        return addresses;
    }

    private static async Task<List<string>> LeaksAsync(HttpClient client, IEnumerable<string> addresses, string marker)
    {
        var leaks = new List<string>();
        foreach (var address in addresses)
        {
            var response = await client.GetAsync(address);
            Assert.True((int)response.StatusCode < 500, $"{address} answered {response.StatusCode}");
            if ((await response.Content.ReadAsStringAsync()).Contains(marker, StringComparison.Ordinal))
            {
                leaks.Add(address);
            }
        }
        return leaks;
    }

    [Fact]
    public async Task EveryApiRead_ShowsNoMembersOnlyContent_ToAnonymousCallersOrNonMembers()
    {
        var (paths, slug, chair) = await ArrangeAsync();
        var addresses = Addresses(paths, slug);
        var outsider = await service.CreatePersonAsync(name: "Olive Outsider");
        var signedIn = service.NewSession();
        await signedIn.SignInAsync(outsider);

        Assert.Empty(await LeaksAsync(service.CreateClient(), addresses, _marker));
        Assert.Empty(await LeaksAsync(await service.ApiClientAsync(outsider), addresses, _marker));
        Assert.Empty(await LeaksAsync(signedIn.Http, addresses, _marker));
        // The same walk does find the marker for a member, so it would have found a leak.
        var seenByMember = await LeaksAsync(await service.ApiClientAsync(chair), addresses, _marker);
        Assert.Contains($"/api/v1/groups/{slug}", seenByMember);
        Assert.Contains(paths["/api/v1/meetings/{id}"], seenByMember);
        Assert.Contains($"/api/v1/actions?group={slug}&state=all&pageSize=100", seenByMember);
    }
}
