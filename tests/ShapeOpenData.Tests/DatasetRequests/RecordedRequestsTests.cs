using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.DatasetRequests;

/// <summary>
/// Issue 12: a private request that arrived by post or email, recorded by a publisher for someone without an
/// account. With no organisation it would be a private request nobody outside the programme team could see or
/// answer (the API answered 500 after saving it); the person who recorded one can see what they recorded.
/// </summary>
[Collection(SharedService.Requests)]
public sealed class RecordedRequestsTests(ServiceFactory service)
{
    private static object Received(string title, string? organisation) => new
    {
        title, description = "Sent by post.", organisation, themes = new[] { "transport" }, intendedUse = "community",
        confidential = true, receivedVia = "post", receivedOn = "2026-03-16",
    };

    private static string NewTitle() => $"Bridge tolls {Guid.NewGuid():N}"[..40];

    [Fact]
    public async Task ApiRecording_APrivateRequestWithNoOrganisation_Is400NamingOrganisation_AndMakesNothing()
    {
        var publisher = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.Publisher, "department-for-transport", twoFactor: true, withPassword: false));
        var title = NewTitle();

        var response = await publisher.PostAsJsonAsync("/api/v1/requests", Received(title, null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("organisation")[0].GetString();
        Assert.Equal("Select the organisation that holds the data: a private request recorded for someone else must be with an organisation that can answer it", message);
        Assert.False(await service.WithDatabaseAsync(db => db.DatasetRequests.AnyAsync(r => r.Title == title)));
    }

    [Fact]
    public async Task ApiRecording_APrivateRequestForAnotherOrganisation_IsSeenByWhoeverRecordedIt()
    {
        var recorder = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.Publisher, "department-for-transport", twoFactor: true, withPassword: false));
        var colleague = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.Publisher, "department-for-transport", twoFactor: true, withPassword: false));

        var response = await recorder.PostAsJsonAsync("/api/v1/requests", Received(NewTitle(), "hm-treasury"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await recorder.GetAsync($"/api/v1/requests/{id}")).StatusCode);
        Assert.Contains(id, (await recorder.GetFromJsonAsync<JsonElement>("/api/v1/requests?organisation=hm-treasury")).GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/api/v1/requests/{id}")).StatusCode);
    }

    [Fact]
    public async Task PageRecording_APrivateRequestForAnotherOrganisation_EndsOnItsDonePage()
    {
        var session = service.NewSession();
        await session.SignInAsync(await service.CreatePersonAsync(Roles.Publisher, "department-for-transport", twoFactor: true));
        var page = await session.SubmitAsync(await session.GetAsync("/requests/new"), ("Title", NewTitle()), ("Description", "Sent by post."));
        if (page.Url.StartsWith("/requests/new/similar", StringComparison.Ordinal)) page = await session.SubmitAsync(page);
        page = await session.SubmitAsync(page, ("Holder", "hm-treasury"));
        page = await session.SubmitAsync(page, ("Themes", "transport"));
        page = await session.SubmitAsync(page, ("IntendedUse", "community"));
        page = await session.SubmitAsync(page);
        page = await session.SubmitAsync(page, ("Regime", "none"));
        page = await session.SubmitAsync(page, ("Confidential", "true"));
        page = await session.SubmitAsync(page, ("ReceivedVia", "post"), ("ReceivedOn.Day", "16"), ("ReceivedOn.Month", "3"), ("ReceivedOn.Year", "2026"));
        Assert.Equal("/requests/new/check", page.Url);

        var done = await session.SubmitAsync(page);

        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.StartsWith("/requests/new/done/", done.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageRecording_APrivateRequestWithNoOrganisation_IsRefusedOnTheCheckPage()
    {
        var session = service.NewSession();
        await session.SignInAsync(await service.CreatePersonAsync(Roles.Publisher, "department-for-transport", twoFactor: true));
        var page = await session.SubmitAsync(await session.GetAsync("/requests/new"), ("Title", NewTitle()), ("Description", "Sent by post."));
        if (page.Url.StartsWith("/requests/new/similar", StringComparison.Ordinal)) page = await session.SubmitAsync(page);
        page = await session.SubmitAsync(page, ("Holder", "unknown"));
        page = await session.SubmitAsync(page, ("Themes", "transport"));
        page = await session.SubmitAsync(page, ("IntendedUse", "community"));
        page = await session.SubmitAsync(page);
        page = await session.SubmitAsync(page, ("Regime", "none"));
        page = await session.SubmitAsync(page, ("Confidential", "true"));
        page = await session.SubmitAsync(page, ("ReceivedVia", "post"), ("ReceivedOn.Day", "16"), ("ReceivedOn.Month", "3"), ("ReceivedOn.Year", "2026"));

        var refused = await session.SubmitAsync(page);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(("Select the organisation that holds the data: a private request recorded for someone else must be with an organisation that can answer it", "/requests/new/holder?change=true"),
            refused.Errors.Select(e => (e.Message, e.Target)).Single());
    }
}
