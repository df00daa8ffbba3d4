using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Groups;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Tests.Commitments;
using ShapeOpenData.Tests.Updates;
using ShapeOpenData.Tests.Consultations;
using ShapeOpenData.Tests.EthicsAssessments;
using ShapeOpenData.Tests.Groups;

namespace ShapeOpenData.Tests.Security;

/// <summary>
/// The service with one of everything a route can name — a confidential request to the Department for Transport, a
/// members-only group with a meeting and an action, a dataset with a quality report and a comment — and one person
/// in each role the matrix speaks of, signed in on the pages and holding an API token.
/// </summary>
public sealed class AuthorisationWorld : ServiceFactory
{
    public const string Publisher = "department-for-transport";
    public const string OtherPublisher = "cabinet-office";

    public IReadOnlyList<(char Role, WebSession Pages, HttpClient Api)> People { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Values { get; private set; } = new Dictionary<string, string>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await this.ImportDemoCatalogueAsync();
        var requester = await CreatePersonAsync();
        var request = await this.SubmitRequestAsync(requester, organisation: Publisher, confidential: true);
        var (group, chair) = await this.CreateGroupAsync(membersOnly: true);
        var member = await CreatePersonAsync();
        await this.AddMemberAsync(group, member);
        var meeting = await this.ScheduleAsync(group, chair);
        var action = await this.AddActionAsync(group, chair, new NewAction("Publish the standard", chair.Id, null, DateOnly.FromDateTime(this.UtcNow().AddDays(30)), []));
        var dataset = await WithDatabaseAsync(db => db.Datasets.Where(d => d.Organisation!.Slug == Publisher).OrderBy(d => d.Id).Select(d => d.Slug).FirstAsync());
        var report = await this.FileReportAsync(requester, dataset);
        var reportId = await WithDatabaseAsync(db => db.QualityReports.Where(r => r.Dataset!.Slug == dataset && r.Number == report).Select(r => r.Id).SingleAsync());
        var comment = await WithServicesAsync(async s => await s.GetRequiredService<ShapeOpenData.Modules.Comments.CommentThreads>()
            .PostAsync(ItemTypes.QualityReport, reportId, null, "The file is still broken.", await PrincipalAsync(requester), CancellationToken.None));
        var (consultation, runner) = await this.CreateConsultationAsync(survey: true);
        var statement = await this.SubmitStatementAsync(runner, consultation.Slug, "Every timetable should be open data");
        var (plan, planPublisher) = await this.CreatePlanAsync(Publisher);
        var commitment = await this.AddCommitmentAsync(plan, planPublisher);
        await this.CommitmentsAsync(planPublisher, (commitments, actor) => commitments.AddMilestoneAsync(commitment.Reference, "Publish it", new DateOnly(2027, 3, 1), actor));
        var link = await WithServicesAsync(async s => await s.GetRequiredService<ShapeOpenData.Modules.Outcomes.LinkWorkflow>().LinkAsync(
            new(ItemTypes.Request, $"{await this.SubmitRequestAsync(requester)}", ItemTypes.Commitment, commitment.Reference, "Asked for it"), await PrincipalAsync(planPublisher)));
        var (update, _) = await this.PostUpdateAsync(Publisher, "open-data");
        var (suggestion, _) = await this.SuggestAsync(update);
        // A private ethics assessment whose team is none of the roles: its team publishing it during the walk would race the others.
        var assessment = await this.StartAssessmentAsync(await CreatePersonAsync(withPassword: false));

        Values = new Dictionary<string, string>
        {
            ["requests"] = $"{request}", ["done"] = $"{request}", ["meetings"] = $"{meeting.Id}", ["actions"] = $"{action.Id}",
            ["comments"] = $"{comment.Id}", ["groups"] = group.Slug, ["datasets"] = dataset, ["reports"] = $"{report}",
            ["organisations"] = Publisher, ["regimes"] = "foi", ["minutes"] = "1", ["error"] = "404", ["invitations"] = "not-a-real-token",
            ["unsubscribe"] = "not-a-real-token", ["report.type"] = "comment", ["report.id"] = $"{comment.Id}", ["items.type"] = "comment",
            ["items.id"] = $"{comment.Id}", ["about.type"] = "comment", ["about.id"] = $"{comment.Id}", ["manage"] = "review", ["openapi"] = "v1", ["action"] = "package_search", [""] = "no-such-file.txt",
            ["consultations"] = consultation.Slug, ["versions"] = "1", ["sections"] = "1", ["statements"] = $"{statement.Id}", ["questions"] = "1",
            ["plans"] = plan.Slug, ["commitments"] = commitment.Reference, ["milestones"] = "1",
            ["ethics-assessments"] = assessment.Slug, ["links"] = $"{link.Id}",
            ["updates"] = update.Slug, ["tags"] = "open-data", ["suggestions"] = $"{suggestion.Id}",
        };
        var people = new List<(char, Person?)>
        {
            ('a', null), ('p', await CreatePersonAsync()), ('m', member),
            ('o', await CreatePersonAsync(Roles.Publisher, Publisher, twoFactor: true)),
            ('x', await CreatePersonAsync(Roles.Publisher, OtherPublisher, twoFactor: true)),
            ('d', await CreatePersonAsync(Roles.Moderator, twoFactor: true)),
            ('t', await CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true)),
            ('s', await CreatePersonAsync(Roles.Administrator, twoFactor: true)),
        };
        var signedIn = new List<(char, WebSession, HttpClient)>();
        foreach (var (role, person) in people)
        {
            var session = NewSession();
            if (person is not null) await session.SignInAsync(person);
            signedIn.Add((role, session, person is null ? CreateClient() : await ApiClientAsync(person)));
        }
        People = signedIn;
    }
}

