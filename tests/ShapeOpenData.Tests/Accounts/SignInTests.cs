namespace ShapeOpenData.Tests.Accounts;

[Collection(SharedService.People)]
public sealed class SignInTests(ServiceFactory service)
{
    private static async Task<WebPage> SignInAsync(WebSession session, string email, string password, string path = "/account/sign-in") =>
        await session.SubmitAsync(await session.GetAsync(path), ("Email", email), ("Password", password));

    [Fact]
    public async Task Post_WithTheRightPassword_SignsIn()
    {
        var person = await service.CreatePersonAsync(name: "Sian Signer");
        var session = service.NewSession();

        var page = await SignInAsync(session, person.Email, ServiceFactory.Password);

        Assert.Equal("/", page.Url);
        Assert.NotNull(page.Document.QuerySelector("form[action='/account/sign-out'] button"));
        Assert.Contains("Sian Signer", (await session.GetAsync("/account")).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrong password here")]
    [InlineData("")]
    public async Task Post_WithAWrongOrMissingPassword_IsRefused(string password)
    {
        var person = await service.CreatePersonAsync();
        var page = await SignInAsync(service.NewSession(), person.Email, password);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.NotEmpty(page.Errors);
    }

    [Fact]
    public async Task Post_ForSomeoneWithoutAnAccount_SaysTheSameAsAWrongPassword()
    {
        var page = await SignInAsync(service.NewSession(), "nobody@example.com", "any password at all");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Enter a correct email address and password", page.FieldError("Email"));
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_WithoutSayingSo()
    {
        var person = await service.CreatePersonAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInAsync(service.NewSession(), person.Email, "wrong password");
        }

        var page = await SignInAsync(service.NewSession(), person.Email, ServiceFactory.Password);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        // Locked out: the page says what it says to a wrong password, so it tells a stranger nothing; the owner is emailed.
        Assert.Equal("Enter a correct email address and password", page.FieldError("Email"));
        Assert.Equal(HttpStatusCode.BadRequest, (await SignInAsync(service.NewSession(), person.Email, ServiceFactory.Password)).Status);
    }

    [Fact]
    public async Task ReturnUrl_TakesYouBackButNeverToAnotherSite()
    {
        var person = await service.CreatePersonAsync();

        var local = await SignInAsync(service.NewSession(), person.Email, ServiceFactory.Password, "/account/sign-in?returnUrl=%2Faccount%2Fprofile");
        Assert.Equal("/account/profile", local.Url);

        var session = service.NewSession(followRedirects: false);
        var page = await session.GetAsync("/account/sign-in?returnUrl=https%3A%2F%2Fevil.example%2F");
        var response = await session.Http.PostAsync("/account/sign-in", new FormUrlEncodedContent(
        [
            new("Email", person.Email), new("Password", ServiceFactory.Password), new("ReturnUrl", "//evil.example/"),
            new("__RequestVerificationToken", page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var person = await service.CreatePersonAsync();
        var session = service.NewSession();
        var home = await SignInAsync(session, person.Email, ServiceFactory.Password);

        var signedOut = await session.SubmitAsync(home, selector: "form[action='/account/sign-out']");

        Assert.Equal("You have signed out", signedOut.Flash);
        Assert.StartsWith("/account/sign-in", (await session.GetAsync("/account")).Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagesForSignedInPeople_SendOthersToSignIn()
    {
        var page = await service.NewSession().GetAsync("/account/profile");

        Assert.Equal("/account/sign-in?returnUrl=%2Faccount%2Fprofile", page.Url);
    }

    [Fact]
    public async Task WithTwoFactor_AskForTheCodeAndAcceptOnlyTheRightOne()
    {
        var person = await service.CreatePersonAsync(twoFactor: true);
        var session = service.NewSession();

        var codePage = await SignInAsync(session, person.Email, ServiceFactory.Password);
        Assert.StartsWith("/account/sign-in/two-factor", codePage.Url, StringComparison.Ordinal);
        Assert.Equal("Enter your security code", codePage.Heading);

        var wrong = await session.SubmitAsync(codePage, ("Code", "000000"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal("The code is not right or has expired. Enter the code your app shows now", wrong.FieldError("Code"));

        var notACode = await session.SubmitAsync(codePage, ("Code", "12ab"));
        Assert.Equal("Enter the 6-digit code from your authenticator app", notACode.FieldError("Code"));

        var signedIn = await session.SubmitAsync(codePage, ("Code", person.CurrentCode()));
        Assert.Equal("/", signedIn.Url);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/account")).Status);
    }

    [Fact]
    public async Task WithTwoFactor_ARecoveryCodeWorksOnce()
    {
        var person = await service.CreatePersonAsync(twoFactor: true);
        var codes = await service.WithServicesAsync(async s =>
        {
            var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ShapeOpenData.Modules.Accounts.User>>();
            return (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByIdAsync(person.Id.ToString()))!, 10))!.ToList();
        });

        var session = service.NewSession();
        await SignInAsync(session, person.Email, ServiceFactory.Password);
        var used = await session.SubmitAsync(await session.GetAsync("/account/sign-in/recovery-code"), ("Code", codes[0]));
        Assert.Equal("You signed in with a recovery code. That code will not work again", used.Flash);

        var again = service.NewSession();
        await SignInAsync(again, person.Email, ServiceFactory.Password);
        var refused = await again.SubmitAsync(await again.GetAsync("/account/sign-in/recovery-code"), ("Code", codes[0]));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("That recovery code is not right or has already been used", refused.FieldError("Code"));
    }
}
