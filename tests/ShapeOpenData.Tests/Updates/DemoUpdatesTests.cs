using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace ShapeOpenData.Tests.Updates;

/// <summary>The demo updates, as someone exploring the demo finds them: tagged, commented on, and with suggestions answered in every way.</summary>
[Collection(DemoContent.Name)]
public sealed class DemoUpdatesTests(DemoServiceFactory service)
{
    [Fact]
    public async Task TheDemo_HasTaggedUpdates_WithCommentsAndSuggestionsAnsweredInEveryWay()
    {
        var list = await service.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/updates");
        Assert.Equal(3, list.GetProperty("total").GetInt32());
        var client = service.CreateClient();
        var answers = new List<string?>();
        foreach (var update in list.GetProperty("items").EnumerateArray())
        {
            Assert.NotEqual(0, update.GetProperty("tags").GetArrayLength());
            var shown = await client.GetFromJsonAsync<JsonElement>($"/api/v1/updates/{update.GetProperty("slug").GetString()}");
            answers.AddRange(shown.GetProperty("suggestions").EnumerateArray().Select(s => s.GetProperty("answer").GetString()));
        }
        Assert.Equal(["adopted", "adopted", "not_adopted", "noted", null], answers.OrderBy(a => a ?? "~", StringComparer.Ordinal));

        var page = await service.NewSession().GetAsync("/updates/tags/open-data");
        Assert.Equal("2 updates", page.Document.QuerySelector("#count")?.TextContent.Trim());
        var buses = await service.NewSession().GetAsync("/updates/bus-fares-data-what-we-are-publishing-and-when");
        Assert.Contains("Will it include concessionary fares?", buses.Text, StringComparison.Ordinal);
        Assert.Contains("Tom Publisher (DfT)", buses.Text, StringComparison.Ordinal);
        // The demo's people are not real: nothing about the updates waits in the outbox for them.
        Assert.False(await service.WithDatabaseAsync(db => db.OutboxEmails.AnyAsync(m => m.SentAt == null && m.Subject.Contains("suggestion"))));
    }
}
