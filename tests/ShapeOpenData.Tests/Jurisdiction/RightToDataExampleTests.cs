using System.Net.Http.Json;
using System.Text.Json;

namespace ShapeOpenData.Tests.Jurisdiction;

/// <summary>
/// The guide's worked example counts from the service's today: on a clock moved to 18 December 2026, the period
/// crosses Christmas and New Year, whose bank holidays are skipped and named.
/// </summary>
[Trait("Databases", "one")]
public sealed class RightToDataExampleTests(ClockedServiceFactory service) : IClassFixture<ClockedServiceFactory>
{
    private static readonly string[] Christmas2026 =
    [
        "Friday 25 December 2026: Christmas Day", "Monday 28 December 2026: Boxing Day", "Friday 1 January 2027: New Year's Day",
        "Monday 4 January 2027: 2nd January (Scotland)",
    ];

    private static readonly DateTimeOffset LateDecember = new(2026, 12, 18, 12, 0, 0, TimeSpan.Zero);

    private void MoveClockTo(DateTimeOffset when) => service.Clock.Advance(when - service.Clock.GetUtcNow());

    private async Task<WebPage> GuideOnAsync(DateTimeOffset when)
    {
        MoveClockTo(when);
        return await service.NewSession().GetAsync("/your-right-to-data");
    }

    private static string Example(WebPage page, string code) =>
        (page.Document.GetElementById($"example-{code}")?.TextContent ?? "").Squeezed();

    private static IEnumerable<string> Skipped(WebPage page, string code) =>
        page.Document.QuerySelectorAll($"#example-{code} li").Select(li => li.TextContent.Trim());

    [Fact]
    public async Task Get_OnAClockMovedToLateDecember_CountsAroundTheBankHolidays()
    {
        var page = await GuideOnAsync(LateDecember);

        var foi = Example(page, "foi");
        Assert.Contains("If you ask today (Friday 18 December 2026), the body must answer by Thursday 21 January 2027.", foi, StringComparison.Ordinal);
        Assert.Contains("With the longest extension allowed (20 working days more), it must answer by Thursday 18 February 2027.", foi, StringComparison.Ordinal);
        Assert.Equal(Christmas2026, Skipped(page, "foi"));

        var rpsi = Example(page, "rpsi");
        Assert.Contains("the body must answer by Thursday 21 January 2027.", rpsi, StringComparison.Ordinal);
        Assert.DoesNotContain("longest extension", rpsi, StringComparison.Ordinal);
        Assert.Equal(Christmas2026, Skipped(page, "rpsi"));
    }

    [Fact]
    public async Task Get_WhenNoBankHolidayFallsInThePeriod_ListsNone()
    {
        var page = await GuideOnAsync(new DateTimeOffset(2027, 9, 6, 12, 0, 0, TimeSpan.Zero));

        Assert.Contains("If you ask today (Monday 6 September 2027), the body must answer by Monday 4 October 2027.", Example(page, "foi"), StringComparison.Ordinal);
        Assert.Empty(Skipped(page, "foi"));
        Assert.DoesNotContain("bank holidays are not counted", Example(page, "foi"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_BeyondTheKnownBankHolidays_SaysTheDateCannotBeWorkedOut()
    {
        var page = await GuideOnAsync(new DateTimeOffset(2031, 3, 3, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.GetElementById("example-foi"));
        Assert.Contains("The date cannot be worked out for today", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_GivesTheSameExample()
    {
        MoveClockTo(LateDecember);
        var client = service.CreateClient();

        var foi = await client.GetFromJsonAsync<JsonElement>("/api/v1/regimes/foi");
        var all = await client.GetFromJsonAsync<JsonElement>("/api/v1/regimes");
        var unknown = await client.GetAsync("/api/v1/regimes/cada");

        var example = foi.GetProperty("ifAskedToday");
        Assert.Equal(("2026-12-18", "2027-01-21", "2027-02-18"),
            (example.GetProperty("askedOn").GetString(), example.GetProperty("dueOn").GetString(), example.GetProperty("extendedBy").GetString()));
        Assert.Equal(["2026-12-25", "2026-12-28", "2027-01-01", "2027-01-04"], example.GetProperty("bankHolidaysSkipped").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["foi", "eir", "rpsi", "service"], all.EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }
}
