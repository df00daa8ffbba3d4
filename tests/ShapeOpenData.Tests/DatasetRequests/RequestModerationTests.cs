using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Tests.Catalogue;

namespace ShapeOpenData.Tests.DatasetRequests;

/// <summary>
/// A request reported, hidden, restored and edited by moderators, as each reader notices it on every surface that
/// shows requests: gone for everyone else, there with the notice for its requester and moderators.
/// </summary>
[Collection(SharedService.Requests)]
public sealed class RequestModerationTests(ServiceFactory service)
{
    private const string Notice = "Hidden by a moderator: Spam or advertising";

    /// <summary>A public request, written so each of its words can be looked for; the stranger follows it, by supporting it.</summary>
    private sealed record Reported(
        int Id, string Title, string Description, string Benefits, Person Requester, WebSession AsRequester, Person Stranger, WebSession AsStranger,
        WebSession AsModerator, HttpClient StrangerApi)
    {
        public string Page => $"/requests/{Id}";
    }

    private async Task<Reported> ReportedAsync()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var requester = await service.CreatePersonAsync(name: "Rita Requester");
        var (title, description, benefits) = ($"Watches {marker} discount timetables", $"Call Jo Bloggs on 07700 900{marker[..3]}", $"Cheap watches {marker}");
        var id = await service.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<ShapeOpenData.Data.AppDbContext>();
            var organisation = await db.Organisations.Where(o => o.Slug == "department-for-transport").Select(o => o.Id).SingleAsync();
            var request = await s.GetRequiredService<RequestWorkflow>().SubmitAsync(
                new NewRequest(title, description, organisation, [Theme.Transport], IntendedUse.Research, benefits, [], false, requester.Id,
                    ReceivedVia.Service, ShapeOpenData.Infrastructure.TimeProviderExtensions.Today(s.GetRequiredService<TimeProvider>())),
                "service", await service.PrincipalAsync(requester));
            return request.Id;
        });
        await CatchUpSuggestionsAsync();
        var asRequester = service.NewSession();
        await asRequester.SignInAsync(requester);
        var stranger = await service.CreatePersonAsync(name: "Sam Stranger");
        var asStranger = service.NewSession();
        await asStranger.SignInAsync(stranger);
        var strangerApi = await service.ApiClientAsync(stranger);
        Assert.Equal(HttpStatusCode.Created, (await strangerApi.PutAsJsonAsync($"/api/v1/requests/{id}/support", new { })).StatusCode);

        var page = await asStranger.GetAsync($"/requests/{id}");
        var report = page.Document.QuerySelector($"a[href='/moderation/report/request/{id}']");
        Assert.Equal("Report this request", report?.TextContent.Trim());
        var reported = await asStranger.SubmitAsync(await asStranger.GetAsync(report!.GetAttribute("href")!), ("Reason", "spam"));
        Assert.Equal($"/requests/{id}", reported.Url);

        var moderator = service.NewSession();
        await moderator.SignInAsync(await service.CreatePersonAsync(Roles.Moderator, twoFactor: true));
        return new Reported(id, title, description, benefits, requester, asRequester, stranger, asStranger, moderator, strangerApi);
    }

    private async Task HideAsync(Reported request)
    {
        var item = await request.AsModerator.GetAsync($"/moderation/items/request/{request.Id}");
        Assert.Equal(HttpStatusCode.OK, item.Status);
        var hidden = await request.AsModerator.SubmitAsync(item, [new("Reason", "spam")], "form[action*='handler=hide']");
        Assert.Equal(HttpStatusCode.OK, hidden.Status);
        await CatchUpSuggestionsAsync();
    }

    /// <summary>Suggestions see a change now rather than at the title index's next catch-up, a quarter of a second away.</summary>
    private Task<int> CatchUpSuggestionsAsync() => service.WithServicesAsync(async s =>
    {
        await s.GetRequiredService<TitleIndex>().CatchUpAsync();
        return 0;
    });

    [Fact]
    public async Task Hide_TakesTheRequestOffEveryPublicSurface_ButItsPageStaysWithTheNotice()
    {
        var request = await ReportedAsync();
        var anonymous = service.NewSession();
        await AssertListedAsync(request, anonymous, request.Title);

        await HideAsync(request);

        foreach (var reader in new[] { anonymous, request.AsStranger })
        {
            var page = await reader.GetAsync(request.Page);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(Notice, page.Heading);
            Assert.DoesNotContain(request.Title, page.Title, StringComparison.Ordinal);
            foreach (var words in new[] { request.Title, request.Description, request.Benefits })
            {
                Assert.DoesNotContain(words, page.Body, StringComparison.Ordinal);
            }
            // Its number, state, clock and comments stay; nobody can support, follow or report it.
            Assert.Contains($"Request {request.Id}", page.Document.QuerySelector(".govuk-caption-l")!.TextContent, StringComparison.Ordinal);
            Assert.NotNull(page.Document.QuerySelector("#state .govuk-tag"));
            Assert.NotNull(page.Document.QuerySelector("#due"));
            Assert.NotNull(page.Document.QuerySelector("#comments-heading"));
            Assert.Null(page.Document.QuerySelector("form[action*='handler=Support'], form#follow, form[action='/comments/new']"));
            Assert.Null(page.Document.QuerySelector($"a[href$='/request/{request.Id}']"));
            await AssertUnlistedAsync(request, reader, request.Title);
        }
        await AssertNotPublishedAsync(request, request.Title);
        await AssertNotPublishedAsync(request, request.Description);
        Assert.Equal(HttpStatusCode.NotFound, (await service.CreateClient().GetAsync($"/api/v1/requests/{request.Id}")).StatusCode);
        var show = await request.StrangerApi.GetAsync($"/api/v1/requests/{request.Id}");
        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (show.StatusCode, show.Content.Headers.ContentType?.MediaType));
    }

    [Fact]
    public async Task Hide_LeavesItToTheRequesterAndModerators_WithTheNotice()
    {
        var request = await ReportedAsync();

        await HideAsync(request);

        var own = await request.AsRequester.GetAsync(request.Page);
        Assert.Equal(request.Title, own.Heading);
        Assert.Contains(request.Description, own.Document.QuerySelector("#description")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Notice, own.Document.QuerySelector("#moderation .sod-moderation-notice")?.TextContent.Trim());
        Assert.NotNull(own.Document.QuerySelector($"#moderation a[href='/moderation/about/request/{request.Id}']"));
        var about = await request.AsRequester.GetAsync($"/moderation/about/request/{request.Id}");
        Assert.Equal(HttpStatusCode.OK, about.Status);
        Assert.Contains("Spam or advertising", about.Body, StringComparison.Ordinal);
        await service.Mail.WaitForAsync(request.Requester.Email, "A moderator has hidden your request");
        Assert.Null(own.Document.QuerySelector($"a[href='/moderation/report/request/{request.Id}']"));
        var moderated = await request.AsModerator.GetAsync(request.Page);
        Assert.Equal(request.Title, moderated.Heading);
        Assert.Equal(Notice, moderated.Document.QuerySelector("#moderation .sod-moderation-notice")?.TextContent.Trim());
        Assert.NotNull(moderated.Document.QuerySelector($"a[href='/moderation/items/request/{request.Id}']"));
        Assert.Null(moderated.Document.QuerySelector($"a[href='/moderation/about/request/{request.Id}']"));
        foreach (var reader in new[] { request.AsRequester, request.AsModerator })
        {
            var list = await AssertListedAsync(request, reader, request.Title);
            Assert.Contains(Notice, list.Document.QuerySelector($"a[href='/requests/{request.Id}']")!.Closest("li")!.TextContent, StringComparison.Ordinal);
        }
        var requesterApi = await service.ApiClientAsync(request.Requester);
        var detail = await requesterApi.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{request.Id}");
        Assert.Equal((request.Title, Notice), (detail.GetProperty("title").GetString(), detail.GetProperty("moderationNotice").GetString()));
        var listed = (await requesterApi.GetFromJsonAsync<JsonElement>("/api/v1/requests?sort=newest&pageSize=100")).GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("id").GetInt32() == request.Id);
        Assert.Equal(Notice, listed.GetProperty("moderationNotice").GetString());
    }

    [Fact]
    public async Task AHiddenRequest_StillReachesTheOrganisationAnsweringIt_ButNotItsOtherFollowers()
    {
        var request = await ReportedAsync();
        var publisher = await service.CreatePersonAsync(Roles.Publisher, "department-for-transport", twoFactor: true);
        var asPublisher = service.NewSession();
        await asPublisher.SignInAsync(publisher);
        var passerBy = service.NewSession();
        await passerBy.SignInAsync(await service.CreatePersonAsync());
        var before = await passerBy.GetAsync(request.Page);

        await HideAsync(request);
        var reviewed = await service.ApiClientAsync(publisher);
        var review = await reviewed.PostAsJsonAsync($"/api/v1/requests/{request.Id}/review", new { note = "Looking at it" });

        // The organisation must still answer it by the deadline.
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        var manage = await asPublisher.GetAsync($"/requests/{request.Id}/manage");
        Assert.Equal((HttpStatusCode.OK, request.Title), (manage.Status, manage.Heading));
        Assert.Equal(request.Title, (await asPublisher.GetAsync(request.Page)).Heading);
        // The requester hears of it; the stranger, who followed it by supporting it, no longer does.
        await service.Mail.WaitForAsync(request.Requester.Email, request.Title);
        await service.DrainOutboxAsync();
        Assert.DoesNotContain(service.Mail.To(request.Stranger.Email), m => (m.Subject ?? "").Contains(request.Title, StringComparison.Ordinal));
        // Nobody else may support, follow or comment on it, even from the page they had open.
        Assert.Equal(HttpStatusCode.NotFound, (await request.StrangerApi.PutAsJsonAsync($"/api/v1/requests/{request.Id}/support", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await passerBy.SubmitAsync(before, selector: "form#follow")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await passerBy.SubmitAsync(before, [new("Body", "Me too")], "form[action='/comments/new']")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await passerBy.GetAsync($"/moderation/report/request/{request.Id}")).Status);
        Assert.False(await service.WithDatabaseAsync(db => db.Comments.AnyAsync(c => c.TargetType == "request" && c.TargetId == request.Id)));
    }

    [Fact]
    public async Task Hide_TakesItOffThePageOfTheDatasetThatAnswersIt()
    {
        var request = await ReportedAsync();
        var package = new SamplePackage(TestCatalogue.Unique("answer")) { Title = "Answer", Organisation = TestCatalogue.NewOrganisation() };
        await service.ImportAsync(package);
        var publisher = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.Publisher, "department-for-transport", twoFactor: true, withPassword: false));
        var closed = await publisher.PostAsJsonAsync($"/api/v1/requests/{request.Id}/close", new { outcome = "already_available", dataset = package.Name });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Contains(request.Title, (await service.NewSession().GetAsync($"/datasets/{package.Name}")).Document.QuerySelector("#answers")?.TextContent,
            StringComparison.Ordinal);

        await HideAsync(request);

        var dataset = await service.NewSession().GetAsync($"/datasets/{package.Name}");
        Assert.Equal(HttpStatusCode.OK, dataset.Status);
        Assert.Null(dataset.Document.QuerySelector("#answers"));
        Assert.DoesNotContain(request.Title, dataset.Body, StringComparison.Ordinal);
        Assert.Contains(request.Title, (await request.AsModerator.GetAsync($"/datasets/{package.Name}")).Document.QuerySelector("#answers")?.TextContent,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_BringsItBackEverywhere()
    {
        var request = await ReportedAsync();
        await HideAsync(request);
        var item = await request.AsModerator.GetAsync($"/moderation/items/request/{request.Id}");

        var restored = await request.AsModerator.SubmitAsync(item, selector: "form[action*='handler=restore']");
        await CatchUpSuggestionsAsync();

        Assert.Equal(HttpStatusCode.OK, restored.Status);
        var anonymous = service.NewSession();
        var page = await anonymous.GetAsync(request.Page);
        Assert.Equal(request.Title, page.Heading);
        Assert.Null(page.Document.QuerySelector(".sod-moderation-notice"));
        var list = await AssertListedAsync(request, anonymous, request.Title);
        Assert.DoesNotContain(Notice, list.Document.QuerySelector($"a[href='/requests/{request.Id}']")!.Closest("li")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(request.Title, await service.CreateClient().GetStringAsync("/requests.atom"), StringComparison.Ordinal);
        Assert.Contains(request.Title, await service.CreateClient().GetStringAsync("/requests.csv"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await service.CkanAsync($"/api/3/action/show_datarequest?id={request.Id}")).Status);
        Assert.Contains(await SimilarAsync(request.Title), r => r.GetProperty("id").GetInt32() == request.Id);
    }

    [Fact]
    public async Task Redact_ChangesTheTitleAndDescriptionEverywhere_AndTheOriginalIsOnNoPublicSurface()
    {
        var request = await ReportedAsync();
        var item = await request.AsModerator.GetAsync($"/moderation/items/request/{request.Id}");
        var (title, description) = ($"Timetables {Guid.NewGuid():N}"[..30], "Call the named officer.");

        var redacted = await request.AsModerator.SubmitAsync(item,
            [new("Fields[title]", title), new("Fields[description]", description)], "form[action*='handler=redact']");
        await CatchUpSuggestionsAsync();

        Assert.Equal(HttpStatusCode.OK, redacted.Status);
        var anonymous = service.NewSession();
        var page = await anonymous.GetAsync(request.Page);
        Assert.Equal(title, page.Heading);
        Assert.Contains(description, page.Document.QuerySelector("#description")!.TextContent, StringComparison.Ordinal);
        await AssertListedAsync(request, anonymous, title);
        foreach (var reader in new[] { anonymous, request.AsStranger })
        {
            Assert.DoesNotContain(request.Title, (await reader.GetAsync(request.Page)).Body, StringComparison.Ordinal);
            await AssertNotListedAsync(reader, request.Title);
        }
        await AssertNotPublishedAsync(request, request.Title);
        await AssertNotPublishedAsync(request, request.Description);
        Assert.Contains(title, await service.CreateClient().GetStringAsync("/requests.atom"), StringComparison.Ordinal);
        Assert.Contains(await SimilarAsync(title), r => r.GetProperty("id").GetInt32() == request.Id);
        var (_, ckan) = await service.CkanAsync($"/api/3/action/show_datarequest?id={request.Id}");
        Assert.Equal((title, description), (ckan.GetProperty("result").GetProperty("title").GetString(), ckan.GetProperty("result").GetProperty("description").GetString()));
        var found = await service.WithServicesAsync(s => s.GetRequiredService<Items>().Traceable("request").FindAsync(title, default));
        Assert.Equal(request.Id, found?.Id);
        var terms = await service.WithDatabaseAsync(db => db.RequestTitleTerms.Where(t => t.RequestId == request.Id).Select(t => t.Term).ToListAsync());
        Assert.Equal(TitleTerms.Of(title).Order(), terms.Order());
    }

    [Fact]
    public async Task Redact_ToTheTitleOfAnotherOpenRequest_IsRefusedWithAMessage()
    {
        var request = await ReportedAsync();
        var other = await service.SubmitRequestAsync(await service.CreatePersonAsync(withPassword: false));
        var otherTitle = await service.WithDatabaseAsync(db => db.DatasetRequests.Where(r => r.Id == other).Select(r => r.Title).SingleAsync());
        var item = await request.AsModerator.GetAsync($"/moderation/items/request/{request.Id}");

        var refused = await request.AsModerator.SubmitAsync(item, [new("Fields[title]", otherTitle.ToUpperInvariant())], "form[action*='handler=redact']");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Another open request has this title", refused.Document.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(request.Title, (await service.NewSession().GetAsync(request.Page)).Heading);
    }

    [Fact]
    public async Task Redact_EditsTheRequestersAnswerOnTheTimeline()
    {
        var request = await ReportedAsync();
        var publisher = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.Publisher, "department-for-transport", twoFactor: true, withPassword: false));
        var requesterApi = await service.ApiClientAsync(request.Requester);
        var answer = $"Ring me on 07700 {Guid.NewGuid():N}"[..30];
        Assert.Equal(HttpStatusCode.OK, (await publisher.PostAsJsonAsync($"/api/v1/requests/{request.Id}/review", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await publisher.PostAsJsonAsync($"/api/v1/requests/{request.Id}/question", new { question = "Which routes?" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await requesterApi.PostAsJsonAsync($"/api/v1/requests/{request.Id}/answer", new { answer })).StatusCode);
        var item = await request.AsModerator.GetAsync($"/moderation/items/request/{request.Id}");
        var field = item.Document.QuerySelector("textarea[name^='Fields[answer-']");
        Assert.Equal(answer, field?.TextContent.Trim());

        var redacted = await request.AsModerator.SubmitAsync(item, [new(field!.GetAttribute("name")!, "All bus routes.")], "form[action*='handler=redact']");

        Assert.Equal(HttpStatusCode.OK, redacted.Status);
        var page = await service.NewSession().GetAsync(request.Page);
        Assert.Contains("All bus routes.", page.Document.QuerySelector("#timeline + ol")!.TextContent, StringComparison.Ordinal);
        await AssertNotPublishedAsync(request, answer);
        Assert.DoesNotContain(answer, page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redact_EditsTheRequestersReasonForWithdrawing()
    {
        var request = await ReportedAsync();
        var reason = $"I moved to 12 {Guid.NewGuid():N}"[..30];
        var requesterApi = await service.ApiClientAsync(request.Requester);
        Assert.Equal(HttpStatusCode.OK, (await requesterApi.PostAsJsonAsync($"/api/v1/requests/{request.Id}/withdraw", new { reason })).StatusCode);
        var item = await request.AsModerator.GetAsync($"/moderation/items/request/{request.Id}");
        var field = item.Document.QuerySelector("textarea[name^='Fields[withdrawal-']");
        Assert.Equal(reason, field?.TextContent.Trim());

        var redacted = await request.AsModerator.SubmitAsync(item, [new(field!.GetAttribute("name")!, "I no longer need it.")], "form[action*='handler=redact']");

        Assert.Equal(HttpStatusCode.OK, redacted.Status);
        var page = await service.NewSession().GetAsync(request.Page);
        Assert.Contains("I no longer need it.", page.Document.QuerySelector("#outcome")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Outcome: Withdrawn by the requester. I no longer need it.", page.Document.QuerySelector("#timeline + ol")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(reason, page.Body, StringComparison.Ordinal);
        await AssertNotPublishedAsync(request, reason);
    }

    /// <summary>The request on the list, its filters and top demand, as <paramref name="reader"/> sees them.</summary>
    private static async Task<WebPage> AssertListedAsync(Reported request, WebSession reader, string title)
    {
        foreach (var url in Lists)
        {
            var list = await reader.GetAsync(url);
            Assert.Equal(title, list.Document.QuerySelector($"a[href='/requests/{request.Id}']")?.TextContent.Trim());
        }
        return await reader.GetAsync("/requests?sort=newest");
    }

    private static readonly string[] Lists = ["/requests?sort=newest", "/requests?sort=newest&organisation=department-for-transport&theme=transport", "/requests/top-demand"];

    /// <summary>Not on the list, its filters or top demand, nor in the API's list, for <paramref name="reader"/>.</summary>
    private static async Task AssertUnlistedAsync(Reported request, WebSession reader, string title)
    {
        foreach (var url in Lists)
        {
            Assert.Null((await reader.GetAsync(url)).Document.QuerySelector($"a[href='/requests/{request.Id}']"));
        }
        var api = await reader.Http.GetFromJsonAsync<JsonElement>("/api/v1/requests?sort=newest&pageSize=100");
        Assert.DoesNotContain(api.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt32() == request.Id);
        await AssertNotListedAsync(reader, title);
    }

    /// <summary><paramref name="words"/> are not on the list, its filters or top demand, nor in the API's list, for <paramref name="reader"/>.</summary>
    private static async Task AssertNotListedAsync(WebSession reader, string words)
    {
        foreach (var url in Lists)
        {
            Assert.DoesNotContain(words, (await reader.GetAsync(url)).Body, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(words, await reader.Http.GetStringAsync("/api/v1/requests?sort=newest&pageSize=100"), StringComparison.Ordinal);
    }

    /// <summary>
    /// <paramref name="words"/> are in none of the open record's exports, feeds and APIs, whoever asks: the CSV, JSON and
    /// Atom files, the API (anonymous and as a stranger), CKAN, suggestions and other modules' links to requests.
    /// </summary>
    private async Task AssertNotPublishedAsync(Reported request, string words)
    {
        var anonymous = service.CreateClient();
        foreach (var url in new[] { "/requests.csv", "/requests.json", "/requests.atom", "/api/v1/requests?sort=newest&pageSize=100", $"/api/v1/requests/{request.Id}" })
        {
            Assert.DoesNotContain(words, await anonymous.GetStringOrEmptyAsync(url), StringComparison.Ordinal);
            Assert.DoesNotContain(words, await request.StrangerApi.GetStringOrEmptyAsync(url), StringComparison.Ordinal);
        }
        foreach (var url in new[] { "/api/3/action/list_datarequests?limit=1000", $"/api/3/action/show_datarequest?id={request.Id}" })
        {
            var (_, body) = await service.CkanAsync(url);
            Assert.DoesNotContain(words, body.GetRawText(), StringComparison.Ordinal);
        }
        Assert.DoesNotContain(await SimilarAsync(request.Title), r => r.GetProperty("title").GetString()!.Contains(words, StringComparison.Ordinal));
        var traced = await service.WithServicesAsync(async s =>
        {
            var requests = s.GetRequiredService<Items>().Traceable("request");
            return (await requests.PublicAsync([request.Id], default)).Select(t => t.Title).Append((await requests.FindAsync(words, default))?.Title).ToList();
        });
        Assert.DoesNotContain(traced, t => t?.Contains(words, StringComparison.Ordinal) == true);
    }

    private async Task<List<JsonElement>> SimilarAsync(string title) =>
        [.. (await service.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/requests/similar?title={Uri.EscapeDataString(title)}")).EnumerateArray()];
}

internal static class ModerationTestHttp
{
    /// <summary>The body of a successful answer, or nothing: a refusal's problem details name no request.</summary>
    public static async Task<string> GetStringOrEmptyAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : "";
    }
}
