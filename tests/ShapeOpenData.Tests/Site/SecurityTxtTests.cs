using System.Globalization;

namespace ShapeOpenData.Tests.Site;

[Trait("Databases", "one")]
[Collection(SharedService.People)]
public sealed class SecurityTxtTests(ServiceFactory service)
{
    [Fact]
    public async Task SecurityTxt_SaysWhoToTell_AndExpiresWithinAYear()
    {
        var response = await service.CreateClient().GetAsync("/.well-known/security.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var fields = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(": ", 2)).ToDictionary(f => f[0], f => f[1]);
        Assert.StartsWith("mailto:", fields["Contact"], StringComparison.Ordinal);
        var expires = DateTime.Parse(fields["Expires"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        var now = service.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        Assert.InRange(expires, now, now.AddYears(1));
    }
}
