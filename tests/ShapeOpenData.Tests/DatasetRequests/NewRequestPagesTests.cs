using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.DatasetRequests;

/// <summary>"Ask for data": the question pages, check your answers, and sending.</summary>
[Collection(SharedService.Requests)]
public sealed class NewRequestPagesTests(ServiceFactory service)
{
    private static string NewTitle() => $"Ferry timetables {Guid.NewGuid():N}"[..40];

    /// <summary>Answers every question the way a person would, returning the check page.</summary>
    private static async Task<WebPage> AnswerEverythingAsync(WebSession session, string title, string holder = "department-for-transport", string regime = "none")
    {
        var page = await session.SubmitAsync(await session.GetAsync("/requests/new"), ("Title", title), ("Description", "Every *route*, every day."));
        if (page.Url.StartsWith("/requests/new/similar", StringComparison.Ordinal)) page = await session.SubmitAsync(page);
        page = await session.SubmitAsync(page, ("Holder", holder));
        page = await session.SubmitAsync(page, [new("Themes", "transport"), new("Themes", "towns_and_cities")]);
        page = await session.SubmitAsync(page, ("IntendedUse", "community"), ("Benefits", "Residents could plan journeys."));
        page = await session.SubmitAsync(page, [new("Barriers", "not_published")]);
        page = await session.SubmitAsync(page, ("Regime", regime));
        page = await session.SubmitAsync(page, ("Confidential", "false"));
        if (page.Url.StartsWith("/requests/new/received", StringComparison.Ordinal)) page = await session.SubmitAsync(page, ("ReceivedVia", "service"));
        return page;
    }

