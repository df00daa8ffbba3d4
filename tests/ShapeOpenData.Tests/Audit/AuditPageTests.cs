using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Audit;

/// <summary>/admin/audit: the audit log for administrators and the programme team, newest first, filtered and paged.</summary>
[Collection(SharedService.Requests)]
public sealed class AuditPageTests(ServiceFactory service)
{
    private sealed record Row(string When, string Who, string What);

    private async Task<WebSession> SignedInAsync(Person person)
    {
        var session = service.NewSession();
        await session.SignInAsync(person);
        return session;
    }

    private async Task<WebSession> AdministratorAsync() =>
        await SignedInAsync(await service.CreatePersonAsync(Roles.Administrator, twoFactor: true));

    /// <summary>Entries of a kind only this test uses, written straight to the log with the times the test needs.</summary>
    private Task<int> ArrangeAsync(params AuditEntry[] entries) => service.WithDatabaseAsync(async db =>
    {
        db.AuditEntries.AddRange(entries);
        return await db.SaveChangesAsync();
    });

    private static AuditEntry Entry(string type, int id, string action, int? actorId, DateTime at, object? before = null, object? after = null) =>
        AuditEntry.Of(type, id, action, actorId, DateTime.SpecifyKind(at, DateTimeKind.Utc), before, after);

    private static List<Row> Rows(WebPage page) =>
        [.. page.Document.QuerySelectorAll("#audit-entries tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList())
            .Select(cells => new Row(cells[0], cells[1], string.Join(' ', cells[2].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))))];

