using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Catalogue;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Catalogue;

/// <summary>
/// Quality reports under moderation: someone reports one, a moderator hides it, and it leaves every list, the API and
/// followers' emails for everyone but its reporter and the moderators, while its page stays with the notice in its place.
/// </summary>
[Collection(SharedService.Catalogue)]
public sealed class QualityReportModerationTests(CatalogueServiceFactory service)
{
    private const string Dataset = "road-traffic-statistics";
    private const string Notice = "Hidden by a moderator: Spam or advertising";

    [Fact]
    public async Task AHiddenReport_IsGoneForOthers_KeptWithTheNoticeForItsReporterAndModerators_AndRestoredEverywhere()
    {
        var details = $"Buy cheap watches at watches-{Guid.NewGuid():N}.example";
        var reporterPerson = await service.CreatePersonAsync();
        var number = await service.FileReportAsync(reporterPerson, Dataset, ReportCategory.ErrorsInData, details);
        var (id, url) = await ReportAsync(number);
        var affectedPerson = await service.CreatePersonAsync();
        var affected = await SignedInAsync(affectedPerson);
        await affected.SubmitAsync(await affected.GetAsync(url), [], "form[action$='handler=Affected']");
        var reporter = await SignedInAsync(reporterPerson);
        var strangerPerson = await service.CreatePersonAsync();
        var stranger = await SignedInAsync(strangerPerson);
        var moderatorPerson = await service.CreatePersonAsync(Roles.Moderator, twoFactor: true);
        var moderator = await SignedInAsync(moderatorPerson);

        Assert.Null((await reporter.GetAsync(url)).Document.QuerySelector($"a[href='/moderation/report/quality_report/{id}']"));
        var link = (await stranger.GetAsync(url)).Document.QuerySelector($"a[href='/moderation/report/quality_report/{id}']");
        Assert.Equal("Report this", link?.TextContent.Trim());
        var reported = await stranger.SubmitAsync(await stranger.GetAsync(link!.GetAttribute("href")!), ("Reason", "spam"));
        Assert.StartsWith("Thank you. A moderator will look at your report", reported.Flash, StringComparison.Ordinal);
        Assert.Contains(details, (await moderator.GetAsync("/moderation")).Text, StringComparison.Ordinal);

        var hidden = await HideAsync(moderator, id);
        Assert.Equal("Hidden. Its author and the people who reported it have been told", hidden.Flash);
        await service.Mail.WaitForAsync(reporterPerson.Email, "A moderator has hidden your quality report");

        // Anonymous readers and a stranger: the page stays, with the notice in place of the words; every list and the API leave it out.
        foreach (var other in new[] { service.NewSession(), stranger })
        {
            var page = await other.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(Notice, page.Document.GetElementById("moderation-notice")?.TextContent.Trim());
            Assert.DoesNotContain(details, page.Body, StringComparison.Ordinal);
            Assert.Null(page.Document.QuerySelector("main a[href^='/moderation/']"));
            Assert.Null(page.Document.QuerySelector("form[action$='handler=Affected']"));
            Assert.Null((await other.GetAsync($"/datasets/{Dataset}")).Document.QuerySelector($"a[href='{url}']"));
            Assert.Null((await other.GetAsync(Listing)).Document.QuerySelector($"a[href='{url}']"));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/moderation/report/quality_report/{id}")).Status);
        var anonymousApi = service.CreateClient();
        var strangerApi = await service.ApiClientAsync(strangerPerson);
        foreach (var api in new[] { anonymousApi, strangerApi })
        {
            Assert.DoesNotContain(number, await ApiNumbersAsync(api));
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/datasets/{Dataset}/reports/{number}")).StatusCode);
        }

        // Its reporter reads it with the notice and where to ask for a review; moderators with a way to moderate it.
        var toReporter = await reporter.GetAsync(url);
        Assert.Equal(Notice, toReporter.Document.GetElementById("moderation-notice")?.TextContent.Trim());
        Assert.Contains(details, toReporter.Text, StringComparison.Ordinal);
        Assert.NotNull(toReporter.Document.QuerySelector($"a[href='/moderation/about/quality_report/{id}']"));
        var toModerator = await moderator.GetAsync(url);
        Assert.Equal(Notice, toModerator.Document.GetElementById("moderation-notice")?.TextContent.Trim());
        Assert.Contains(details, toModerator.Text, StringComparison.Ordinal);
        Assert.NotNull(toModerator.Document.QuerySelector($"a[href='/moderation/items/quality_report/{id}']"));
        foreach (var reader in new[] { reporter, moderator })
        {
            Assert.NotNull((await reader.GetAsync($"/datasets/{Dataset}")).Document.QuerySelector($"a[href='{url}']"));
            Assert.NotNull((await reader.GetAsync(Listing)).Document.QuerySelector($"a[href='{url}']"));
        }
        foreach (var api in new[] { await service.ApiClientAsync(reporterPerson), await service.ApiClientAsync(moderatorPerson) })
        {
            Assert.Contains(number, await ApiNumbersAsync(api));
            var shown = await api.GetFromJsonAsync<JsonElement>($"/api/v1/datasets/{Dataset}/reports/{number}");
            Assert.Equal(details, shown.GetProperty("details").GetString());
        }
        Assert.Equal(HttpStatusCode.OK, (await reporter.GetAsync($"/moderation/about/quality_report/{id}")).Status);

        // The publisher answers the hidden report: its reporter hears, someone who only said they have the problem too does not.
        var publisher = await service.CreatePersonAsync(Roles.Publisher, "department-for-transport", twoFactor: true);
        await service.WithServicesAsync(async s => await s.GetRequiredService<QualityReports>().RespondAsync(id, await service.PrincipalAsync(publisher), "We are looking."));
        await service.Mail.WaitForAsync(reporterPerson.Email, "Publisher responded");
        await service.DrainOutboxAsync();
        Assert.DoesNotContain(service.Mail.To(affectedPerson.Email), m => (m.Subject ?? "").StartsWith("Publisher responded", StringComparison.Ordinal));

        var restored = await moderator.SubmitAsync(await moderator.GetAsync($"/moderation/items/quality_report/{id}"), [], "form[action*='handler=restore']");
        Assert.Equal("Restored. Its author and the people who reported it have been told", restored.Flash);
        var back = await service.NewSession().GetAsync(url);
        Assert.Contains(details, back.Text, StringComparison.Ordinal);
        Assert.Null(back.Document.GetElementById("moderation-notice"));
        Assert.NotNull((await service.NewSession().GetAsync($"/datasets/{Dataset}")).Document.QuerySelector($"a[href='{url}']"));
        Assert.NotNull((await service.NewSession().GetAsync(Listing)).Document.QuerySelector($"a[href='{url}']"));
        Assert.Contains(number, await ApiNumbersAsync(anonymousApi));
        Assert.Equal(details, (await anonymousApi.GetFromJsonAsync<JsonElement>($"/api/v1/datasets/{Dataset}/reports/{number}")).GetProperty("details").GetString());
    }

    [Fact]
    public async Task Redacting_ReplacesTheReportersWordsOnThePageTheApiAndTheirDataDownload()
    {
        var reporterPerson = await service.CreatePersonAsync();
        var number = await service.FileReportAsync(reporterPerson, Dataset, ReportCategory.ErrorsInData, "Row 12 names Jo Bloggs of 1 High Street.");
        var (id, url) = await ReportAsync(number);
        var moderator = await SignedInAsync(await service.CreatePersonAsync(Roles.Moderator, twoFactor: true));

        var empty = await moderator.SubmitAsync(await moderator.GetAsync($"/moderation/items/quality_report/{id}"), [new("Fields[details]", " ")], "form[action*='handler=redact']");
        var redacted = await moderator.SubmitAsync(await moderator.GetAsync($"/moderation/items/quality_report/{id}"),
            [new("Fields[details]", "Row 12 names a private person.")], "form[action*='handler=redact']");

        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal("Enter the problem without the personal data", empty.Errors.Single().Message);
        Assert.Equal("Personal data edited out. The original is kept for administrators only", redacted.Flash);
        var page = await service.NewSession().GetAsync(url);
        Assert.Contains("Row 12 names a private person.", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Jo Bloggs", page.Body, StringComparison.Ordinal);
        Assert.Null(page.Document.GetElementById("moderation-notice"));
        var shown = await service.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/datasets/{Dataset}/reports/{number}");
        Assert.Equal("Row 12 names a private person.", shown.GetProperty("details").GetString());
        var reporter = await SignedInAsync(reporterPerson);
        var download = await reporter.Http.GetStringAsync("/account/download-data");
        Assert.Contains("Row 12 names a private person.", download, StringComparison.Ordinal);
        Assert.DoesNotContain("Jo Bloggs", download, StringComparison.Ordinal);
        await service.Mail.WaitForAsync(reporterPerson.Email, "Your quality report has been edited");
    }

    [Fact]
    public async Task APersonalDataReportAwaitingReview_CannotBeReportedBySomeoneWhoMayNotSeeIt()
    {
        var number = await service.FileReportAsync(await service.CreatePersonAsync(), Dataset, ReportCategory.PersonalDataExposed, "A phone number is in column F.");
        var (id, _) = await ReportAsync(number);
        var stranger = await SignedInAsync(await service.CreatePersonAsync());
        var moderator = await SignedInAsync(await service.CreatePersonAsync(Roles.Moderator, twoFactor: true));

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/moderation/report/quality_report/{id}")).Status);
        Assert.Contains("A phone number is in column F.", (await moderator.GetAsync($"/moderation/items/quality_report/{id}")).Text, StringComparison.Ordinal);
    }

    private const string Listing = "/quality-reports?Organisation=department-for-transport&State=all";

    private static async Task<WebPage> HideAsync(WebSession moderator, int id) =>
        await moderator.SubmitAsync(await moderator.GetAsync($"/moderation/items/quality_report/{id}"), [new("Reason", "spam")], "form[action*='handler=hide']");

    private static async Task<List<int>> ApiNumbersAsync(HttpClient api) =>
        [.. (await api.GetFromJsonAsync<JsonElement>($"/api/v1/datasets/{Dataset}/reports?pageSize=100")).GetProperty("items").EnumerateArray()
            .Select(r => r.GetProperty("number").GetInt32())];

    private async Task<(int Id, string Url)> ReportAsync(int number) =>
        (await service.WithDatabaseAsync(db => db.QualityReports.Where(r => r.Dataset!.Slug == Dataset && r.Number == number).Select(r => r.Id).SingleAsync()),
            $"/datasets/{Dataset}/reports/{number}");

    private async Task<WebSession> SignedInAsync(Person person)
    {
        var session = service.NewSession();
        await session.SignInAsync(person);
        return session;
    }
}
