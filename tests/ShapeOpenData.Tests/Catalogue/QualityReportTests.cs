using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Catalogue;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Catalogue;

/// <summary>Reporting a problem with a dataset, and the publisher answering it, on the pages.</summary>
[Collection(SharedService.Catalogue)]
public sealed class QualityReportTests(CatalogueServiceFactory service)
{
    [Fact]
    public async Task FilingAReport_CrashingBeforeItsAuditEntryAndUrgentEmail_LeavesNoReport()
    {
        var reporter = await service.PrincipalAsync(await service.CreatePersonAsync());
        var details = $"A phone number in the notes ({Guid.NewGuid():N}).";
        var before = await service.WithDatabaseAsync(async db => (await db.AuditEntries.CountAsync(), await db.OutboxEmails.CountAsync()));
        SaveCrash.OnSave(2);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => service.WithServicesAsync(s => s.GetRequiredService<QualityReports>()
            .FileAsync("school-capacity", new NewReport(null, ReportCategory.PersonalDataExposed, details), reporter)));

        SaveCrash.OnSave(0);
        Assert.False(await service.WithDatabaseAsync(db => db.QualityReports.AnyAsync(r => r.Details == details)));
        Assert.Equal(before, await service.WithDatabaseAsync(async db => (await db.AuditEntries.CountAsync(), await db.OutboxEmails.CountAsync())));
    }

    private async Task<WebSession> SignedInAsync(Person person)
    {
        var session = service.NewSession();
        await session.SignInAsync(person);
        return session;
    }

    [Fact]
    public async Task ABrokenLink_IsReportedAnsweredClosedAndReopened()
    {
        var user = await service.CreatePersonAsync(name: "Dana Data-User");
        var publisher = await service.CreatePersonAsync(Roles.Publisher, "department-for-transport", twoFactor: true, name: "Tom Publisher");
        var reporter = await SignedInAsync(user);

        var form = await reporter.GetAsync("/datasets/road-traffic-statistics/reports/new");
        var csv = form.Document.QuerySelectorAll("#Distribution option").First(o => o.TextContent.Contains("(CSV)", StringComparison.Ordinal)).GetAttribute("value")!;
        var report = await reporter.SubmitAsync(form, ("Distribution", csv), ("Category", "broken_link"), ("Details", "The CSV link answers 404."));

        Assert.Equal("Broken link", report.Heading);
        Assert.Equal("Thank you. The publisher has been told, and we will email you when they respond", report.Flash);
        Assert.Contains("Open", report.Document.GetElementById("state")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The CSV link answers 404.", report.Text, StringComparison.Ordinal);
        var told = await service.Mail.WaitForAsync(publisher.Email, "New quality report on Road traffic statistics");
        Assert.Contains(report.Url, told.TextBody, StringComparison.Ordinal);

        var manager = await SignedInAsync(publisher);
        var manage = await manager.GetAsync($"{report.Url}/manage");
        var answered = await manager.SubmitAsync(manage, [new("Reply", "Thanks, we are fixing the link.")], "form[action$='handler=Respond']");
        Assert.Contains("Acknowledged", answered.Document.GetElementById("state")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Responded on", answered.Document.GetElementById("due")!.TextContent, StringComparison.Ordinal);
        var response = await service.Mail.WaitForAsync(user.Email, "Publisher responded");
        Assert.Contains("Thanks, we are fixing the link.", response.TextBody, StringComparison.Ordinal);

        var closed = await manager.SubmitAsync(await manager.GetAsync($"{report.Url}/manage"),
            [new("Resolution", "fixed"), new("Note", "The link works again.")], "form[action$='handler=Close']");
        Assert.Contains("Resolution: Fixed", closed.Document.GetElementById("resolution")!.TextContent, StringComparison.Ordinal);
        await service.Mail.WaitForAsync(user.Email, "Closed");

        var reopened = await reporter.SubmitAsync(await reporter.GetAsync(report.Url), [new("Reason", "It is broken again.")], "form[action$='handler=Reopen']");
        Assert.Equal("The report is open again", reopened.Flash);
        Assert.Contains("Open", reopened.Document.GetElementById("state")!.TextContent, StringComparison.Ordinal);
        Assert.Null(reopened.Document.GetElementById("resolution"));
    }

    [Fact]
    public async Task Reports_AreCommentedOnAndInTheReportersDataDownload()
    {
        var reporter = await service.CreatePersonAsync();
        var number = await service.FileReportAsync(reporter, "bathing-water-quality", ReportCategory.ErrorsInData, "Negative readings in 2023.");
        var session = await SignedInAsync(reporter);
        var url = $"/datasets/bathing-water-quality/reports/{number}";

        var commented = await session.SubmitAsync(await session.GetAsync(url), [new("Body", "The readings at Whitby look wrong too.")], "form[action='/comments/new']");
        var download = System.Text.Json.JsonDocument.Parse(await session.Http.GetStringAsync("/account/download-data")).RootElement;

        Assert.Equal(url, commented.Url.Split('#')[0]);
        Assert.Contains("The readings at Whitby look wrong too.", commented.Text, StringComparison.Ordinal);
        var reported = download.GetProperty("quality_reports").GetProperty("reported");
        Assert.Contains(reported.EnumerateArray(), r => r.GetProperty("details").GetString() == "Negative readings in 2023.");
    }

    [Fact]
    public async Task New_WithNothingChosen_ShowsWhatIsMissing()
    {
        var session = await SignedInAsync(await service.CreatePersonAsync());

        var page = await session.SubmitAsync(await session.GetAsync("/datasets/bathing-water-quality/reports/new"), ("Details", "  "));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal([("Select what is wrong", "Category"), ("Describe the problem", "Details")], page.Errors);
    }

    [Fact]
    public async Task New_WhenSignedOut_AsksToSignIn()
    {
        var page = await service.NewSession().GetAsync("/datasets/bathing-water-quality/reports/new");

        Assert.StartsWith("/account/sign-in", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonalData_IsHiddenUntilReviewed_AndThePublisherIsToldAtOnce()
    {
        var reporter = await service.CreatePersonAsync();
        var publisher = await service.CreatePersonAsync(Roles.Publisher, "department-for-education", twoFactor: true);
        var moderator = await service.CreatePersonAsync(Roles.Moderator, twoFactor: true);
        var number = await service.FileReportAsync(reporter, "school-capacity", ReportCategory.PersonalDataExposed, "A phone number is in the notes column.");
        var url = $"/datasets/school-capacity/reports/{number}";

        var email = await service.Mail.WaitForAsync(publisher.Email, "Urgent: New quality report on School capacity and pupil forecasts");
        Assert.Contains("hidden from the public", email.TextBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await service.NewSession().GetAsync(url)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync(await service.CreatePersonAsync())).GetAsync(url)).Status);
        Assert.DoesNotContain(url, (await service.NewSession().GetAsync("/datasets/school-capacity")).Body, StringComparison.Ordinal);
        Assert.DoesNotContain(url, (await service.NewSession().GetAsync("/quality-reports")).Body, StringComparison.Ordinal);
        Assert.NotNull((await (await SignedInAsync(reporter)).GetAsync(url)).Document.GetElementById("hidden-notice"));
        Assert.Contains(url, (await (await SignedInAsync(publisher)).GetAsync("/quality-reports")).Body, StringComparison.Ordinal);

        var reviewing = await SignedInAsync(moderator);
        var reviewed = await reviewing.SubmitAsync(await reviewing.GetAsync($"{url}/manage"), [new("ReviewNote", "Removed from the file.")], "form[action$='handler=Review']");

        Assert.Equal("The report has been reviewed and is now public", reviewed.Flash);
        Assert.Equal(HttpStatusCode.OK, (await service.NewSession().GetAsync(url)).Status);
        Assert.Contains(url, (await service.NewSession().GetAsync("/datasets/school-capacity")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HavingTheProblemToo_CountsEachPersonOnce_AndTellsThemOfChanges()
    {
        var number = await service.FileReportAsync(await service.CreatePersonAsync(), "bathing-water-quality", ReportCategory.OutOfDate, "No 2025 results.");
        var url = $"/datasets/bathing-water-quality/reports/{number}";
        var other = await service.CreatePersonAsync();
        var session = await SignedInAsync(other);

        var page = await session.SubmitAsync(await session.GetAsync(url), [], "form[action$='handler=Affected']");
        await session.Http.PostAsync($"{url}?handler=Affected", new FormUrlEncodedContent([]));  // no antiforgery token: refused, counts nothing

        Assert.Equal("2 people have this problem", page.Document.GetElementById("affected")!.TextContent.Trim());
        Assert.Contains("You have this problem too", page.Text, StringComparison.Ordinal);
        Assert.Equal(1, await service.WithDatabaseAsync(db => db.Supports.CountAsync(s => s.TargetType == CatalogueModule.ReportItemType && s.UserId == other.Id)));
        var defra = await service.CreatePersonAsync(Roles.Publisher, "department-for-environment-food-rural-affairs", twoFactor: true);
        var id = await service.WithDatabaseAsync(db => db.QualityReports.Where(r => r.Dataset!.Slug == "bathing-water-quality" && r.Number == number).Select(r => r.Id).SingleAsync());
        await service.WithServicesAsync(async s => await s.GetRequiredService<QualityReports>().RespondAsync(id, await service.PrincipalAsync(defra), "2025 is coming."));
        await service.Mail.WaitForAsync(other.Email, "Publisher responded");
    }

    [Fact]
    public async Task Manage_ByAnotherOrganisationsPublisher_IsRefused()
    {
        var number = await service.FileReportAsync(await service.CreatePersonAsync(), "road-traffic-statistics");
        var outsider = await SignedInAsync(await service.CreatePersonAsync(Roles.Publisher, "home-office", twoFactor: true));
        var url = $"/datasets/road-traffic-statistics/reports/{number}/manage";

        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync(url)).Status);
        var token = (await outsider.GetAsync($"/datasets/road-traffic-statistics/reports/{number}")).Document
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var refused = await outsider.Http.PostAsync($"{url}?handler=Respond", new FormUrlEncodedContent([new("Reply", "Not ours"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(ReportState.Open, await service.WithDatabaseAsync(db => db.QualityReports
            .Where(r => r.Dataset!.Slug == "road-traffic-statistics" && r.Number == number).Select(r => r.State).SingleAsync()));
    }

    [Fact]
    public async Task Close_WontFixWithoutAReason_SaysWhy()
    {
        var number = await service.FileReportAsync(await service.CreatePersonAsync(), "bus-punctuality-by-operator", ReportCategory.NotMachineReadable, "PDF only.");
        var manager = await SignedInAsync(await service.CreatePersonAsync(Roles.Publisher, "department-for-transport", twoFactor: true));

        var page = await manager.SubmitAsync(await manager.GetAsync($"/datasets/bus-punctuality-by-operator/reports/{number}/manage"),
            [new("Resolution", "wont_fix")], "form[action$='handler=Close']");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal([("Explain why it will not be fixed", "Note")], page.Errors);
    }

    [Fact]
    public async Task List_ShowsOpenReportsOldestFirst_WithOverdueOnesMarked()
    {
        var reporter = await service.CreatePersonAsync();
        var older = await service.FileReportAsync(reporter, "spend-over-25000-in-the-cabinet-office", details: "Older");
        var newer = await service.FileReportAsync(reporter, "spend-over-25000-in-the-cabinet-office", details: "Newer");
        await service.WithDatabaseAsync(db => db.QualityReports.Where(r => r.Dataset!.Slug == "spend-over-25000-in-the-cabinet-office" && r.Number == older)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, DateTime.UtcNow.AddDays(-30)).SetProperty(r => r.ResponseDueOn, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-10)))));

        var page = await service.NewSession().GetAsync("/quality-reports?Organisation=cabinet-office");

        var items = page.Document.QuerySelectorAll(".sod-result").ToList();
        var olderIndex = items.FindIndex(i => i.QuerySelector($"a[href='/datasets/spend-over-25000-in-the-cabinet-office/reports/{older}']") is not null);
        var newerIndex = items.FindIndex(i => i.QuerySelector($"a[href='/datasets/spend-over-25000-in-the-cabinet-office/reports/{newer}']") is not null);
        Assert.True(olderIndex >= 0 && olderIndex < newerIndex, $"older at {olderIndex}, newer at {newerIndex}");
        Assert.Contains("Response overdue", items[olderIndex].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Response overdue", items[newerIndex].TextContent, StringComparison.Ordinal);
    }
}