    [Fact]
    public async Task AskingForData_NeedsSigningIn()
    {
        var page = await service.NewSession().GetAsync("/requests/new");

        Assert.StartsWith("/account/sign-in", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryQuestion_ThenCheck_ThenSend_MakesTheRequest()
    {
        var person = await service.CreatePersonAsync(name: "Fran Ferry");
        var session = service.NewSession();
        await session.SignInAsync(person);
        var title = NewTitle();

        var check = await AnswerEverythingAsync(session, title, regime: "foi");
        Assert.Equal("/requests/new/check", check.Url);
        Assert.Contains(title, check.Text, StringComparison.Ordinal);
        Assert.Contains("Department for Transport", check.Text, StringComparison.Ordinal);
        Assert.Contains("Transport, Towns and cities", check.Text, StringComparison.Ordinal);
        Assert.Contains("Freedom of Information Act 2000", check.Text, StringComparison.Ordinal);

        var done = await session.SubmitAsync(check);
        Assert.Equal("Request sent", done.Heading);
        var id = int.Parse(done.Url.Split('/')[^1]);
        var dueShown = done.Document.GetElementById("due-on")!.TextContent;

        var request = await service.WithDatabaseAsync(db => db.DatasetRequests.Include(r => r.Themes).SingleAsync(r => r.Id == id));
        Assert.Equal((title, "foi", person.Id, false), (request.Title, request.RegimeCode, request.RequesterId!.Value, request.IsConfidential));
        Assert.Equal(2, request.Themes.Count);
        var calculator = await service.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/deadlines?regime=foi&received={request.ReceivedOn:yyyy-MM-dd}");
        Assert.Equal(calculator.GetProperty("dueOn").GetString(), request.DueOn.ToString("yyyy-MM-dd"));
        Assert.Equal(request.DueOn.ToString("dddd d MMMM yyyy"), dueShown);
        // The draft is gone: asking again starts from nothing.
        Assert.Null((await session.GetAsync("/requests/new")).Document.GetElementById("Title")!.GetAttribute("value"));
    }

    [Fact]
    public async Task EachQuestion_SaysWhatIsMissing()
    {
        var session = service.NewSession();
        await session.SignInAsync(await service.CreatePersonAsync());

        var title = await session.SubmitAsync(await session.GetAsync("/requests/new"), ("Title", ""), ("Description", ""));
        Assert.Equal([("Enter a title for your request", "Title"), ("Describe the data you need", "Description")], title.Errors);
        Assert.Equal(HttpStatusCode.BadRequest, title.Status);

        foreach (var (path, message, field) in new[]
                 {
                     ("/requests/new/holder", "Select who holds the data, or ‘I do not know’", "Holder"),
                     ("/requests/new/themes", "Select at least one theme", "Themes"),
                     ("/requests/new/use", "Select what you will use the data for", "IntendedUse"),
                     ("/requests/new/formal", "Select whether this is a formal request, and under which law", "Regime"),
                     ("/requests/new/private", "Select whether the request should be kept private", "Confidential"),
                 })
        {
            var page = await session.SubmitAsync(await session.GetAsync(path));
            Assert.Equal(HttpStatusCode.BadRequest, page.Status);
            Assert.Equal([(message, field)], page.Errors);
            Assert.NotNull(page.Document.GetElementById(field));
        }
    }

    [Fact]
    public async Task ATitleTooLong_IsRefusedAndKept()
    {
        var session = service.NewSession();
        await session.SignInAsync(await service.CreatePersonAsync());
        var tooLong = new string('a', 121);

        var page = await session.SubmitAsync(await session.GetAsync("/requests/new"), ("Title", tooLong), ("Description", "x"));

        Assert.Equal("The title must be 120 characters or fewer", page.FieldError("Title"));
        Assert.Equal(tooLong, page.Document.GetElementById("Title")!.GetAttribute("value"));
    }

    [Fact]
    public async Task ASimilarOpenRequest_IsOfferedBeforeGoingOn()
    {
        var other = await service.CreatePersonAsync();
        var existing = await service.SubmitRequestAsync(other, "Canal towpath closures and diversions");
        var session = service.NewSession();
        await session.SignInAsync(await service.CreatePersonAsync());

        var similar = await session.SubmitAsync(await session.GetAsync("/requests/new"), ("Title", "Closures of canal towpaths"), ("Description", "x"));

        Assert.Equal("/requests/new/similar", similar.Url);
        Assert.NotNull(similar.Document.QuerySelector($"#similar-requests a[href='/requests/{existing}']"));
        var next = await session.SubmitAsync(similar);
        Assert.Equal("/requests/new/holder", next.Url);
    }

    [Fact]
    public async Task ChangingAnAnswer_ReturnsToCheckYourAnswers()
    {
        var session = service.NewSession();
        await session.SignInAsync(await service.CreatePersonAsync());
        var check = await AnswerEverythingAsync(session, NewTitle());

        var change = await session.GetAsync(check.Document.QuerySelector("a[href='/requests/new/holder?change=true']")!.GetAttribute("href")!);
        var back = await session.SubmitAsync(change, ("Holder", "unknown"));

        Assert.Equal("/requests/new/check", back.Url);
        Assert.Contains("I do not know", back.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATitleAlreadyOpen_IsRefusedWhenSending()
    {
        var title = NewTitle();
        await service.SubmitRequestAsync(await service.CreatePersonAsync(), title.ToUpperInvariant());
        var session = service.NewSession();
        await session.SignInAsync(await service.CreatePersonAsync());
        var check = await AnswerEverythingAsync(session, title);

        var refused = await session.SubmitAsync(check);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.StartsWith("There is already an open request with this title", refused.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Participants_CannotRecordARequestReceivedByPost()
    {
        var session = service.NewSession();
        await session.SignInAsync(await service.CreatePersonAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync("/requests/new/received")).Status);
    }

    [Fact]
    public async Task APublisher_RecordsARequestReceivedByEmail_AndTheClockRunsFromThatDay()
    {
        var publisher = await service.CreatePersonAsync(Roles.Publisher, "department-for-transport", twoFactor: true);
        var session = service.NewSession();
        await session.SignInAsync(publisher);
        var title = NewTitle();
        var received = await AnswerEverythingAsync(session, title, regime: "eir");
        Assert.Equal("/requests/new/check", received.Url);

        var arrived = await session.SubmitAsync(await session.GetAsync("/requests/new/received?change=true"),
            ("ReceivedVia", "email"), ("ReceivedOn.Day", "16"), ("ReceivedOn.Month", "3"), ("ReceivedOn.Year", "2026"));
        Assert.Contains("By email on 16 March 2026", arrived.Text, StringComparison.Ordinal);
        var done = await session.SubmitAsync(arrived);

        var id = int.Parse(done.Url.Split('/')[^1]);
        var request = await service.WithDatabaseAsync(db => db.DatasetRequests.SingleAsync(r => r.Id == id));
        Assert.Equal((new DateOnly(2026, 3, 16), new DateOnly(2026, 4, 16), ReceivedVia.Email), (request.ReceivedOn, request.DueOn, request.ReceivedVia));
        Assert.Null(request.RequesterId);
        Assert.Equal(publisher.Id, request.RecordedById);
    }

    [Fact]
    public async Task ADateInTheFuture_CannotBeTheDateOfReceipt()
    {
        var session = service.NewSession();
        await session.SignInAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true));

        var page = await session.SubmitAsync(await session.GetAsync("/requests/new/received"),
            ("ReceivedVia", "post"), ("ReceivedOn.Day", "1"), ("ReceivedOn.Month", "1"), ("ReceivedOn.Year", "2099"));

        Assert.Equal("The date the request was received must be today or in the past", page.FieldError("ReceivedOn"));
    }
}
