using System.Net.Http.Json;
using System.Text.Json;
using ShapeOpenData.Modules.Jurisdiction;

namespace ShapeOpenData.Tests.Jurisdiction;

public sealed class DeadlinesApiTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Theory]
    [InlineData("foi", "2026-12-18", "2027-01-21")]
    [InlineData("eir", "2026-03-16", "2026-04-16")]
    [InlineData("rpsi", "2026-12-18", "2027-01-21")]
    [InlineData("service", "2026-03-16", "2026-04-16")]
    public async Task Get_ReturnsTheDueDate(string regime, string received, string due)
    {
        var json = await service.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/deadlines?regime={regime}&received={received}");

        Assert.Equal(due, json.GetProperty("dueOn").GetString());
        Assert.Equal(regime, json.GetProperty("regime").GetString());
        Assert.Equal(received, json.GetProperty("receivedOn").GetString());
    }

    [Fact]
    public async Task Get_ListsTheBankHolidaysItSkipped()
    {
        var json = await service.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/deadlines?regime=foi&received=2026-03-16");

        var skipped = json.GetProperty("bankHolidaysSkipped").EnumerateArray().Select(d => d.GetString()).ToList();
        Assert.Equal(["2026-03-17", "2026-04-03", "2026-04-06"], skipped);
    }

    /// <summary>The API answers from the database's calendar exactly as counting by hand does, across the years.</summary>
    [Fact]
    public async Task Get_AgreesWithTheCalendarOnEveryFifthDay2016To2030()
    {
        var client = service.CreateClient();
        var rules = await service.WithServicesAsync(s => s.GetRequiredService<Modules.Jurisdiction.Jurisdiction>().GetAsync());
        for (var received = new DateOnly(2016, 1, 1); received < new DateOnly(2030, 11, 1); received = received.AddDays(5))
        {
            var json = await client.GetFromJsonAsync<JsonElement>($"/api/v1/deadlines?regime=foi&received={received:yyyy-MM-dd}");
            Assert.Equal(rules.Calendar.AddWorkingDays(received, 20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                json.GetProperty("dueOn").GetString());
        }
    }

    [Theory]
    [InlineData("/api/v1/deadlines?received=2026-12-18", "regime")]
    [InlineData("/api/v1/deadlines?regime=gdpr&received=2026-12-18", "regime")]
    [InlineData("/api/v1/deadlines?regime=foi", "received")]
    [InlineData("/api/v1/deadlines?regime=foi&received=18/12/2026", "received")]
    [InlineData("/api/v1/deadlines?regime=foi&received=2026-02-30", "received")]
    [InlineData("/api/v1/deadlines?regime=foi&received=2031-06-01", "received")]
    [InlineData("/api/v1/deadlines?regime=foi&received=%3Cscript%3E", "received")]
    public async Task Get_WithBadInput_Returns400ProblemNamingTheParameter(string url, string parameter)
    {
        var response = await service.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out var messages), problem.ToString());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }
}
