namespace ShapeOpenData.Tests.Jurisdiction;

[Trait("Databases", "one")]
public sealed class DeadlinePageTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private async Task<WebPage> AskAsync(params (string, string)[] answers)
    {
        var session = service.NewSession();
        return await session.SubmitAsync(await session.GetAsync("/tools/deadline"), answers.Select(a => new KeyValuePair<string, string>(a.Item1, a.Item2)), "main form[method=get]");
    }

    [Fact]
    public async Task Get_WithAnswers_ShowsTheDueDateAndTheBankHolidaysSkipped()
    {
        var page = await AskAsync(("Regime", "foi"), ("Received.Day", "18"), ("Received.Month", "12"), ("Received.Year", "2026"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Reply due by Thursday 21 January 2027", page.Document.QuerySelector(".govuk-panel__title")?.TextContent.Trim());
        Assert.Contains("Monday 4 January 2027: 2nd January (Scotland)", page.Text, StringComparison.Ordinal);
        Assert.Contains("Information Commissioner", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WithoutAnswers_ShowsBothErrorsLinkedToTheirFields()
    {
        var page = await AskAsync(("Regime", ""), ("Received.Day", ""), ("Received.Month", ""), ("Received.Year", ""));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal([("Select the kind of request", "Regime"), ("Enter the date the request was received", "Received")], page.Errors);
        Assert.NotNull(page.Document.GetElementById("Regime"));
        Assert.NotNull(page.Document.GetElementById("Received"));
        Assert.Equal("Enter the date the request was received", page.FieldError("Received"));
    }

    [Theory]
    [InlineData("31", "2", "2026", "The date the request was received must be a real date")]
    [InlineData("18", "", "2026", "The date the request was received must include a month")]
    [InlineData("x", "y", "z", "The date the request was received must be a real date")]
    [InlineData("1", "1", "2035", "Working days can only be counted between 1 January 2016 and 31 December 2030")]
    public async Task Get_WithAWrongDate_SaysWhatIsWrongAndKeepsWhatWasTyped(string day, string month, string year, string message)
    {
        var page = await AskAsync(("Regime", "eir"), ("Received.Day", day), ("Received.Month", month), ("Received.Year", year));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(message, page.FieldError("Received"));
        Assert.Equal(day, page.Document.GetElementById("Received")?.GetAttribute("value") ?? "");
        Assert.NotNull(page.Document.QuerySelector("input[name=Regime][value=eir][checked]"));
    }
}
