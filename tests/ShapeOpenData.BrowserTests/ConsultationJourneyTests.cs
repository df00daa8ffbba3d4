using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ShapeOpenData.Modules.Consultations;
using ShapeOpenData.Modules.Consultations.Statements;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Tests.Consultations;

namespace ShapeOpenData.BrowserTests;

/// <summary>
/// A consultation's life in Chromium on a phone-sized window, with and without JavaScript: the programme team drafts
/// it with two sections and a survey, and opens it; three people comment on its sections (one quoting a passage),
/// answer the survey each with a different consent, add statements and vote; the groups appear and one of them sees
/// which group they are in; the team closes it, publishes a new version and the outcome, and a follower is emailed at
/// each step. The survey's public export holds only what each person consented to. axe-core checks the pages.
/// </summary>
public sealed class ConsultationJourneyTests(BrowserFixture service) : BrowserTest(service)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DraftOpenRespondVoteGroupsCloseVersionAndOutcome(bool javaScript)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var slug = $"ethics-{suffix}";
        var title = $"A draft data ethics framework {suffix}";
        var programme = await Service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true, name: "Pat Programme");
        var (first, second, third) = (await Service.CreatePersonAsync(name: "Fran First"), await Service.CreatePersonAsync(name: "Sol Second"),
            await Service.CreatePersonAsync(name: "Tam Third"));

        // The programme team drafts the consultation, its document and its survey, and opens it.
        var team = await SignedInPageAsync(programme, javaScript, phone: true);
        await team.GotoAsync("/consultations/new");
        await team.AssertAccessibleAsync();
        await team.GetByLabel("Title").FillAsync(title);
        await team.GetByLabel("Short name for web addresses").FillAsync(slug);
        await team.GetByLabel("What are you asking, and why?").FillAsync("How should public bodies **use data** ethically?");
        await team.GetByLabel("Which organisation owns it?").SelectOptionAsync(TestConsultations.Owner);
        var closes = DateTime.UtcNow.AddDays(30);
        await team.GetByLabel("Day").FillAsync($"{closes.Day}");
        await team.GetByLabel("Month").FillAsync($"{closes.Month}");
        await team.GetByLabel("Year").FillAsync($"{closes.Year}");
        await team.GetByLabel("Shown at once").CheckAsync();
        await team.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickToNavigateAsync();
        Assert.EndsWith($"/consultations/{slug}/manage", team.Url, StringComparison.Ordinal);
        await team.AssertAccessibleAsync();
        foreach (var (heading, body) in new[]
                 {
                     ("Transparency", "Tell people how their data is used, and publish what you do with it."),
                     ("Accountability", "Name who answers for each use of data, and how to complain."),
                 })
        {
            await team.GetByRole(AriaRole.Link, new() { Name = "Add a section" }).ClickToNavigateAsync();
            await team.GetByLabel("Heading").FillAsync(heading);
            await team.GetByLabel("Text", new() { Exact = true }).FillAsync(body);
            await team.GetByRole(AriaRole.Button, new() { Name = "Save section" }).ClickToNavigateAsync();
        }
        await team.GotoAsync($"/consultations/{slug}/survey/questions/new");
        await team.AssertAccessibleAsync();
        await team.GetByLabel("Question").FillAsync("How do you use public data?");
        await team.GetByLabel("Free text").CheckAsync();
        await team.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await team.GetByRole(AriaRole.Button, new() { Name = "Save question" }).ClickToNavigateAsync();
        await team.GotoAsync($"/consultations/{slug}/survey/questions/new");
        await team.GetByLabel("Question").FillAsync("Which principle matters most?");
        await team.GetByLabel("One choice").CheckAsync();
        await team.GetByLabel("Choices", new() { Exact = true }).FillAsync("Transparency\nAccountability");
        await team.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await team.GetByRole(AriaRole.Button, new() { Name = "Save question" }).ClickToNavigateAsync();
        await team.GotoAsync($"/consultations/{slug}/manage");
        await team.GetByRole(AriaRole.Button, new() { Name = "Open the consultation" }).ClickToNavigateAsync();
        Assert.EndsWith($"/consultations/{slug}", team.Url, StringComparison.Ordinal);
        await team.AssertAccessibleAsync();

        // Three people comment, answer the survey and add statements; the first follows the consultation.
        var people = new[] { (first, "Yes, with my name", "transparency-first"), (second, "Yes, without my name", "unnamed-answer"), (third, "No, do not publish my answers", "private-answer") };
        var pages = new List<IPage>();
        for (var i = 0; i < people.Length; i++)
        {
            var (person, consent, answer) = people[i];
            var page = await SignedInPageAsync(person, javaScript, phone: true);
            pages.Add(page);
            await page.GotoAsync($"/consultations/{slug}");
            if (i == 0)
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Follow this consultation" }).ClickToNavigateAsync();
            }
            await page.Locator($"main a[href$='/versions/1/sections/{(i == 1 ? 2 : 1)}']").ClickToNavigateAsync();
            await page.GetByLabel("Add a comment").FillAsync($"Comment {i + 1}: this needs examples.");
            if (i == 0)
            {
                await page.GetByLabel("Quote a passage (optional)").FillAsync("publish what you do with it");
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickToNavigateAsync();
            Assert.Contains($"Comment {i + 1}: this needs examples.", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
            if (i == 0)
            {
                Assert.Equal("publish what you do with it", (await page.Locator(".sod-comment blockquote").First.TextContentAsync())!.Trim());
                await page.AssertAccessibleAsync();
            }

            await page.GotoAsync($"/consultations/{slug}/respond");
            if (i == 0) await page.AssertAccessibleAsync();
            await page.GetByLabel("1. How do you use public data?").FillAsync($"My {answer} about data");
            await page.GetByLabel("Transparency", new() { Exact = true }).CheckAsync();
            await page.GetByLabel(consent).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickToNavigateAsync();
            Assert.Equal("Thank you: your answers have been saved", (await page.Locator(".govuk-notification-banner__heading").TextContentAsync())!.Trim());

            await page.GotoAsync($"/consultations/{slug}/statements");
            await page.GetByLabel("Your statement").FillAsync(i == 2 ? "Keep data use decisions with ministers" : $"Publish every data use, says person {i + 1}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add statement" }).ClickToNavigateAsync();
        }

        // Others have voted too, in two camps; the third person votes on every statement, with the first camp.
        var consultation = await Service.WithDatabaseAsync(db => db.Consultations.SingleAsync(c => c.Slug == slug));
        for (var n = 1; n <= 6; n++)
        {
            await Service.SubmitStatementAsync(programme, slug, n % 2 == 0 ? $"Publish the data ethics assessments, part {n}" : $"Keep assessments internal, part {n}");
        }
        var statements = await Service.WithDatabaseAsync(db => db.Statements.Where(s => s.ConsultationId == consultation.Id).ToListAsync());
        for (var v = 0; v < 24; v++)
        {
            var voter = await Service.CreatePersonAsync(withPassword: false);
            foreach (var statement in statements)
            {
                var publishing = statement.Text.StartsWith("Publish", StringComparison.Ordinal);
                await Service.VoteAsync(voter, slug, statement.Id, publishing == (v % 2 == 0) ? VoteChoice.Agree : VoteChoice.Disagree);
            }
        }
        var voting = pages[2];
        await voting.GotoAsync($"/consultations/{slug}/statements");
        await voting.AssertAccessibleAsync();
        for (var n = 0; n < statements.Count; n++)
        {
            var offered = (await voting.Locator("#offered-text").TextContentAsync())!;
            await voting.GetByRole(AriaRole.Button, new() { Name = offered.StartsWith("Publish", StringComparison.Ordinal) ? "Agree" : "Disagree", Exact = true }).ClickToNavigateAsync();
        }
        Assert.Equal("You have voted on every statement", (await voting.Locator("#vote-heading").TextContentAsync())!.Trim());
        await Service.WithServicesAsync(s => s.GetRequiredService<OpinionGroupComputation>().RecomputeAsync(consultation.Id, force: true, CancellationToken.None));
        await voting.GotoAsync($"/consultations/{slug}/groups");
        Assert.Matches("You are in group [A-E]", (await voting.Locator("#your-group").TextContentAsync())!);
        Assert.Equal(2, await voting.Locator("#group-sizes tbody tr").CountAsync());
        await voting.AssertAccessibleAsync();

        // The team closes it, publishes a new version of the document and the outcome; the follower hears of each.
        await team.GotoAsync($"/consultations/{slug}/manage");
        await team.GetByRole(AriaRole.Button, new() { Name = "Close the consultation now" }).ClickToNavigateAsync();
        await Service.Mail.WaitForAsync(first.Email, $"Consultation closed: {title}");
        await team.GotoAsync($"/consultations/{slug}/versions/new");
        await team.AssertAccessibleAsync();
        await team.Locator("#Sections-0-Body").FillAsync("Tell people how their data is used, publish what you do with it, and publish every assessment.");
        await team.GetByLabel("What changed in this version?").FillAsync("Transparency now covers assessments.");
        await team.GetByRole(AriaRole.Button, new() { Name = "Publish version 2" }).ClickToNavigateAsync();
        await Service.Mail.WaitForAsync(first.Email, $"New version of {title}");
        await team.GotoAsync($"/consultations/{slug}/versions/compare?from=1&to=2");
        Assert.Contains("every assessment", string.Concat(await team.Locator("main ins").AllTextContentsAsync()), StringComparison.Ordinal);
        await team.AssertAccessibleAsync();
        await team.GotoAsync($"/consultations/{slug}/outcome/new");
        await team.AssertAccessibleAsync();
        await team.GetByLabel("You said").FillAsync("Most of you want assessments published.");
        await team.GetByLabel("We did").FillAsync("We now publish every assessment.");
        await team.Locator("#Changes-0-Text").FillAsync("Assessments are published");
        await team.Locator("#Changes-0-Version").SelectOptionAsync("2");
        await team.GetByRole(AriaRole.Button, new() { Name = "Publish the outcome" }).ClickToNavigateAsync();
        Assert.EndsWith($"/consultations/{slug}/outcome", team.Url, StringComparison.Ordinal);
        var outcome = (await team.Locator("main").TextContentAsync())!;
        Assert.Contains("We now publish every assessment.", outcome, StringComparison.Ordinal);
        Assert.Contains("3 responses", outcome, StringComparison.Ordinal);
        Assert.Contains("Transparency: 3 (100%)", outcome, StringComparison.Ordinal);
        Assert.Equal($"/consultations/{slug}/versions/2", await team.GetByRole(AriaRole.Link, new() { Name = "version 2 of the document" }).GetAttributeAsync("href"));
        await team.AssertAccessibleAsync();
        await Service.Mail.WaitForAsync(first.Email, $"Outcome published: {title}");
        foreach (var path in new[] { "/consultations", $"/consultations/{slug}/survey", $"/consultations/{slug}/versions", $"/consultations/{slug}/versions/2" })
        {
            await team.GotoAsync(path);
            await team.AssertAccessibleAsync();
        }

        // Only what each person agreed to publish is in the public export.
        var export = await (await team.APIRequest.GetAsync($"/consultations/{slug}/export/responses.csv")).TextAsync();
        Assert.Contains("Fran First", export, StringComparison.Ordinal);
        Assert.Contains("My transparency-first about data", export, StringComparison.Ordinal);
        Assert.Contains("My unnamed-answer about data", export, StringComparison.Ordinal);
        Assert.DoesNotContain("Sol Second", export, StringComparison.Ordinal);
        Assert.DoesNotContain("private-answer", export, StringComparison.Ordinal);
    }
}
