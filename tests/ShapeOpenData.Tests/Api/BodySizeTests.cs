using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ShapeOpenData.Tests.Api;

/// <summary>Issue 12: the API reads no body bigger than it could ever need, whatever the body says.</summary>
[Trait("Databases", "one")]
[Collection(SharedService.People)]
public sealed class BodySizeTests(ServiceFactory service)
{
    /// <summary>A valid new request, made two megabytes long by a property the API ignores.</summary>
    private static StringContent OversizedRequest() => new(JsonSerializer.Serialize(new
    {
        title = $"Harbour dues {Guid.NewGuid():N}"[..40],
        description = "By port, monthly.",
        themes = new[] { "transport" },
        intendedUse = "research",
        confidential = false,
        padding = new string(' ', 2 * 1024 * 1024),
    }), Encoding.UTF8, "application/json");

    [Fact]
    public async Task Post_AnOversizedBody_Is413Problem_AndMakesNothing()
    {
        var client = await service.ApiClientAsync(await service.CreatePersonAsync(withPassword: false));
        var count = await service.WithDatabaseAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.DatasetRequests));

        var response = await client.PostAsync("/api/v1/requests", OversizedRequest());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("1 MB", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(count, await service.WithDatabaseAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.DatasetRequests)));
    }

    [Fact]
    public async Task APageForm_BiggerThanTheServerTakes_Is413_WithAPageSayingSo()
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[31_000_000]), "file", "huge.csv" } };

        var page = await WebPage.FromAsync(await service.CreateClient().PostAsync("/account/sign-in", form));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.Status);
        Assert.Equal("What you sent is too big", page.Heading);
    }

    [Fact]
    public async Task CkanPost_AnOversizedBody_Is413()
    {
        var body = new StringContent(JsonSerializer.Serialize(new { q = "water", padding = new string(' ', 2 * 1024 * 1024) }), Encoding.UTF8, "application/json");

        var response = await service.CreateClient().PostAsync("/api/3/action/package_search", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_ABodyUnderTheLimit_IsRead()
    {
        var client = await service.ApiClientAsync(await service.CreatePersonAsync(withPassword: false));
        var body = new StringContent(JsonSerializer.Serialize(new
        {
            title = $"Lock closures {Guid.NewGuid():N}"[..40], description = new string('d', 9_000), themes = new[] { "transport" },
            intendedUse = "research", confidential = false,
        }), Encoding.UTF8, "application/json");

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/requests", body)).StatusCode);
    }
}
