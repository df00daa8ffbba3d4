using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Groups;
using ShapeOpenData.Modules.Moderation;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Tests.Consultations;
using ShapeOpenData.Tests.Groups;

namespace ShapeOpenData.Tests.Moderation;

/// <summary>
/// A request, a comment, a quality report, a join message and a consultation's statement, each with words nobody else wrote, all hidden by a
/// moderator. Every GET route the service answers (taken from its endpoint data source, so a new one cannot be
/// forgotten), every search, feed and export, is read by people who must not see hidden content; none shows a word
/// of it. Its author and a moderator still find it, with the notice.
/// </summary>
[Collection(SharedService.Catalogue)]
[Trait("Databases", "one")]
public sealed class HiddenEverywhereTests(CatalogueServiceFactory service)
{
    private const string Publisher = "department-for-transport";

    [Fact]
    public async Task HiddenContent_IsOnNoPageFeedExportSearchOrApiResponse_ForAnyoneButItsAuthorAndModerators()
    {
        var secret = $"zq{Guid.NewGuid():N}"[..14];
        var author = await service.CreatePersonAsync();
        var requestId = await service.SubmitRequestAsync(author, title: $"Timetables {secret}request", organisation: "cabinet-office");
        var publicRequest = await service.SubmitRequestAsync(await service.CreatePersonAsync(), organisation: Publisher);
        var comment = await service.WithServicesAsync(async s => await s.GetRequiredService<ShapeOpenData.Modules.Comments.CommentThreads>()
            .PostAsync(ItemTypes.Request, publicRequest, null, $"Buy {secret}comment now", await service.PrincipalAsync(author), CancellationToken.None));
        var dataset = await service.WithDatabaseAsync(db => db.Datasets.Where(d => d.Organisation!.Slug == Publisher).OrderBy(d => d.Id).Select(d => d.Slug).FirstAsync());
        var reportNumber = await service.FileReportAsync(author, dataset, details: $"The file {secret}report is rude");
        var reportId = await service.WithDatabaseAsync(db => db.QualityReports.Where(r => r.Dataset!.Slug == dataset && r.Number == reportNumber).Select(r => r.Id).SingleAsync());
        var (group, _) = await service.CreateGroupAsync(MembershipPolicy.OnRequest);
        var join = await service.GroupsAsync(author, (groups, actor) => groups.JoinAsync(group.Slug, $"Let me in {secret}join", actor));
        var (consultation, _) = await service.CreateConsultationAsync();
        var statement = await service.SubmitStatementAsync(author, consultation.Slug, $"Ban {secret}statement now");
        var moderatorPerson = await service.CreatePersonAsync(Roles.Moderator, twoFactor: true);
        var asModerator = await service.PrincipalAsync(moderatorPerson);
        foreach (var (type, id) in new[] { (ItemTypes.Request, requestId), ("comment", comment.Id), (ItemTypes.QualityReport, reportId), ("join_message", join.Id), (ItemTypes.Statement, statement.Id) })
        {
            await service.WithServicesAsync(async s =>
            {
                await s.GetRequiredService<ModerationDesk>().DecideAsync(type, id, new Verdict.Hide(ModerationReason.Abuse, $"note {secret}note"), asModerator, CancellationToken.None);
                return true;
            });
        }
        var values = new Dictionary<string, string>
        {
            ["requests"] = $"{requestId}", ["done"] = $"{requestId}", ["comments"] = $"{comment.Id}", ["datasets"] = dataset, ["reports"] = $"{reportNumber}",
            ["groups"] = group.Slug, ["organisations"] = Publisher, ["meetings"] = "1", ["actions"] = "1", ["regimes"] = "foi", ["minutes"] = "1",
            ["error"] = "404", ["invitations"] = "not-a-token", ["unsubscribe"] = "not-a-token", ["manage"] = "review", ["openapi"] = "v1",
            ["action"] = "package_search", [""] = "no-such-file.txt", ["report.type"] = ItemTypes.Request, ["report.id"] = $"{requestId}",
            ["items.type"] = ItemTypes.Request, ["items.id"] = $"{requestId}", ["about.type"] = ItemTypes.Request, ["about.id"] = $"{requestId}",
            ["consultations"] = consultation.Slug, ["versions"] = "1", ["sections"] = "1", ["statements"] = $"{statement.Id}", ["questions"] = "1",
            ["plans"] = "no-such-plan", ["commitments"] = "NO-SUCH-COMMITMENT", ["milestones"] = "1", ["ethics-assessments"] = "no-such-assessment", ["links"] = "999999",
            ["updates"] = "no-such-update", ["tags"] = "no-such-tag", ["suggestions"] = "1",
        };
        var paths = ServiceRoutes.All(service.Services).Where(r => r.Method == "GET").Select(r => ServiceRoutes.PathOf(r, values)).ToList();
        paths.AddRange(
        [
            $"/requests?q={secret}", "/requests?state=all", "/requests?sort=newest", "/requests/top-demand", "/requests.csv", "/requests.json", "/requests.atom",
            $"/api/v1/requests?q={secret}", "/api/v1/requests?pageSize=100", $"/api/v1/requests/similar?title=Timetables+{secret}request",
            $"/api/3/action/list_datarequests?limit=1000", $"/api/3/action/show_datarequest?id={requestId}",
            $"/quality-reports?State=all", $"/quality-reports?Organisation={Publisher}&State=all", $"/api/v1/datasets/{dataset}/reports",
            $"/api/v1/datasets/{dataset}/reports/{reportNumber}", $"/datasets/{dataset}", $"/organisations/cabinet-office", "/catalogue.jsonld",
            $"/moderation/report/comment/{comment.Id}", $"/moderation/report/{ItemTypes.QualityReport}/{reportId}", $"/moderation/report/join_message/{join.Id}",
            $"/groups/{group.Slug}/members", $"/comments/new?parent={comment.Id}",
            $"/consultations/{consultation.Slug}/export/comments.csv", $"/consultations/{consultation.Slug}/export/votes.csv",
            $"/consultations/{consultation.Slug}/export/participants-votes.csv", $"/api/v1/consultations/{consultation.Slug}/statements",
            $"/moderation/report/{ItemTypes.Statement}/{statement.Id}",
        ]);

        var readers = new List<(string Who, WebSession Pages, HttpClient Api)> { ("anonymous", service.NewSession(), service.CreateClient()) };
        foreach (var (who, person) in new[] { ("a participant", await service.CreatePersonAsync()), ("another organisation's publisher", await service.CreatePersonAsync(Roles.Publisher, Publisher, twoFactor: true)) })
        {
            var pages = service.NewSession();
            await pages.SignInAsync(person);
            readers.Add((who, pages, await service.ApiClientAsync(person)));
        }
        var leaks = new List<string>();
        foreach (var (who, pages, api) in readers)
        {
            foreach (var path in paths.Distinct())
            {
                var client = path.StartsWith("/api/", StringComparison.Ordinal) ? api : pages.Http;
                var body = await (await client.GetAsync(path)).Content.ReadAsStringAsync();
                if (body.Contains(secret, StringComparison.OrdinalIgnoreCase))
                {
                    leaks.Add($"{who}: {path}");
                }
            }
        }

        Assert.True(paths.Count > 100, $"only {paths.Count} paths walked");
        Assert.Empty(leaks);
        var authorSession = service.NewSession();
        await authorSession.SignInAsync(author);
        var moderator = service.NewSession();
        await moderator.SignInAsync(moderatorPerson);
        foreach (var (session, name) in new[] { (authorSession, "author"), (moderator, "moderator") })
        {
            var requestPage = await session.GetAsync($"/requests/{requestId}");
            var commentPage = await session.GetAsync($"/requests/{publicRequest}");
            var reportPage = await session.GetAsync($"/datasets/{dataset}/reports/{reportNumber}");
            Assert.True(requestPage.Body.Contains($"{secret}request", StringComparison.Ordinal), $"{name} lost the request");
            Assert.Contains("Hidden by a moderator: Abusive or offensive", requestPage.Text, StringComparison.Ordinal);
            Assert.True(commentPage.Body.Contains($"{secret}comment", StringComparison.Ordinal), $"{name} lost the comment");
            Assert.True(reportPage.Body.Contains($"{secret}report", StringComparison.Ordinal), $"{name} lost the report");
        }
        Assert.Contains($"{secret}join", (await moderator.GetAsync($"/moderation/items/join_message/{join.Id}")).Body, StringComparison.Ordinal);
        Assert.DoesNotContain($"{secret}note", (await authorSession.GetAsync($"/moderation/about/{ItemTypes.Request}/{requestId}")).Body, StringComparison.Ordinal);
        Assert.Contains($"{secret}note", (await moderator.GetAsync($"/moderation/items/{ItemTypes.Request}/{requestId}")).Text, StringComparison.Ordinal);
    }
}
