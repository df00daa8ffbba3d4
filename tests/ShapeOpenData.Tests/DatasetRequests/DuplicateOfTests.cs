using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.DatasetRequests;

/// <summary>
/// Issue 12: "closed as a duplicate" names the other request. A private request's title is seen only by those who
/// may see the request, and a request can only be called a duplicate of one the person closing it may see.
/// </summary>
[Collection(SharedService.Requests)]
public sealed class DuplicateOfTests(ServiceFactory service)
{
    [Fact]
    public async Task ShowPage_NamesAPrivateOriginalOnlyToThoseWhoMaySeeIt()
    {
        var secretTitle = "Witness protection addresses " + Guid.NewGuid().ToString("N")[..8];
        var originalRequester = await service.CreatePersonAsync();
        var original = await service.SubmitRequestAsync(originalRequester, secretTitle, "hm-treasury", confidential: true);
        var duplicate = await service.SubmitRequestAsync(await service.CreatePersonAsync(withPassword: false), organisation: "hm-treasury");
        var programme = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true, withPassword: false));
        Assert.Equal(HttpStatusCode.OK, (await programme.PostAsJsonAsync($"/api/v1/requests/{duplicate}/close", new { outcome = "duplicate", duplicateOf = original })).StatusCode);

        var anonymous = await service.NewSession().GetAsync($"/requests/{duplicate}");
        var outcome = anonymous.Document.GetElementById("outcome")!;
        Assert.DoesNotContain(secretTitle, anonymous.Body, StringComparison.Ordinal);
        Assert.Contains("It duplicates another request.", outcome.TextContent, StringComparison.Ordinal);
        Assert.Null(outcome.QuerySelector($"a[href='/requests/{original}']"));
        var api = await service.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/requests/{duplicate}");
        Assert.Equal(JsonValueKind.Null, api.GetProperty("duplicateOf").ValueKind);

        var requester = service.NewSession();
        await requester.SignInAsync(originalRequester);
        var seen = (await requester.GetAsync($"/requests/{duplicate}")).Document.GetElementById("outcome")!;
        Assert.Equal(secretTitle, seen.QuerySelector($"a[href='/requests/{original}']")?.TextContent);
    }

    [Fact]
    public async Task ApiClose_AsADuplicateOfARequestTheCloserMayNotSee_IsRefused()
    {
        var original = await service.SubmitRequestAsync(await service.CreatePersonAsync(withPassword: false), organisation: "hm-treasury", confidential: true);
        var duplicate = await service.SubmitRequestAsync(await service.CreatePersonAsync(withPassword: false), organisation: "home-office");
        var publisher = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.Publisher, "home-office", twoFactor: true, withPassword: false));

        var response = await publisher.PostAsJsonAsync($"/api/v1/requests/{duplicate}/close", new { outcome = "duplicate", duplicateOf = original });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        // The same words as for a request that does not exist, so the answer does not tell that the private one does.
        Assert.Equal($"There is no request {original}", problem.GetProperty("errors").GetProperty("duplicateOf")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await publisher.PostAsJsonAsync($"/api/v1/requests/{duplicate}/close", new { outcome = "duplicate", duplicateOf = 99_999_999 })).StatusCode);
        Assert.Equal(RequestState.Submitted, await service.WithDatabaseAsync(db => db.DatasetRequests.Where(r => r.Id == duplicate).Select(r => r.State).SingleAsync()));
    }

    [Fact]
    public async Task ClosePage_AsADuplicateOfARequestTheCloserMayNotSee_ShowsTheError()
    {
        var original = await service.SubmitRequestAsync(await service.CreatePersonAsync(withPassword: false), organisation: "hm-treasury", confidential: true);
        var duplicate = await service.SubmitRequestAsync(await service.CreatePersonAsync(withPassword: false), organisation: "home-office");
        var publisher = service.NewSession();
        await publisher.SignInAsync(await service.CreatePersonAsync(Roles.Publisher, "home-office", twoFactor: true));

        var page = await publisher.SubmitAsync(await publisher.GetAsync($"/requests/{duplicate}/manage/close"), ("Outcome", "duplicate"), ("DuplicateOf", original.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal($"There is no request {original}", page.FieldError("DuplicateOf"));
        Assert.Equal(RequestState.Submitted, await service.WithDatabaseAsync(db => db.DatasetRequests.Where(r => r.Id == duplicate).Select(r => r.State).SingleAsync()));
    }
}
