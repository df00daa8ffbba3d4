using System.Net;
using AngleSharp.Dom;
using ShapeOpenData.Modules.Consultations;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Consultations;

/// <summary>
/// The consultation's survey through its pages: answered on one page without JavaScript, each required question
/// checked, one response per person changed until the close, and published only as each respondent consented.
/// </summary>
[Collection(SharedService.Engagement)]
public sealed class SurveyTests(ServiceFactory service)
{
    private static (string, string)[] Answers(string use, string format, string scale, string consent) =>
        [("answer-01", use), ("answer-02", format), ("answer-03", scale), ("consent", consent)];

    private async Task<WebSession> SignedInAsync(string name)
    {
        var session = service.NewSession();
        await session.SignInAsync(await service.CreatePersonAsync(name: name));
        return session;
    }

    [Fact]
    public async Task AnEmptyResponse_ListsEveryRequiredQuestion_ThenOneResponsePerPerson_ChangedUntilTheClose()
    {
        var (consultation, runner) = await service.CreateConsultationAsync(survey: true);
        var session = await SignedInAsync("Robin Respondent");
        var form = await session.GetAsync($"/consultations/{consultation.Slug}/respond");
        Assert.Equal("Answer the survey", form.Heading);

        var empty = await session.SubmitAsync(form, ("answer-01", "I plan journeys with them"), ("answer-03", "9"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal(["answer-02", "answer-03", "consent"], empty.Errors.Select(e => e.Target));
        Assert.Contains("Select whether we may publish your answers", empty.Errors.Select(e => e.Message));
        Assert.Equal("I plan journeys with them", empty.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("#answer-01")!.Value);
        Assert.Equal(0, await service.WithDatabaseAsync(db => Task.FromResult(db.Responses.Count(r => r.ConsultationId == consultation.Id))));

        var sent = await session.SubmitAsync(form, Answers("I plan journeys with them", "GTFS", "4", "with_name"));
        Assert.Equal("Thank you: your answers have been saved", sent.Flash);
        var changed = await session.SubmitAsync(sent, Answers("I plan journeys and build apps", "CSV", "5", "without_name"));
        Assert.Equal("Your answers have been changed", changed.Flash);
        Assert.Equal("Save my changes", changed.Document.QuerySelector("main form button")!.TextContent.Trim());
        Assert.Equal(1, await service.WithDatabaseAsync(db => Task.FromResult(db.Responses.Count(r => r.ConsultationId == consultation.Id))));

        var results = await session.GetAsync($"/consultations/{consultation.Slug}/survey");
        Assert.Contains("I plan journeys and build apps", results.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("I plan journeys with them", results.Text, StringComparison.Ordinal);

        await service.ConsultationsAsync(runner, (consultations, actor) => consultations.CloseAsync(consultation.Slug, actor));
        var late = await session.GetAsync($"/consultations/{consultation.Slug}/respond");
        Assert.Equal("Your answers to the survey", late.Heading);
        Assert.Contains("I plan journeys and build apps", late.Text, StringComparison.Ordinal);
        Assert.Null(late.Document.QuerySelector("main form[method=post]"));
        Assert.Equal(HttpStatusCode.Forbidden, (await session.SubmitAsync(changed, Answers("Too late", "CSV", "1", "with_name"))).Status);
    }

    [Fact]
    public async Task Exports_ShowOnlyWhatEachRespondentConsentedTo_TheOwnerSeesAllWithNamesOnlyWhereGiven()
    {
        var runner = await service.CreatePersonAsync(Roles.Publisher, TestConsultations.Owner, twoFactor: true);
        var (consultation, _) = await service.CreateConsultationAsync(survey: true, runner: runner);
        foreach (var (name, use, consent) in new[]
                 {
                     ("Nadia Named", "Named answer about buses", "with_name"),
                     ("Ulla Unnamed", "Unnamed answer about trams", "without_name"),
                     ("Pria Private", "Private answer about ferries", "not_published"),
                 })
        {
            var session = await SignedInAsync(name);
            await session.SubmitAsync(await session.GetAsync($"/consultations/{consultation.Slug}/respond"), Answers(use, "GTFS", "3", consent));
        }

        var anyone = service.NewSession();
        var published = await anyone.Http.GetStringAsync($"/consultations/{consultation.Slug}/export/responses.csv");
        Assert.Contains("Nadia Named", published, StringComparison.Ordinal);
        Assert.Contains("Named answer about buses", published, StringComparison.Ordinal);
        Assert.Contains("Unnamed answer about trams", published, StringComparison.Ordinal);
        Assert.DoesNotContain("Ulla Unnamed", published, StringComparison.Ordinal);
        Assert.DoesNotContain("ferries", published, StringComparison.Ordinal);
        Assert.DoesNotContain("Pria", published, StringComparison.Ordinal);
        var page = await anyone.GetAsync($"/consultations/{consultation.Slug}/survey");
        Assert.DoesNotContain("ferries", page.Text, StringComparison.Ordinal);
        Assert.Contains("A respondent", page.Text, StringComparison.Ordinal);
        Assert.Contains("3 people have answered", page.Text, StringComparison.Ordinal);

        Assert.DoesNotContain("ferries", await anyone.Http.GetStringAsync($"/consultations/{consultation.Slug}/responses.csv"), StringComparison.Ordinal);
        var owner = service.NewSession();
        await owner.SignInAsync(runner);
        var all = await owner.Http.GetStringAsync($"/consultations/{consultation.Slug}/responses.csv");
        Assert.Contains("Private answer about ferries", all, StringComparison.Ordinal);
        Assert.Contains("Nadia Named", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Ulla Unnamed", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Pria Private", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnceOpen_TheQuestionsAreFixed()
    {
        var runner = await service.CreatePersonAsync(Roles.Publisher, TestConsultations.Owner, twoFactor: true);
        var (consultation, _) = await service.CreateConsultationAsync(survey: true, runner: runner);
        var owner = service.NewSession();
        await owner.SignInAsync(runner);
        var form = await owner.GetAsync($"/consultations/{consultation.Slug}/survey/questions/new");
        Assert.Equal($"/consultations/{consultation.Slug}/survey", form.Url);
        Assert.DoesNotContain("Add a question", form.Text, StringComparison.Ordinal);
        var refused = await Assert.ThrowsAsync<RuleException>(() => service.WithServicesAsync(async s =>
            await s.GetRequiredService<SurveyWorkflow>().AddQuestionAsync(consultation.Slug, new QuestionDetails("A late question?", QuestionKind.FreeText, false, null),
                await service.PrincipalAsync(runner))));
        Assert.Equal("Once a consultation has opened its survey does not change, so that everyone answers the same questions", refused.Message);
        Assert.Equal(3, await service.WithDatabaseAsync(db => Task.FromResult(db.SurveyQuestions.Count(q => q.ConsultationId == consultation.Id))));
    }
}
