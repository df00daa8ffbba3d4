using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Catalogue;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Catalogue;

/// <summary>"I have this problem too" pressed by many at once, on the page: every person counted once, and nobody told
/// that someone else changed the report.</summary>
[Collection(SharedService.Catalogue)]
public sealed class ReportAffectedConcurrencyTests(CatalogueServiceFactory service)
{
    private const string Dataset = "road-traffic-statistics";
    private const string Affected = "form[action$='handler=Affected']";

    [Fact]
    public async Task FortyPeoplePressingAtOnce_WhileThePublisherResponds_AreAllCounted()
    {
        var url = await FileAsync();
        var people = new List<(WebSession Session, WebPage Page)>();
        for (var i = 0; i < 40; i++)
        {
            var session = await SignedInAsync(await service.CreatePersonAsync());
            people.Add((session, await session.GetAsync(url)));
        }
        var publisher = service.NewSession();
        await publisher.SignInAsync(await service.CreatePersonAsync(Roles.Publisher, "department-for-transport", twoFactor: true));
        var manage = await publisher.GetAsync($"{url}/manage");

        var responding = publisher.SubmitAsync(manage, [new("Reply", "We are looking into it.")], "form[action$='handler=Respond']");
        var answers = await Task.WhenAll(people.Select(p => p.Session.SubmitAsync(p.Page, [], Affected)));

        Assert.All(answers, a => AssertCounted(a, url));
        Assert.Equal("Your response has been published and the reporter told", (await responding).Flash);
        var page = await service.NewSession().GetAsync(url);
        Assert.Equal("41 people have this problem", page.Document.GetElementById("affected")!.TextContent.Trim());
        Assert.Contains("Acknowledged", page.Document.GetElementById("state")!.TextContent, StringComparison.Ordinal);
        Assert.Equal((40, 40), await CountsAsync(url));
    }

    [Fact]
    public async Task OnePersonPressingTenTimesAtOnce_CountsOnce()
    {
        var url = await FileAsync();
        var person = await SignedInAsync(await service.CreatePersonAsync());
        var form = await person.GetAsync(url);

        var presses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => person.SubmitAsync(form, [], Affected)));

        Assert.All(presses, p => AssertCounted(p, url));
        var page = await person.GetAsync(url);
        Assert.Equal("2 people have this problem", page.Document.GetElementById("affected")!.TextContent.Trim());
        Assert.Contains("You have this problem too", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector(Affected));
        Assert.Equal((1, 1), await CountsAsync(url));
    }

    [Fact]
    public async Task TheReporter_AndAnyoneOnAClosedReport_AreRefusedAndNotCounted()
    {
        var reporter = await service.CreatePersonAsync();
        var url = $"/datasets/{Dataset}/reports/{await service.FileReportAsync(reporter, Dataset, ReportCategory.OutOfDate, "Nothing since 2023.")}";
        var reporterSession = await SignedInAsync(reporter);
        var token = (await reporterSession.GetAsync(url)).Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var other = await SignedInAsync(await service.CreatePersonAsync());
        var form = await other.GetAsync(url);

        // Neither sees the button (the reporter never, the other once it is closed); pressing anyway is refused with the reason.
        var own = await WebPage.FromAsync(await reporterSession.Http.PostAsync($"{url}?handler=Affected", new FormUrlEncodedContent([new("__RequestVerificationToken", token)])));
        await service.WithServicesAsync(async s => await s.GetRequiredService<QualityReports>().CloseAsync(await IdAsync(url),
            await service.PrincipalAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true)), Resolution.Fixed, null));
        var closed = await other.SubmitAsync(form, [], Affected);

        Assert.Equal(HttpStatusCode.BadRequest, own.Status);
        Assert.Equal("You reported this problem, so you are already counted", Assert.Single(own.Errors).Message);
        Assert.Equal(HttpStatusCode.BadRequest, closed.Status);
        Assert.Equal("This report is closed. Reopen it if you still have the problem", Assert.Single(closed.Errors).Message);
        Assert.Equal((0, 0), await CountsAsync(url));
    }

    private async Task<string> FileAsync() =>
        $"/datasets/{Dataset}/reports/{await service.FileReportAsync(await service.CreatePersonAsync(), Dataset, ReportCategory.ErrorsInData, "Counts doubled in March.")}";

    private async Task<WebSession> SignedInAsync(Person person)
    {
        var session = service.NewSession(followRedirects: false);
        await session.SignInAsync(person);
        return session;
    }

    /// <summary>Sent back to the page it came from, as after any change that worked, rather than shown an error.</summary>
    private static void AssertCounted(WebPage answer, string url)
    {
        Assert.True(answer.Status == HttpStatusCode.Redirect, $"{answer.Status}: {string.Join("; ", answer.Errors.Select(e => e.Message))}");
        Assert.Equal(url, answer.Response.Headers.Location?.OriginalString);
    }

    private Task<int> IdAsync(string url)
    {
        var number = int.Parse(url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        return service.WithDatabaseAsync(db => db.QualityReports.Where(r => r.Dataset!.Slug == Dataset && r.Number == number).Select(r => r.Id).SingleAsync());
    }

    /// <summary>The rows saying so and the report's own count of them.</summary>
    private async Task<(int Rows, int Count)> CountsAsync(string url)
    {
        var id = await IdAsync(url);
        return await service.WithDatabaseAsync(async db => (
            await db.Supports.CountAsync(s => s.TargetType == CatalogueModule.ReportItemType && s.TargetId == id),
            await db.QualityReports.Where(r => r.Id == id).Select(r => r.AffectedCount).SingleAsync()));
    }
}
