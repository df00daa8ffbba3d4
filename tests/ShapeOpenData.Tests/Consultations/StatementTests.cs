using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Consultations;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Consultations;

/// <summary>Statements and votes on <c>/consultations/{slug}/statements</c> and through the API, as the people who give them.</summary>
[Collection(SharedService.Engagement)]
public sealed class StatementTests(ServiceFactory service)
{
    private static string StatementsOf(Consultation consultation) => $"/consultations/{consultation.Slug}/statements";

    private static string? OfferedText(WebPage page) => page.Document.QuerySelector("#offered-text")?.TextContent.Trim();

    private static string CountsOf(WebPage page, int number) =>
        page.Document.GetElementById($"statement-{number}")!.QuerySelectorAll("p").Select(p => p.TextContent.Trim()).First(t => t.EndsWith(" pass", StringComparison.Ordinal));

    [Fact]
    public async Task OneStatementAtATime_LeastVotedFirst_TiesByNumber_SkippingThoseVoted()
    {
        var (consultation, runner) = await service.CreateConsultationAsync();
        var a = await service.SubmitStatementAsync(runner, consultation.Slug, "Timetables should be open data");
        var b = await service.SubmitStatementAsync(runner, consultation.Slug, "Fares should be published too");
        var c = await service.SubmitStatementAsync(runner, consultation.Slug, "Operators need a year to prepare");
        await service.SubmitStatementAsync(runner, consultation.Slug, "Real-time locations matter most");
        var (first, second) = (await service.CreatePersonAsync(), await service.CreatePersonAsync());
        await service.VoteAsync(first, consultation.Slug, a.Id, VoteChoice.Agree);
        await service.VoteAsync(second, consultation.Slug, a.Id, VoteChoice.Disagree);
        await service.VoteAsync(first, consultation.Slug, c.Id, VoteChoice.Pass);
        var session = service.NewSession();
        await session.SignInAsync(await service.CreatePersonAsync());

        var offered = new List<string?>();
        var page = await session.GetAsync(StatementsOf(consultation));
        Assert.Contains("You have voted on 0 of 4 statements.", page.Text, StringComparison.Ordinal);
        foreach (var vote in new[] { "agree", "disagree", "pass", "agree" })
        {
            offered.Add(OfferedText(page));
            page = await session.SubmitAsync(page, [new("vote", vote)], "form[action*=Vote]");
        }

        // No votes yet on statements 2 and 4 (2 first, by number), then 4, then the one with a vote, then the one with two.
        Assert.Equal(["Fares should be published too", "Real-time locations matter most", "Operators need a year to prepare", "Timetables should be open data"], offered);
        Assert.Equal($"You agreed with statement {a.Number}", page.Flash);
        Assert.Equal("You have voted on every statement", page.Document.GetElementById("vote-heading")!.TextContent);
        Assert.Null(OfferedText(page));
        Assert.Equal("1 agree, 0 disagree, 0 pass", CountsOf(page, b.Number));
        Assert.Equal("2 agree, 1 disagree, 0 pass", CountsOf(page, a.Number));
        Assert.Contains("Your vote: Pass", page.Document.GetElementById($"statement-{c.Number}")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASubmittedStatement_IsShownAtOnce_AndOfferedToOthers()
    {
        var (consultation, _) = await service.CreateConsultationAsync();
        var session = service.NewSession();
        await session.SignInAsync(await service.CreatePersonAsync());

        var added = await session.SubmitAsync(await session.GetAsync(StatementsOf(consultation)), [new("Text", "Bus stops  should\nhave open locations")], "form[action*=Submit]");

        Assert.Equal("Your statement has been added. Others are offered it to vote on", added.Flash);
        Assert.StartsWith($"{StatementsOf(consultation)}?statement=1", added.Url, StringComparison.Ordinal);
        Assert.Equal("Statement 1 (yours)", added.Document.QuerySelector("#statement-1 h3")!.TextContent);
        var other = service.NewSession();
        await other.SignInAsync(await service.CreatePersonAsync());
        Assert.Equal("Bus stops  should have open locations", OfferedText(await other.GetAsync(StatementsOf(consultation))));
        var anonymous = await service.NewSession().GetAsync(StatementsOf(consultation));
        Assert.Contains("Bus stops  should have open locations", anonymous.Document.GetElementById("statement-1")!.TextContent, StringComparison.Ordinal);
        Assert.Null(anonymous.Document.QuerySelector("form[action*=Vote]"));
        var statementId = await service.WithDatabaseAsync(db => db.Statements.Where(s => s.ConsultationId == consultation.Id).Select(s => s.Id).SingleAsync());
        Assert.Equal(["submitted"], (await service.AuditTrailAsync(ItemTypes.Statement, statementId)).Select(e => e.Action));
    }

    [Fact]
    public async Task WhereTheConsultationModeratesStatements_ANewOneWaits_SeenOnlyByItsAuthorAndModerators_UntilApproved()
    {
        var (consultation, _) = await service.CreateConsultationAsync(moderateStatements: true);
        var author = service.NewSession();
        var writer = await service.CreatePersonAsync();
        await author.SignInAsync(writer);

        var added = await author.SubmitAsync(await author.GetAsync(StatementsOf(consultation)), [new("Text", "Publish the raw data, not summaries")], "form[action*=Submit]");
        var id = await service.WithDatabaseAsync(db => db.Statements.Where(s => s.ConsultationId == consultation.Id).Select(s => s.Id).SingleAsync());

        Assert.Equal("Your statement has been sent to the moderators. Only you can see it until one of them approves it", added.Flash);
        var mine = added.Document.GetElementById("statement-1")!.TextContent;
        Assert.Contains("Waiting for a moderator to approve it", mine, StringComparison.Ordinal);
        Assert.Contains("Publish the raw data, not summaries", mine, StringComparison.Ordinal);
        var other = service.NewSession();
        var reader = await service.CreatePersonAsync();
        await other.SignInAsync(reader);
        var before = await other.GetAsync(StatementsOf(consultation));
        Assert.Null(before.Document.GetElementById("statement-1"));
        Assert.Equal("There are no statements yet", before.Document.GetElementById("vote-heading")!.TextContent);
        Assert.DoesNotContain("Publish the raw data", (await service.NewSession().GetAsync(StatementsOf(consultation))).Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/moderation/report/{ItemTypes.Statement}/{id}")).Status);
        var api = await service.ApiClientAsync(reader);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync($"/api/v1/consultations/{consultation.Slug}/statements/{id}/vote", new { vote = "agree" })).StatusCode);

        var moderator = service.NewSession();
        await moderator.SignInAsync(await service.CreatePersonAsync(Roles.Moderator, twoFactor: true));
        var queue = await moderator.GetAsync("/moderation?state=approval");
        Assert.Contains("Publish the raw data, not summaries", queue.Document.GetElementById($"entry-{ItemTypes.Statement}-{id}")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var approved = await moderator.SubmitAsync(queue, selector: $"form[action^='/moderation/items/{ItemTypes.Statement}/{id}?handler=approve']");
        Assert.StartsWith("Approved", approved.Flash, StringComparison.Ordinal);

        Assert.Equal("Publish the raw data, not summaries", OfferedText(await other.GetAsync(StatementsOf(consultation))));
        Assert.DoesNotContain("Waiting for a moderator", (await author.GetAsync(StatementsOf(consultation))).Document.GetElementById("statement-1")!.TextContent, StringComparison.Ordinal);
        await service.Mail.WaitForAsync(writer.Email, "Your statement is published");
    }

    [Fact]
    public async Task AStatementOf141Characters_IsRefused_WithTheErrorSummary()
    {
        var (consultation, _) = await service.CreateConsultationAsync();
        var session = service.NewSession();
        await session.SignInAsync(await service.CreatePersonAsync());
        var page = await session.GetAsync(StatementsOf(consultation));
        Assert.Equal("140", page.Document.QuerySelector("[data-module=govuk-character-count]")!.GetAttribute("data-maxlength"));

        var tooLong = await session.SubmitAsync(page, [new("Text", new string('a', 141))], "form[action*=Submit]");
        var empty = await session.SubmitAsync(page, [new("Text", "  ")], "form[action*=Submit]");
        var longest = await session.SubmitAsync(page, [new("Text", new string('b', 140))], "form[action*=Submit]");

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Equal([("Your statement must be 140 characters or fewer", (string?)"Text")], tooLong.Errors);
        Assert.Equal(new string('a', 141), tooLong.Document.GetElementById("Text")!.TextContent);
        Assert.Equal([("Enter your statement", (string?)"Text")], empty.Errors);
        Assert.Equal(HttpStatusCode.OK, longest.Status);
        Assert.Equal(1, await service.WithDatabaseAsync(db => db.Statements.CountAsync(s => s.ConsultationId == consultation.Id)));
    }

    [Fact]
    public async Task ChangingAVoteInTheList_TheCountsFollow_AndWithdrawingTakesItBack()
    {
        var (consultation, runner) = await service.CreateConsultationAsync();
        var statement = await service.SubmitStatementAsync(runner, consultation.Slug, "Open data should be free at the point of use");
        var session = service.NewSession();
        await session.SignInAsync(await service.CreatePersonAsync());
        var list = $"#statement-{statement.Number} form";

        var agreed = await session.SubmitAsync(await session.GetAsync(StatementsOf(consultation)), [new("vote", "agree")], list);
        Assert.Equal("1 agree, 0 disagree, 0 pass", CountsOf(agreed, statement.Number));
        Assert.Equal($"{StatementsOf(consultation)}?page=1", agreed.Url);
        var changed = await session.SubmitAsync(agreed, [new("vote", "disagree")], list);
        Assert.Equal("0 agree, 1 disagree, 0 pass", CountsOf(changed, statement.Number));
        Assert.Contains("Your vote: Disagree", changed.Document.GetElementById($"statement-{statement.Number}")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(((0, 1, 0), (0, 1, 0)), await service.CountsAndRowsAsync(statement.Id));

        var withdrawn = await session.SubmitAsync(changed, [new("vote", "withdraw")], list);
        Assert.Equal($"Your vote on statement {statement.Number} has been taken back", withdrawn.Flash);
        Assert.Equal("0 agree, 0 disagree, 0 pass", CountsOf(withdrawn, statement.Number));
        Assert.DoesNotContain("Your vote:", withdrawn.Document.GetElementById($"statement-{statement.Number}")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(((0, 0, 0), (0, 0, 0)), await service.CountsAndRowsAsync(statement.Id));
        Assert.Equal("Open data should be free at the point of use", OfferedText(withdrawn));
    }

    [Fact]
    public async Task OnceClosed_VotesAndStatementsAreRefused_AndTheListIsReadOnly()
    {
        var (consultation, runner) = await service.CreateConsultationAsync();
        var statement = await service.SubmitStatementAsync(runner, consultation.Slug, "Data should be published weekly");
        var voter = await service.CreatePersonAsync();
        await service.VoteAsync(voter, consultation.Slug, statement.Id, VoteChoice.Agree);
        var session = service.NewSession();
        await session.SignInAsync(voter);
        var open = await session.GetAsync(StatementsOf(consultation));
        var api = await service.ApiClientAsync(voter);

        await service.ConsultationsAsync(runner, (consultations, actor) => consultations.CloseAsync(consultation.Slug, actor));

        var closed = await session.GetAsync(StatementsOf(consultation));
        Assert.Contains("The consultation has closed: votes and statements are no longer taken.", closed.Text, StringComparison.Ordinal);
        Assert.Null(closed.Document.QuerySelector("main form[method=post]"));
        Assert.Equal("1 agree, 0 disagree, 0 pass", CountsOf(closed, statement.Number));
        var vote = await session.SubmitAsync(open, [new("vote", "disagree")], $"#statement-{statement.Number} form");
        Assert.Equal(HttpStatusCode.BadRequest, vote.Status);
        Assert.Equal([("The consultation has closed: votes are no longer taken", (string?)null)], vote.Errors);
        var submitted = await session.SubmitAsync(open, [new("Text", "Too late")], "form[action*=Submit]");
        Assert.Equal([("The consultation has closed: statements are no longer taken", (string?)"Text")], submitted.Errors);
        var put = await api.PutAsJsonAsync($"/api/v1/consultations/{consultation.Slug}/statements/{statement.Id}/vote", new { vote = "pass" });
        Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
        Assert.Equal("The consultation has closed: votes are no longer taken", (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(((1, 0, 0), (1, 0, 0)), await service.CountsAndRowsAsync(statement.Id));
    }

    [Fact]
    public async Task TheApi_SubmitsAndVotesWithAToken_AndListsTheCounts()
    {
        var (consultation, _) = await service.CreateConsultationAsync();
        var person = await service.CreatePersonAsync(withPassword: false);
        var api = await service.ApiClientAsync(person);
        var statements = $"/api/v1/consultations/{consultation.Slug}/statements";

        var created = await api.PostAsJsonAsync(statements, new { text = "Every dataset needs a named contact" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var statement = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = statement.GetProperty("id").GetInt32();
        Assert.Equal($"{statements}/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(JsonValueKind.Null, statement.GetProperty("notice").ValueKind);

        var agreed = await (await api.PutAsJsonAsync($"{statements}/{id}/vote", new { vote = "agree" })).Content.ReadFromJsonAsync<JsonElement>();
        var disagree = await api.PutAsJsonAsync($"{statements}/{id}/vote", new { vote = "disagree" });
        var again = await (await api.PutAsJsonAsync($"{statements}/{id}/vote", new { vote = "disagree" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, disagree.StatusCode);
        Assert.Equal((1, "agree", true), (agreed.GetProperty("agrees").GetInt32(), agreed.GetProperty("yourVote").GetString(), agreed.GetProperty("changed").GetBoolean()));
        Assert.Equal((0, 1, false), (again.GetProperty("agrees").GetInt32(), again.GetProperty("disagrees").GetInt32(), again.GetProperty("changed").GetBoolean()));
        var listed = await api.GetFromJsonAsync<JsonElement>(statements);
        Assert.Equal((1, 1, "disagree"), (listed.GetProperty("total").GetInt32(), listed.GetProperty("items")[0].GetProperty("disagrees").GetInt32(),
            listed.GetProperty("items")[0].GetProperty("yourVote").GetString()));

        var withdrawn = await api.DeleteAsync($"{statements}/{id}/vote");
        var afterwards = await withdrawn.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode.OK, 0, JsonValueKind.Null), (withdrawn.StatusCode, afterwards.GetProperty("votes").GetInt32(), afterwards.GetProperty("yourVote").ValueKind));
        Assert.Equal(((0, 0, 0), (0, 0, 0)), await service.CountsAndRowsAsync(id));

        var wrong = await api.PutAsJsonAsync($"{statements}/{id}/vote", new { vote = "maybe" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("Give your vote: agree, disagree or pass", (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("vote")[0].GetString());
        var tooLong = await api.PostAsJsonAsync(statements, new { text = new string('x', 141) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.True((await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("text", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.CreateClient().PutAsJsonAsync($"{statements}/{id}/vote", new { vote = "agree" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync($"/api/v1/consultations/{consultation.Slug}/statements/{id + 100_000}/vote", new { vote = "agree" })).StatusCode);
    }

    [Fact]
    public async Task AHiddenStatement_CannotBeVotedOn_AndOthersCanReportAPublicOne()
    {
        var (consultation, runner) = await service.CreateConsultationAsync();
        var statement = await service.SubmitStatementAsync(runner, consultation.Slug, "Everyone should publish by Friday");
        var session = service.NewSession();
        await session.SignInAsync(await service.CreatePersonAsync());
        var page = await session.GetAsync(StatementsOf(consultation));
        var report = page.Document.QuerySelector($"#statement-{statement.Number} a[href='/moderation/report/{ItemTypes.Statement}/{statement.Id}']");
        Assert.NotNull(report);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync(report.GetAttribute("href")!)).Status);

        await service.WithServicesAsync(async s =>
        {
            await s.GetServices<IModeratable>().Single(m => m.Type == ItemTypes.Statement).ApplyAsync(statement.Id, new ModerationChange.Hide(ModerationReason.Spam), default);
            return await s.GetRequiredService<ShapeOpenData.Data.AppDbContext>().SaveChangesAsync();
        });

        var vote = await session.SubmitAsync(page, [new("vote", "agree")], "form[action*=Vote]");
        Assert.Equal(HttpStatusCode.NotFound, vote.Status);
        var after = await session.GetAsync(StatementsOf(consultation));
        Assert.Null(after.Document.GetElementById($"statement-{statement.Number}"));
        Assert.Equal("There are no statements yet", after.Document.GetElementById("vote-heading")!.TextContent);
        Assert.Equal(((0, 0, 0), (0, 0, 0)), await service.CountsAndRowsAsync(statement.Id));
    }
}