/// <summary>
/// Every route the service answers (pages with each of their handlers, and the API, taken from the endpoint data
/// source so that a new route cannot be forgotten), called by each role, answers as <see cref="AuthorisationMatrix"/>
/// declares. A route missing from the matrix fails the test.
/// </summary>
[Trait("Databases", "one")]
public sealed class AuthorisationMatrixTests(AuthorisationWorld world) : IClassFixture<AuthorisationWorld>
{
    private IReadOnlyList<ServiceRoute> Routes() => ServiceRoutes.All(world.Services);

    private string PathOf(ServiceRoute route) => ServiceRoutes.PathOf(route, world.Values);

    private async Task<char> CallAsync(ServiceRoute route, WebSession pages, HttpClient api)
    {
        var path = PathOf(route);
        HttpResponseMessage response;
        if (route.Pattern.StartsWith("/api/", StringComparison.Ordinal))
        {
            using var message = new HttpRequestMessage(new HttpMethod(route.Method), path);
            if (route.Method != "GET") message.Content = JsonContent.Create(new { });
            response = await api.SendAsync(message);
        }
        else if (route.Method == "GET")
        {
            response = await pages.Http.GetAsync(path);
        }
        else
        {
            // A form as the browser sends it, with this person's antiforgery token and nothing filled in.
            var token = await TokenAsync(pages);
            using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
            response = await pages.Http.PostAsync(path, form);
        }
        var landed = response.RequestMessage!.RequestUri!.AbsolutePath;
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => 's',
            HttpStatusCode.Forbidden => 'f',
            HttpStatusCode.NotFound => 'n',
            _ when landed.StartsWith("/account/sign-in", StringComparison.Ordinal) && !path.StartsWith("/account/sign-in", StringComparison.Ordinal) => 's',
            _ when (int)response.StatusCode >= 500 => 'E',
            _ => 'o',
        };
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<WebSession, string> _tokens = new();

    /// <summary>The person's antiforgery token, from the first page that gives them a form (one serves every form).</summary>
    private async Task<string> TokenAsync(WebSession pages)
    {
        if (_tokens.TryGetValue(pages, out var known)) return known;
        foreach (var page in new[] { "/account/sign-in", "/requests/new" })
        {
            var form = await pages.GetAsync(page);
            if (form.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") is { } token) return _tokens[pages] = token;
        }
        throw new InvalidOperationException("No page gave this person an antiforgery token");
    }

    [Fact]
    public async Task EveryRoute_AnswersEveryRole_AsTheMatrixDeclares()
    {
        var routes = Routes();
        var wrong = new StringBuilder();
        foreach (var missing in routes.Where(r => !AuthorisationMatrix.Expected.ContainsKey(r.Key)))
        {
            wrong.AppendLine($"Not in the matrix: {missing.Key}");
        }
        foreach (var stale in AuthorisationMatrix.Expected.Keys.Except(routes.Select(r => r.Key)))
        {
            wrong.AppendLine($"In the matrix but no longer a route: {stale}");
        }
        foreach (var route in routes)
        {
            // Each person has their own session, so the roles ask at once.
            var answers = string.Concat(await Task.WhenAll(world.People.Select(p => CallAsync(route, p.Pages, p.Api))));
            if (AuthorisationMatrix.Expected.GetValueOrDefault(route.Key) != answers)
            {
                wrong.AppendLine($"[\"{route.Key}\"] = \"{answers}\", // declared {AuthorisationMatrix.Expected.GetValueOrDefault(route.Key) ?? "nothing"}");
            }
        }
        Assert.True(wrong.Length == 0, $"Roles {string.Concat(world.People.Select(p => p.Role))}:\n{wrong}");
    }
}
