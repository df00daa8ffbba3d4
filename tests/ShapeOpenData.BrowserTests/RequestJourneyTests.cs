using Microsoft.Playwright;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.BrowserTests;

/// <summary>
/// The dataset-request loop in Chromium, with and without JavaScript: a data user asks for data, a second
/// person supports it, a publisher asks a question (the clock pauses), the requester answers, the publisher
/// refuses with a reason and the complaint route, then reopens and releases it with a link. Both users get
/// the right emails and nobody gets their own. axe-core checks every page.
/// </summary>
public sealed class RequestJourneyTests(BrowserFixture service) : BrowserTest(service)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AskSupportQuestionAnswerRefuseReopenRelease(bool javaScript)
    {
        var requester = await Service.CreatePersonAsync(name: "Rosa Requester");
        var supporter = await Service.CreatePersonAsync(name: "Sunil Supporter");
        var publisher = await Service.CreatePersonAsync(Roles.Publisher, "department-for-transport", twoFactor: true, name: "Pat Publisher");
        var title = $"Cycle lane widths on A roads {(javaScript ? "with" : "without")} script";

        // The requester asks, one question a page.
        var asking = await SignedInPageAsync(requester, javaScript);
        await asking.GotoAsync("/requests");
        await asking.AssertAccessibleAsync();
        await asking.GetByRole(AriaRole.Link, new() { Name = "Ask for data" }).ClickToNavigateAsync();
        await asking.AssertAccessibleAsync();
        await asking.GetByLabel("Give your request a short title").FillAsync(title);
        await asking.GetByLabel("Describe the data").FillAsync("Width of every marked cycle lane, by road and section.");
        await Continue(asking);
        if (asking.Url.EndsWith("/similar", StringComparison.Ordinal))
        {
            await asking.AssertAccessibleAsync();
            await asking.GetByRole(AriaRole.Button, new() { Name = "My request is different: continue" }).ClickToNavigateAsync();
        }
        await asking.GetByLabel("Who do you think holds the data?").SelectOptionAsync("department-for-transport");
        await asking.AssertAccessibleAsync();
        await Continue(asking);
        await asking.GetByLabel("Transport").CheckAsync();
        await asking.AssertAccessibleAsync();
        await Continue(asking);
        await asking.GetByLabel("Community or charity work").CheckAsync();
        await asking.AssertAccessibleAsync();
        await Continue(asking);
        await asking.AssertAccessibleAsync();
        await Continue(asking);
        await asking.GetByLabel("No, an ordinary request").CheckAsync();
        await asking.AssertAccessibleAsync();
        await Continue(asking);
        await asking.GetByLabel("No, make it public").CheckAsync();
        await asking.AssertAccessibleAsync();
        await Continue(asking);
        Assert.Contains("Check your request", await asking.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
        await asking.AssertAccessibleAsync();
        await asking.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickToNavigateAsync();
        Assert.Equal("Request sent", (await asking.Locator("h1").TextContentAsync())?.Trim());
        await asking.AssertAccessibleAsync();
        var id = int.Parse(asking.Url.Split('/')[^1]);

        // A second person needs it too.
        var supporting = await SignedInPageAsync(supporter, javaScript);
        await supporting.GotoAsync($"/requests/{id}");
        await supporting.AssertAccessibleAsync();
        await supporting.GetByLabel("What would you use it for? (optional)").FillAsync("Campaigning for safer junctions");
        await supporting.GetByRole(AriaRole.Button, new() { Name = "I need this too" }).ClickToNavigateAsync();
        Assert.Equal("1 person needs this", (await supporting.Locator("#support").TextContentAsync())?.Trim());
        await supporting.AssertAccessibleAsync();

        // The publisher asks a question: the clock stops.
        var managing = await SignedInPageAsync(publisher, javaScript);
        await managing.GotoAsync($"/requests/{id}/manage");
        await managing.AssertAccessibleAsync();
        await managing.GetByRole(AriaRole.Link, new() { Name = "Start reviewing it" }).ClickToNavigateAsync();
        await managing.AssertAccessibleAsync();
        await managing.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickToNavigateAsync();
        await managing.GotoAsync($"/requests/{id}/manage");
        await managing.GetByRole(AriaRole.Link, new() { Name = "Ask the requester a question" }).ClickToNavigateAsync();
        await managing.AssertAccessibleAsync();
        await managing.GetByLabel("Ask the requester a question").FillAsync("Do you need junctions as well as straight sections?");
        await managing.GetByRole(AriaRole.Button, new() { Name = "Send question" }).ClickToNavigateAsync();
        Assert.Contains("Clock paused", await managing.Locator("#due").TextContentAsync(), StringComparison.Ordinal);

        // The requester answers: the clock restarts.
        await asking.GotoAsync($"/requests/{id}");
        await asking.AssertAccessibleAsync();
        await asking.GetByRole(AriaRole.Link, new() { Name = "Answer the question" }).ClickToNavigateAsync();
        await asking.AssertAccessibleAsync();
        await asking.GetByLabel("Your answer").FillAsync("Yes, junctions too please.");
        await asking.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickToNavigateAsync();
        Assert.DoesNotContain("Clock paused", await asking.Locator("#due").TextContentAsync(), StringComparison.Ordinal);

        // Refused, with a reason and the complaint route.
        await managing.GotoAsync($"/requests/{id}/manage/close");
        await managing.AssertAccessibleAsync();
        await managing.GetByLabel("Refused").CheckAsync();
        await managing.GetByLabel("It would cost more than the cost limit").CheckAsync();
        await managing.GetByLabel("Explanation for the requester").FillAsync("Measuring every lane would exceed the cost limit.");
        await managing.GetByRole(AriaRole.Button, new() { Name = "Close request" }).ClickToNavigateAsync();
        Assert.Contains("programme team", await managing.Locator("#complaint-route").TextContentAsync(), StringComparison.Ordinal);
        await managing.AssertAccessibleAsync();

        // Reopened, then released with a link.
        await managing.GotoAsync($"/requests/{id}/manage/reopen");
        await managing.GetByLabel("Why is it being reopened?").FillAsync("We found the survey data after all.");
        await managing.GetByRole(AriaRole.Button, new() { Name = "Reopen request" }).ClickToNavigateAsync();
        await managing.GotoAsync($"/requests/{id}/manage/close");
        await managing.GetByLabel("Data released").CheckAsync();
        await managing.GetByLabel("Or, if it is published outside the catalogue, its address").FillAsync("https://www.data.gov.uk/dataset/cycle-lane-widths");
        await managing.GetByRole(AriaRole.Button, new() { Name = "Close request" }).ClickToNavigateAsync();
        Assert.Equal("https://www.data.gov.uk/dataset/cycle-lane-widths", await managing.Locator("#outcome a").GetAttributeAsync("href"));
        await managing.AssertAccessibleAsync();

        // The right emails, and nobody hears about what they did themselves.
        await Service.DrainOutboxAsync();
        Assert.Equal(["Review started", "Question for the requester", "Closed", "Reopened", "Closed"], Subjects(requester));
        Assert.Equal(["Review started", "Question for the requester", "Requester answered", "Closed", "Reopened", "Closed"], Subjects(supporter));
        Assert.Empty(Service.Mail.To(publisher.Email));
    }

    /// <summary>What each email to <paramref name="person"/> was about, in the order they were sent.</summary>
    private string[] Subjects(Person person) => [.. Service.Mail.To(person.Email).Select(m => (m.Subject ?? "").Split(':')[0])];

    private static Task Continue(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickToNavigateAsync();
}
