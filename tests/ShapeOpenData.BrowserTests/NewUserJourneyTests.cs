using Microsoft.Playwright;
using OtpNet;

namespace ShapeOpenData.BrowserTests;

/// <summary>
/// A new user's first visit, in Chromium, with and without JavaScript: register, confirm from the email,
/// sign in, set up two-factor authentication, sign out and back in. axe-core checks every page on the way.
/// </summary>
public sealed class NewUserJourneyTests(BrowserFixture service) : BrowserTest(service)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Register_Confirm_SignIn_SetUpTwoFactor_SignOut(bool javaScript)
    {
        var page = await NewPageAsync(javaScript);
        var email = $"journey-{Guid.NewGuid():N}@example.com";

        await page.GotoAsync("/");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickToNavigateAsync();
        Assert.EndsWith("/account/register", page.Url, StringComparison.Ordinal);
        await page.AssertAccessibleAsync();

        // Sending the form empty shows the GOV.UK error summary, accessible too.
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickToNavigateAsync();
        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal(4, await page.Locator(".govuk-error-summary__list li").CountAsync());
        if (javaScript)
        {
            // GOV.UK Frontend moves focus to the summary so screen readers announce it.
            Assert.True(await page.Locator(".govuk-error-summary").EvaluateAsync<bool>("e => document.activeElement === e"));
        }
        await page.AssertAccessibleAsync(HttpStatusCode.BadRequest);

        await page.GetByLabel("Your name").FillAsync("Jess Journey");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Create a password").FillAsync(ServiceFactory.Password);
        await page.GetByLabel("Academic or research").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickToNavigateAsync();
        Assert.Equal("Check your email", await page.Locator("h1").TextContentAsync());
        await page.AssertAccessibleAsync();

        var confirmation = await Service.Mail.WaitForAsync(email, "Confirm your email address");
        await page.GotoAsync(MailCatcher.LinkIn(confirmation));
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm email address" }).ClickToNavigateAsync();
        Assert.Equal("Email address confirmed", (await page.Locator("h1").TextContentAsync())?.Trim());
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).First.ClickToNavigateAsync();
        await page.AssertAccessibleAsync();
        await SignInAsync(page, email);
        await page.GotoAsync("/account");
        Assert.Contains("Jess Journey", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Set up two-factor authentication" }).ClickToNavigateAsync();
        Assert.EndsWith("/account/two-factor", page.Url, StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up two-factor authentication" }).Or(page.GetByRole(AriaRole.Link, new() { Name = "Set up two-factor authentication" })).Last.ClickToNavigateAsync();
        await page.AssertAccessibleAsync();
        var key = await page.Locator("#setup-key").GetAttributeAsync("data-key");
        await EnterCodeAsync(page, key, "Code from your app", "Turn on two-factor authentication");
        Assert.Equal(10, await page.Locator("#recovery-codes li").CountAsync());
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickToNavigateAsync();
        Assert.Contains("You have signed out", await page.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/account/sign-in");
        await SignInAsync(page, email);
        Assert.Contains("/account/sign-in/two-factor", page.Url, StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
        await EnterCodeAsync(page, key, "Enter your security code", "Continue");
        await page.GotoAsync("/account");
        Assert.Contains("Two-factor authentication", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("On", (await page.Locator(".govuk-summary-list__row", new() { HasText = "Two-factor authentication" }).Locator(".govuk-summary-list__value").TextContentAsync())?.Trim());
    }

    /// <summary>
    /// Types the code an authenticator app would show now. On a heavily loaded machine the code can roll over
    /// between reading the clock and the server checking it; then, as a person would, it enters the next one.
    /// </summary>
    private static async Task EnterCodeAsync(IPage page, string? key, string label, string button)
    {
        var totp = new Totp(Base32Encoding.ToBytes(key));
        for (var attempt = 1; ; attempt++)
        {
            await page.GetByLabel(label).FillAsync(totp.ComputeTotp());
            await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickToNavigateAsync();
            var errors = page.Locator(".govuk-error-summary");
            if (await errors.CountAsync() == 0)
            {
                return;
            }
            var message = await errors.TextContentAsync();
            Assert.True(attempt == 1 && message?.Contains("expired", StringComparison.Ordinal) == true, $"The code was refused: {message}");
        }
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(ServiceFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickToNavigateAsync();
    }
}
