using Microsoft.Playwright;
using ShapeOpenData.Modules.Notifications;

namespace ShapeOpenData.BrowserTests;

/// <summary>
/// Choosing how to hear from the service, in Chromium with and without JavaScript: a person picks a weekly digest for
/// policy updates, unsubscribes from policy updates from an email's link, finds "No email" chosen on their settings and
/// turns it back on; stops all email and turns it back on. axe-core checks every page on the way.
/// </summary>
public sealed class NotificationSettingsJourneyTests(BrowserFixture service) : BrowserTest(service)
{
    private static ILocator Kind(IPage page, string name) => page.GetByRole(AriaRole.Group, new() { Name = name });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ChooseADigest_UnsubscribeFromOneKind_AndTurnItBackOn(bool javaScript)
    {
        var person = await Service.CreatePersonAsync(name: "Sam Settings");
        var page = await SignedInPageAsync(person, javaScript);

        await page.GotoAsync("/account/notifications");
        await page.AssertAccessibleAsync();
        Assert.True(await Kind(page, "Policy updates").GetByLabel("Straight away for what you asked for or take part in, and a daily digest of the rest you follow").IsCheckedAsync());
        await Kind(page, "Policy updates").GetByLabel("Everything in a weekly digest, on Mondays").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save your choices" }).ClickToNavigateAsync();
        Assert.Contains("Your choices are saved", await page.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await Kind(page, "Policy updates").GetByLabel("Everything in a weekly digest, on Mondays").IsCheckedAsync());

        // The link at the foot of an email about a policy update, opened in a mail program's browser (not signed in).
        var link = await Service.WithServicesAsync(s => Task.FromResult(
            s.GetRequiredService<UnsubscribeLinks>().For(person.Id, UnsubscribeLink.KindScope(NotificationKinds.Named("updates")!))));
        var mail = await NewPageAsync(javaScript);
        await mail.GotoAsync(link.PathAndQuery);
        Assert.Contains("Stop emails about policy updates?", await mail.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await mail.AssertAccessibleAsync();
        await mail.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" }).ClickToNavigateAsync();
        Assert.Equal("You have unsubscribed", (await mail.Locator("h1").TextContentAsync())!.Trim());
        await mail.AssertAccessibleAsync();

        await page.GotoAsync("/account/notifications");
        Assert.True(await Kind(page, "Policy updates").GetByLabel("No email").IsCheckedAsync());
        Assert.True(await Kind(page, "Consultations").GetByLabel("Straight away for what you asked for or take part in, and a daily digest of the rest you follow").IsCheckedAsync());
        await Kind(page, "Policy updates").GetByLabel("Everything straight away").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save your choices" }).ClickToNavigateAsync();
        Assert.True(await Kind(page, "Policy updates").GetByLabel("Everything straight away").IsCheckedAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Stop all email" }).ClickToNavigateAsync();
        Assert.Contains("You have stopped all email", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn email back on" }).ClickToNavigateAsync();
        Assert.Contains("We will email you again, as you chose below", await page.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
    }
}
