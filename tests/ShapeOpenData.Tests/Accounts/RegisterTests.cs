using Microsoft.EntityFrameworkCore;

namespace ShapeOpenData.Tests.Accounts;

[Collection(SharedService.People)]
public sealed class RegisterTests(ServiceFactory service)
{
    private static string NewEmail() => $"new-{Guid.NewGuid():N}@example.com";

    private static (string, string)[] Answers(string email, string name = "Nadia Newcomer", string password = ServiceFactory.Password) =>
        [("DisplayName", name), ("Email", email), ("Password", password), ("Sector", "civil_society")];

    [Fact]
    public async Task Post_WhenEverythingMissing_ShowsEachErrorLinkedToItsField()
    {
        var session = service.NewSession();
        var page = await session.SubmitAsync(await session.GetAsync("/account/register"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(
            [
                ("Enter the name to show with what you post", "DisplayName"), ("Enter an email address", "Email"),
                ("Enter a password", "Password"), ("Select who you are using data for", "Sector"),
            ],
            page.Errors);
        Assert.All(page.Errors, error => Assert.NotNull(page.Document.GetElementById(error.Target!)));
        Assert.Equal("Enter an email address", page.FieldError("Email"));
    }

    [Theory]
    [InlineData("not-an-email", "Enter an email address in the correct format, like name@example.com")]
    [InlineData("name@localhost", "Enter an email address in the correct format, like name@example.com")]
    public async Task Post_WhenEmailMalformed_SaysSo(string email, string message)
    {
        var session = service.NewSession();
        var page = await session.SubmitAsync(await session.GetAsync("/account/register"), Answers(email));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(message, page.FieldError("Email"));
        Assert.Equal(email, page.Document.GetElementById("Email")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Post_WhenPasswordTooShort_SaysHowLongItMustBe()
    {
        var session = service.NewSession();
        var page = await session.SubmitAsync(await session.GetAsync("/account/register"), Answers(NewEmail(), password: "short"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Password must be 10 characters or more", page.FieldError("Password"));
        Assert.Null(page.Document.GetElementById("Password")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Post_WhenValid_EmailsALinkThatConfirmsTheAccount()
    {
        var email = NewEmail();
        var session = service.NewSession();

        var sent = await session.SubmitAsync(await session.GetAsync("/account/register"), Answers(email));
        Assert.Equal("/account/check-email?reason=confirm", sent.Url);
        Assert.Equal("Check your email", sent.Heading);

        var message = await service.Mail.WaitForAsync(email, "Confirm your email address");
        var link = MailCatcher.LinkIn(message);

        var refused = await session.SubmitAsync(await session.GetAsync("/account/sign-in"), ("Email", email), ("Password", ServiceFactory.Password));
        // The page says what it says to a wrong password: whether an address is confirmed is nobody else's business.
        Assert.Equal("Enter a correct email address and password", refused.FieldError("Email"));

        var confirm = await session.GetAsync(link);
        Assert.Equal("Confirm your email address", confirm.Heading);
        var confirmed = await session.SubmitAsync(confirm);
        Assert.Equal("Email address confirmed", confirmed.Heading);

        var signedIn = await session.SubmitAsync(await session.GetAsync("/account/sign-in"), ("Email", email), ("Password", ServiceFactory.Password));
        Assert.Equal("/", signedIn.Url);
        var account = await session.GetAsync("/account");
        Assert.Contains("Nadia Newcomer", account.Text, StringComparison.Ordinal);
        Assert.Contains("Civil society", account.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmEmail_WithAWrongCode_SaysTheLinkHasExpired()
    {
        var person = await service.CreatePersonAsync();
        var session = service.NewSession();
        var page = await session.SubmitAsync(await session.GetAsync($"/account/confirm-email?userId={person.Id}&code=nonsense"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("This link has expired or has already been used", page.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WhenEmailAlreadyRegistered_SaysTheSameAndTellsTheOwner()
    {
        var owner = await service.CreatePersonAsync();
        var session = service.NewSession();

        var page = await session.SubmitAsync(await session.GetAsync("/account/register"), Answers(owner.Email.ToUpperInvariant(), name: "Someone else"));

        Assert.Equal("/account/check-email?reason=confirm", page.Url);
        await service.Mail.WaitForAsync(owner.Email, "You already have");
        var normalised = owner.Email.ToUpperInvariant();
        Assert.Equal(1, await service.WithDatabaseAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == normalised)));
    }

    [Fact]
    public async Task Post_WithoutTheAntiforgeryToken_IsRefused()
    {
        using var form = new FormUrlEncodedContent(Answers(NewEmail()).Select(a => new KeyValuePair<string, string>(a.Item1, a.Item2)));
        var response = await service.NewSession().Http.PostAsync("/account/register", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("There is a problem with the request", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_InAName_IsShownAsText()
    {
        var person = await service.CreatePersonAsync(name: "<script>alert('x')</script><b>bold</b>");
        var session = service.NewSession();
        await session.SignInAsync(person);

        var page = await session.GetAsync("/account");

        Assert.Contains("<script>alert('x')</script><b>bold</b>", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("main script"));
        Assert.Null(page.Document.QuerySelector("main b"));
    }
}
