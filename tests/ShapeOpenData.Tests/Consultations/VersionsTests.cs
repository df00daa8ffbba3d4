using System.Net;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Consultations;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Tests.Groups;

namespace ShapeOpenData.Tests.Consultations;

/// <summary>New versions of a consultation's document, published through the page; reading and comparing any two.</summary>
[Collection(SharedService.Engagement)]
public sealed class VersionsTests(ServiceFactory service)
{
    private async Task<WebSession> RunnerSessionAsync()
    {
        var session = service.NewSession();
        await session.SignInAsync(await service.CreatePersonAsync(Roles.Publisher, TestConsultations.Owner, twoFactor: true));
        return session;
    }

    /// <summary>The form's fields as the page filled them in, with <paramref name="changes"/> typed over them.</summary>
    private static Dictionary<string, string> Filled(WebPage page, params (string Name, string Value)[] changes)
    {
        var values = page.Document.QuerySelectorAll("main form[method=post] input[name]:not([type=hidden]), main form[method=post] textarea[name]")
            .ToDictionary(e => e.GetAttribute("name")!, e => e.LocalName == "textarea" ? e.TextContent : e.GetAttribute("value") ?? "");
        foreach (var (name, value) in changes)
        {
            values[name] = value;
        }
        return values;
    }

    [Fact]
    public async Task PublishVersionTwo_ThroughThePage_FollowersEmailed_VersionOneKept_CompareShowsTheChanges()
    {
        var (consultation, _) = await service.CreateConsultationAsync();
        var slug = consultation.Slug;
        var follower = await service.HearingAtOnceAsync(await service.CreatePersonAsync());
        var reader = service.NewSession();
        await reader.SignInAsync(follower);
        await reader.SubmitAsync(await reader.GetAsync($"/consultations/{slug}"), [], "form#follow");
        var runner = await RunnerSessionAsync();

        var form = await runner.GetAsync($"/consultations/{slug}/versions/new");
        Assert.Equal("Publish version 2 of the document", form.Heading);
        Assert.Equal("Why this matters", form.Document.QuerySelector("#Sections-0-Heading")!.GetAttribute("value"));
        Assert.Null(form.Document.QuerySelector("#Sections-2-Heading")!.GetAttribute("value"));
        var published = await runner.SubmitAsync(form, Filled(form,
            ("Sections[0].Heading", ""), ("Sections[0].Body", ""),
            ("Sections[1].Body", "Every operator publishes timetables as open data within 7 days of a change."),
            ("Sections[2].Heading", "How we will check"), ("Sections[2].Body", "The department samples operators every quarter."),
            ("Note", "Timetables within 7 days; how we will check.")));

        Assert.Equal($"/consultations/{slug}/versions/2", published.Url);
        Assert.Equal("Version 2 has been published. Its followers have been told", published.Flash);
        Assert.Equal(["1. What we propose", "2. How we will check"], published.Document.QuerySelectorAll("main section h2").Select(h => h.TextContent.Trim()));
        var told = await service.Mail.WaitForAsync(follower.Email, $"New version of {consultation.Title}");
        Assert.Contains("What changed: Timetables within 7 days; how we will check.", told.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/consultations/{slug}/versions/2", told.TextBody, StringComparison.Ordinal);

        var first = await reader.GetAsync($"/consultations/{slug}/versions/1");
        Assert.Equal(["1. Why this matters", "2. What we propose"], first.Document.QuerySelectorAll("main section h2").Select(h => h.TextContent.Trim()));
        Assert.Contains("within 28 days of a change", first.Text, StringComparison.Ordinal);
        Assert.Contains("This is an earlier version of the document. The latest is version 2.", first.Document.QuerySelector("#earlier")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("within 7 days of a change", (await reader.GetAsync($"/consultations/{slug}")).Text, StringComparison.Ordinal);
        var list = await reader.GetAsync($"/consultations/{slug}/versions");
        Assert.Contains("Timetables within 7 days; how we will check.", list.Document.QuerySelector("#version-2")!.TextContent, StringComparison.Ordinal);

        var compared = await reader.SubmitAsync(list, [new("from", "1"), new("to", "2")], "main form[method=get]");
        Assert.Equal(HttpStatusCode.OK, compared.Status);
        Assert.Equal($"/consultations/{slug}/versions/compare?from=1&to=2", compared.Url);
        var sections = compared.Document.QuerySelectorAll("main section").ToList();
        Assert.Equal(["Removed", "Changed", "Added"], sections.Select(s => s.QuerySelector(".govuk-tag")!.TextContent));
        Assert.Contains("Why this matters", sections[0].QuerySelector("h2 del")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("removed: 28", sections[1].QuerySelector("del")!.TextContent);
        Assert.Equal("added: 7", sections[1].QuerySelector("ins")!.TextContent);
        Assert.Equal("removed:", sections[1].QuerySelector("del .govuk-visually-hidden")!.TextContent.Trim());
        Assert.Contains("Every operator publishes timetables as open data within", sections[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("added: The department samples operators every quarter.", sections[2].QuerySelector("div.sod-diff ins")!.TextContent);
        Assert.Contains("1 section changed, 1 section added, 1 section removed, 0 sections unchanged", compared.Document.QuerySelector("#summary")!.TextContent.Split().Where(w => w.Length > 0).Aggregate((a, b) => a + " " + b), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_WithVersionsThatDoNotExist_IsABadRequestWithAMessage()
    {
        var (consultation, runner) = await service.CreateConsultationAsync();
        var slug = consultation.Slug;
        var reader = service.NewSession();

        var alone = await reader.GetAsync($"/consultations/{slug}/versions/compare");
        Assert.Equal(HttpStatusCode.BadRequest, alone.Status);
        Assert.Contains("There is only one version of the document so far: there is nothing to compare it with", alone.Errors.Select(e => e.Message));

        await service.ConsultationsAsync(runner, (c, actor) => c.PublishVersionAsync(slug, [("Why this matters", "Buses are late."), ("What we propose", "Publish.")], "Shorter", actor));
        foreach (var (query, message, field) in new[]
        {
            ("from=9&to=2", "Choose a version from 1 to 2", "from"),
            ("from=abc&to=1", "Choose a version from 1 to 2", "from"),
            ("from=1&to=-1", "Choose a version from 1 to 2", "to"),
            ("from=2&to=2", "Choose two different versions to compare", "to"),
        })
        {
            var page = await reader.GetAsync($"/consultations/{slug}/versions/compare?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, page.Status);
            Assert.Equal([(message, field)], page.Errors);
            Assert.NotNull(page.Document.GetElementById(field));
        }
        var backwards = await reader.GetAsync($"/consultations/{slug}/versions/compare?from=2&to=1");
        Assert.Equal(HttpStatusCode.OK, backwards.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/consultations/{slug}/versions/3")).Status);
    }

    [Fact]
    public async Task NewVersion_RefusesHalfSectionsNoNoteAndNoChange_AndOnlyThoseWhoRunItMayPublish()
    {
        var (consultation, _) = await service.CreateConsultationAsync();
        var slug = consultation.Slug;
        var runner = await RunnerSessionAsync();
        var form = await runner.GetAsync($"/consultations/{slug}/versions/new");

        var half = await runner.SubmitAsync(form, Filled(form, ("Sections[2].Heading", "A heading alone"), ("Note", "")));
        Assert.Equal(HttpStatusCode.BadRequest, half.Status);
        Assert.Equal(["Enter the text of the new section, or empty its heading too to remove it", "Say what changed in this version"], half.Errors.Select(e => e.Message));
        Assert.Equal("Sections-2-Body", half.Errors[0].Target);
        Assert.Equal("A heading alone", half.Document.QuerySelector("#Sections-2-Heading")!.GetAttribute("value"));

        var same = await runner.SubmitAsync(form, Filled(form, ("Note", "Nothing really")));
        Assert.Equal(["Nothing has changed since version 1: change, add or remove a section"], same.Errors.Select(e => e.Message));
        var empty = await runner.SubmitAsync(form, Filled(form, ("Sections[0].Heading", ""), ("Sections[0].Body", ""), ("Sections[1].Heading", ""), ("Sections[1].Body", ""), ("Note", "All gone")));
        Assert.Equal(["Keep at least one section: a document cannot be empty"], empty.Errors.Select(e => e.Message));
        Assert.Equal(1, await service.WithDatabaseAsync(db => db.DocumentVersions.CountAsync(v => v.ConsultationId == consultation.Id)));

        var stranger = service.NewSession();
        await stranger.SignInAsync(await service.CreatePersonAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/consultations/{slug}/versions/new")).Status);
        var (draft, _) = await service.CreateConsultationAsync(open: false);
        Assert.Equal(HttpStatusCode.NotFound, (await runner.GetAsync($"/consultations/{draft.Slug}/versions/new")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await runner.GetAsync($"/consultations/{draft.Slug}/versions")).Status);
    }

    [Fact]
    public async Task Traceables_FindAPublishedVersionAndAPublicStatement_NeverADraftsOrAHeldOne()
    {
        var (consultation, runner) = await service.CreateConsultationAsync(title: "Bus data principles");
        var slug = consultation.Slug;
        await service.ConsultationsAsync(runner, (c, actor) => c.PublishVersionAsync(slug, [("Why this matters", "Buses are late.")], "Shorter", actor));
        var (draft, _) = await service.CreateConsultationAsync(open: false);
        var (shown, held) = await service.WithDatabaseAsync(async db =>
        {
            var now = service.UtcNow();
            var statements = new[]
            {
                Statement.Submit(consultation.Id, 1, null, "Timetables should be open data", held: false, now),
                Statement.Submit(consultation.Id, 2, null, "Operators need more time", held: true, now),
            };
            db.Statements.AddRange(statements);
            await db.SaveChangesAsync();
            return (statements[0].Id, statements[1].Id);
        });

        var found = await service.WithServicesAsync(async s =>
        {
            var items = s.GetRequiredService<Items>();
            var (versions, statements) = (items.Traceable(ItemTypes.DocumentVersion), items.Traceable(ItemTypes.Statement));
            return new
            {
                ByKey = await versions.FindAsync($"{slug} v2", CancellationToken.None),
                ByAddress = await versions.FindAsync($"https://example.com/consultations/{slug}/versions/1", CancellationToken.None),
                ByTitle = await versions.FindAsync("Bus data principles, version 2", CancellationToken.None),
                Missing = await versions.FindAsync($"{slug} v3", CancellationToken.None),
                Draft = await versions.FindAsync($"{draft.Slug} v1", CancellationToken.None),
                Statement = await statements.FindAsync($"{slug} #1", CancellationToken.None),
                StatementByText = await statements.FindAsync("Timetables should be open data", CancellationToken.None),
                Held = await statements.FindAsync($"{slug} #2", CancellationToken.None),
                Public = await statements.PublicAsync([shown, held], CancellationToken.None),
            };
        });

        var published = await service.WithDatabaseAsync(db => db.DocumentVersions.Where(v => v.Id == found.ByKey!.Id).Select(v => v.PublishedAt!.Value).SingleAsync());
        Assert.Equal(new TracedItem(ItemTypes.DocumentVersion, found.ByKey!.Id, $"{slug} v2", "Bus data principles, version 2", $"/consultations/{slug}/versions/2",
            $"published {ShapeOpenData.Infrastructure.TimeProviderExtensions.ToUkTime(published):d MMMM yyyy}"), found.ByKey);
        Assert.Equal($"{slug} v1", found.ByAddress!.Key);
        Assert.Equal(found.ByKey, found.ByTitle);
        Assert.Null(found.Missing);
        Assert.Null(found.Draft);
        Assert.Equal(new TracedItem(ItemTypes.Statement, shown, $"{slug} #1", "Timetables should be open data", $"/consultations/{slug}/statements#statement-1",
            "0 agree, 0 disagree, 0 pass"), found.Statement);
        Assert.Equal(found.Statement, found.StatementByText);
        Assert.Null(found.Held);
        Assert.Equal([shown], found.Public.Select(s => s.Id));
    }
}
