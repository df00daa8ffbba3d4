using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.DatasetRequests;

/// <summary>
/// Issue 12: the address a closed request links to ("Get the data") is shown to everyone, so only an https
/// address is accepted, whatever the outcome and whether it comes from the page or the API.
/// </summary>
[Collection(SharedService.Requests)]
public sealed class OutcomeAddressTests(ServiceFactory service)
{
    [Theory]
    [InlineData("refused", "javascript:alert(document.cookie)")]
    [InlineData("not_held", "javascript:alert(document.cookie)")]
    [InlineData("released", "javascript:alert(document.cookie)")]
    [InlineData("already_available", "http://data.example/plain")]
    [InlineData("not_a_data_request", "data:text/html,<script>alert(1)</script>")]
    public async Task ApiClose_WithAnAddressThatIsNotHttps_Is400NamingUrl_AndTheRequestStaysOpen(string outcome, string url)
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync(withPassword: false), organisation: "home-office");
        var publisher = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.Publisher, "home-office", twoFactor: true, withPassword: false));

        var response = await publisher.PostAsJsonAsync($"/api/v1/requests/{id}/close",
            new { outcome, url, refusalReason = "cost_limit", explanation = "Too costly." });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("url", out _));
        Assert.Equal(RequestState.Submitted, await service.WithDatabaseAsync(db => db.DatasetRequests.Where(r => r.Id == id).Select(r => r.State).SingleAsync()));
        var page = await service.NewSession().GetAsync($"/requests/{id}");
        Assert.DoesNotContain(page.Document.QuerySelectorAll("a[href]"), a => a.GetAttribute("href") == url);
    }

    [Fact]
    public async Task ApiClose_WithAnHttpsAddress_LinksToIt()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync(withPassword: false), organisation: "home-office");
        var publisher = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.Publisher, "home-office", twoFactor: true, withPassword: false));

        var response = await publisher.PostAsJsonAsync($"/api/v1/requests/{id}/close", new { outcome = "released", url = "https://data.example/ferries.csv" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await service.NewSession().GetAsync($"/requests/{id}");
        Assert.NotNull(page.Document.QuerySelector("#outcome a[href='https://data.example/ferries.csv']"));
    }
}