    private static string Dates(string from, string to)
    {
        var (f, t) = (from.Split('-'), to.Split('-'));
        return $"From.Day={f[2]}&From.Month={f[1]}&From.Year={f[0]}&To.Day={t[2]}&To.Month={t[1]}&To.Year={t[0]}";
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        var page = await service.NewSession().GetAsync("/admin/audit");

        Assert.StartsWith("/account/sign-in", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParticipantsPublishersAndModerators_AreRefused()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await (await SignedInAsync(await service.CreatePersonAsync())).GetAsync("/admin/audit")).Status);
        var publisher = await SignedInAsync(await service.CreatePersonAsync(Roles.Publisher, "home-office", twoFactor: true));
        Assert.Equal(HttpStatusCode.Forbidden, (await publisher.GetAsync("/admin/audit")).Status);
        var moderator = await SignedInAsync(await service.CreatePersonAsync(Roles.Moderator, twoFactor: true));
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync("/admin/audit")).Status);
    }

    [Fact]
    public async Task TheProgrammeTeamAndAdministrators_SeeTheLatestChangeFirst_AndWhoMadeIt()
    {
        var administrator = await service.CreatePersonAsync(Roles.Administrator, twoFactor: true, name: "Ada Administrator");
        var admin = await SignedInAsync(administrator);
        var programme = await SignedInAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true));
        var index = await admin.GetAsync("/admin");
        Assert.NotNull(index.Document.QuerySelector("a[href='/admin/audit']"));
        var programmeIndex = await programme.GetAsync("/admin");
        Assert.NotNull(programmeIndex.Document.QuerySelector("nav a[href='/admin']"));
        Assert.NotNull(programmeIndex.Document.QuerySelector("main a[href='/admin/audit']"));
        Assert.Null(programmeIndex.Document.QuerySelector("main a[href='/admin/catalogue']"));

        await admin.SubmitAsync(await admin.GetAsync("/organisations/forestry-commission/edit"),
            ("Form.Name", "Forestry Commission"), ("Form.Slug", "forestry-commission"), ("Form.Kind", "non_ministerial_department"), ("Form.FoiContact", "foi@forestry.example"));

        foreach (var session in new[] { admin, programme })
        {
            var page = await session.GetAsync("/admin/audit");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var newest = Rows(page)[0];
            Assert.Equal("Ada Administrator", newest.Who);
            Assert.StartsWith("Organisation ", newest.What, StringComparison.Ordinal);
            Assert.Contains(": changed", newest.What, StringComparison.Ordinal);
            Assert.Contains("Before: None After: foi@forestry.example", newest.What, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Actors_AreNamed_TheServiceWhenNoOne_AndFormerParticipantOnceDeleted()
    {
        var leaver = await service.CreatePersonAsync(name: "Lee Leaver");
        var stayer = await service.CreatePersonAsync(name: "Stacy Stayer");
        await service.WithDatabaseAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == leaver.Id)).Anonymise(DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        var at = new DateTime(2024, 5, 1, 9, 0, 0);
        await ArrangeAsync(
            Entry("actor_test", 1, "made", null, at),
            Entry("actor_test", 2, "made", leaver.Id, at.AddMinutes(1)),
            Entry("actor_test", 3, "made", stayer.Id, at.AddMinutes(2)));

        var page = await (await AdministratorAsync()).GetAsync("/admin/audit?Type=actor_test");

        Assert.Equal(["Stacy Stayer", User.FormerParticipant, "The service"], Rows(page).Select(r => r.Who));
        Assert.Equal(["Actor test 3: made", "Actor test 2: made", "Actor test 1: made"], Rows(page).Select(r => r.What));
        Assert.DoesNotContain("Lee Leaver", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FilteringByKind_ShowsOnlyThatKind_ChosenFromTheKindsInTheLog()
    {
        var at = new DateTime(2024, 6, 1, 9, 0, 0);
        await ArrangeAsync(Entry("kind_test_one", 1, "made", null, at), Entry("kind_test_two", 1, "made", null, at));
        var session = await AdministratorAsync();

        var all = await session.GetAsync("/admin/audit");
        var filtered = await session.SubmitAsync(all, [new("Type", "kind_test_two")], "#main-content form[method=get]");

        var kinds = all.Document.QuerySelectorAll("#Type option").Select(o => (Value: o.GetAttribute("value")!, Text: o.TextContent)).ToList();
        Assert.Equal(("", "Any kind"), kinds[0]);
        Assert.Contains(("kind_test_one", "Kind test one"), kinds);
        var present = await service.WithDatabaseAsync(db => db.AuditEntries.Select(e => e.EntityType).Distinct().ToListAsync());
        Assert.Equal(present.Order(StringComparer.Ordinal), kinds.Skip(1).Select(k => k.Value));
        Assert.Equal(["Kind test two 1: made"], Rows(filtered).Select(r => r.What));
        Assert.Equal("1 change", filtered.Document.GetElementById("result-count")!.TextContent.Trim());
        Assert.True(Rows(all).Count > 1);
    }

    [Fact]
    public async Task FilteringByPerson_FindsThemByEmailOrDisplayName()
    {
        var name = $"Pat Person {Guid.NewGuid():N}"[..20];
        var person = await service.CreatePersonAsync(name: name);
        var other = await service.CreatePersonAsync();
        var at = new DateTime(2024, 7, 1, 9, 0, 0);
        await ArrangeAsync(Entry("person_test", 1, "made", person.Id, at), Entry("person_test", 2, "made", other.Id, at), Entry("person_test", 3, "made", null, at));
        var session = await AdministratorAsync();

        var byEmail = await session.GetAsync($"/admin/audit?Type=person_test&Person={Uri.EscapeDataString(person.Email.ToUpperInvariant())}");
        var byName = await session.GetAsync($"/admin/audit?Type=person_test&Person={Uri.EscapeDataString(name.ToLowerInvariant())}");
        var nobody = await session.GetAsync("/admin/audit?Person=nobody%40example.com");

        Assert.Equal(["Person test 1: made"], Rows(byEmail).Select(r => r.What));
        Assert.Equal(["Person test 1: made"], Rows(byName).Select(r => r.What));
        Assert.Equal(HttpStatusCode.BadRequest, nobody.Status);
        Assert.Equal([("There is no one with that email address or name", "Person")], nobody.Errors);
    }

    [Fact]
    public async Task FilteringByDates_ShowsTheChangesMadeOnThoseUkDays()
    {
        await ArrangeAsync(
            Entry("date_test", 1, "made", null, new DateTime(2021, 3, 10, 12, 0, 0)),
            Entry("date_test", 2, "made", null, new DateTime(2021, 3, 12, 12, 0, 0)),
            // 00:30 on 1 July in the UK (summer time) is still 30 June in UTC.
            Entry("date_test", 3, "made", null, new DateTime(2021, 6, 30, 23, 30, 0)));
        var session = await AdministratorAsync();

        Task<List<string>> ShownAsync(string query) => session.GetAsync($"/admin/audit?Type=date_test&{query}").ContinueWith(p => Rows(p.Result).Select(r => r.What).ToList());

        Assert.Equal(["Date test 2: made"], await ShownAsync(Dates("2021-03-11", "2021-03-12")));
        Assert.Equal(["Date test 3: made"], await ShownAsync(Dates("2021-07-01", "2021-07-01")));
        Assert.Equal(["Date test 1: made"], await ShownAsync("To.Day=10&To.Month=3&To.Year=2021"));
        Assert.Equal(["Date test 3: made", "Date test 2: made"], await ShownAsync("From.Day=11&From.Month=3&From.Year=2021"));
    }

    [Theory]
    [InlineData("From.Day=31&From.Month=2&From.Year=2021", "The first day to show must be a real date", "From")]
    [InlineData("To.Day=1&To.Year=2021", "The last day to show must include a month", "To")]
    [InlineData("From.Day=2&From.Month=3&From.Year=2021&To.Day=1&To.Month=3&To.Year=2021", "The last day to show must be the same as or after the first day", "To")]
    [InlineData("Type=no_such_kind", "Select a kind of item from the list", "Type")]
    public async Task BadFilters_ShowTheErrorSummaryWithStatus400(string query, string message, string field)
    {
        var session = await AdministratorAsync();

        var page = await session.GetAsync($"/admin/audit?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal([(message, field)], page.Errors);
        Assert.Equal(message, page.FieldError(field));
    }

    [Fact]
    public async Task ALongLog_IsPaged_KeepingTheFilters()
    {
        var at = new DateTime(2024, 8, 1, 9, 0, 0);
        await ArrangeAsync([.. Enumerable.Range(1, 23).Select(i => Entry("paging_test", i, "made", null, at.AddMinutes(i)))]);
        var session = await AdministratorAsync();

        var first = await session.GetAsync("/admin/audit?Type=paging_test");
        var next = first.Document.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")!;
        var second = await session.GetAsync($"/admin/audit{next}");

        Assert.Equal("23 changes", first.Document.GetElementById("result-count")!.TextContent.Trim());
        Assert.Equal(20, Rows(first).Count);
        Assert.Equal("Paging test 23: made", Rows(first)[0].What);
        Assert.Equal(["Paging test 3: made", "Paging test 2: made", "Paging test 1: made"], Rows(second).Select(r => r.What));
    }

    [Fact]
    public async Task AChange_IsShownFieldByField()
    {
        await ArrangeAsync(Entry("field_test", 7, "changed", null, new DateTime(2024, 9, 1, 9, 0, 0),
            before: new { Name = "Old name", ComplaintRoute = "Write to us", Code = "x" },
            after: new { Name = "New name", ComplaintRoute = "Write to us", Code = "x" }));
        var session = await AdministratorAsync();

        var page = await session.GetAsync("/admin/audit?Type=field_test");

        var details = page.Document.QuerySelector("#audit-entries details")!;
        Assert.Equal("What changed (1 of 3 fields)", details.QuerySelector("summary")!.TextContent.Trim());
        var fields = details.QuerySelectorAll(".govuk-summary-list__row")
            .ToDictionary(r => r.QuerySelector("dt")!.TextContent.Trim(), r => string.Join(' ', r.QuerySelector("dd")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("Before: Old name After: New name", fields["Name"]);
        Assert.Equal("Write to us", fields["Complaint route"]);
        Assert.Equal("x", fields["Code"]);
    }
}
