using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.BrowserTests;

/// <summary>
/// Moderation in Chromium, with and without JavaScript: three people report a comment from beside it and it is hidden;
/// a moderator keeps it hidden from the queue; its author reads why and asks for a review; a second moderator overturns
/// the decision; the public log shows it; the moderator blocks someone else for a day. axe-core checks every page.
/// </summary>
public sealed class ModerationJourneyTests(BrowserFixture service) : BrowserTest(service)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReportHideReviewOverturnLogAndBlock(bool javaScript)
    {
        var words = $"Everyone here is an idiot ({(javaScript ? "with" : "without")} script)";
        var requestId = await Service.SubmitRequestAsync(await Service.CreatePersonAsync());
        var author = await Service.CreatePersonAsync(name: "Rory Rude");

        var writing = await SignedInPageAsync(author, javaScript);
        await writing.GotoAsync($"/requests/{requestId}");
        await writing.GetByLabel("Add a comment").FillAsync(words);
        await writing.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickToNavigateAsync();
        var commentId = await Service.WithDatabaseAsync(db => db.Comments.Where(c => c.TargetId == requestId).Select(c => c.Id).SingleAsync());

        // Three people report it from beside it; the first meets the form's error, the third sees it hidden.
        foreach (var (reason, index) in new[] { "Abusive or offensive", "Abusive or offensive", "Off topic" }.Select((r, i) => (r, i)))
        {
            var reporter = await SignedInPageAsync(await Service.CreatePersonAsync(), javaScript);
            await reporter.GotoAsync($"/requests/{requestId}");
            await reporter.Locator($"#comment-{commentId}").GetByRole(AriaRole.Link, new() { Name = "Report comment by Rory Rude" }).ClickToNavigateAsync();
            if (index == 0)
            {
                await reporter.AssertAccessibleAsync();
                await reporter.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickToNavigateAsync();
                await Assertions.Expect(reporter.Locator(".govuk-error-summary")).ToContainTextAsync("Select what is wrong with it");
                await reporter.AssertAccessibleAsync(System.Net.HttpStatusCode.BadRequest);
            }
            await reporter.GetByLabel(reason, new() { Exact = true }).CheckAsync();
            await reporter.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickToNavigateAsync();
            await Assertions.Expect(reporter.Locator(".govuk-notification-banner--success")).ToContainTextAsync(index < 2 ? "A moderator will look at your report" : "it is hidden until a moderator looks at it");
        }
        var anyone = await NewPageAsync(javaScript);
        await anyone.GotoAsync($"/requests/{requestId}");
        await Assertions.Expect(anyone.Locator($"#comment-{commentId}")).ToContainTextAsync("Hidden by a moderator: Abusive or offensive");
        await Assertions.Expect(anyone.Locator($"#comment-{commentId}")).Not.ToContainTextAsync(words);
        await anyone.AssertAccessibleAsync();

        // A moderator keeps it hidden, from the queue.
        var moderating = await SignedInPageAsync(await Service.CreatePersonAsync(Roles.Moderator, twoFactor: true, name: "Mo First"), javaScript);
        await moderating.GotoAsync("/");
        await moderating.GetByRole(AriaRole.Link, new() { Name = "Moderation", Exact = true }).ClickToNavigateAsync();
        await moderating.AssertAccessibleAsync();
        var entry = moderating.Locator("section.sod-queue-entry", new() { Has = moderating.Locator($"#entry-comment-{commentId}") });
        await Assertions.Expect(entry).ToContainTextAsync(words);
        await entry.GetByLabel("Keep it hidden, because").SelectOptionAsync(new SelectOptionValue { Label = "Abusive or offensive" });
        await entry.GetByRole(AriaRole.Button, new() { Name = "Keep hidden" }).ClickToNavigateAsync();
        await Assertions.Expect(moderating.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Hidden.");

        // Its author reads why, and asks for a review.
        await writing.GotoAsync($"/requests/{requestId}");
        await writing.GetByRole(AriaRole.Link, new() { Name = "What this means and how to ask for a review" }).ClickToNavigateAsync();
        await writing.AssertAccessibleAsync();
        await writing.GetByLabel("Why should the decision change?").FillAsync("I was quoting someone else.");
        await writing.GetByRole(AriaRole.Button, new() { Name = "Ask for a review" }).ClickToNavigateAsync();
        await Assertions.Expect(writing.Locator(".govuk-notification-banner--success")).ToContainTextAsync("A different moderator will review the decision");
        await writing.AssertAccessibleAsync();

        // A second moderator overturns it.
        var second = await SignedInPageAsync(await Service.CreatePersonAsync(Roles.Moderator, twoFactor: true, name: "Mo Second"), javaScript);
        await second.GotoAsync("/moderation?state=review");
        await second.GetByRole(AriaRole.Link, new() { Name = $"Comment on" }).First.ClickToNavigateAsync();
        await second.AssertAccessibleAsync();
        await second.GetByLabel("No, restore the content").CheckAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "Decide the review" }).ClickToNavigateAsync();
        await Assertions.Expect(second.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Decision overturned");
        await anyone.GotoAsync($"/requests/{requestId}");
        await Assertions.Expect(anyone.Locator($"#comment-{commentId}")).ToContainTextAsync(words);

        // The log shows it; the moderator blocks the author for a day, meeting the form's error first.
        await anyone.GotoAsync("/");
        await anyone.GetByRole(AriaRole.Link, new() { Name = "Moderation log" }).ClickToNavigateAsync();
        await Assertions.Expect(anyone.Locator("tbody")).ToContainTextAsync("Review: decision overturned");
        await anyone.AssertAccessibleAsync();
        await moderating.GotoAsync($"/moderation/items/comment/{commentId}");
        await moderating.AssertAccessibleAsync();
        await moderating.GetByRole(AriaRole.Button, new() { Name = "Block Rory Rude" }).ClickToNavigateAsync();
        await Assertions.Expect(moderating.Locator(".govuk-error-summary")).ToContainTextAsync("Select how long to block them for");
        await moderating.AssertAccessibleAsync(System.Net.HttpStatusCode.BadRequest);
        await moderating.GetByLabel("1 day").CheckAsync();
        await moderating.GetByLabel("Why are you blocking them?").SelectOptionAsync(new SelectOptionValue { Label = "Abusive or offensive" });
        await moderating.GetByRole(AriaRole.Button, new() { Name = "Block Rory Rude" }).ClickToNavigateAsync();
        await Assertions.Expect(moderating.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Rory Rude is blocked");

        await writing.GotoAsync($"/requests/{requestId}");
        await writing.GetByLabel("Add a comment").FillAsync("Still here");
        await writing.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickToNavigateAsync();
        await Assertions.Expect(writing.Locator("h1")).ToHaveTextAsync("Your account is blocked");
        await writing.AssertAccessibleAsync(System.Net.HttpStatusCode.Forbidden);
    }
}
