namespace ShapeOpenData.Tests.Accounts;

[Collection(SharedService.People)]
public sealed class PasswordTests(ServiceFactory service)
{
    private const string NewPassword = "a brand new long password";

    [Fact]
    public async Task ForgottenPassword_EmailsALinkThatSetsANewPassword()
    {
        var person = await service.CreatePersonAsync();
        var session = service.NewSession();

        var sent = await session.SubmitAsync(await session.GetAsync("/account/forgotten-password"), ("Email", person.Email));
        Assert.Equal("/account/check-email?reason=reset", sent.Url);

        var link = MailCatcher.LinkIn(await service.Mail.WaitForAsync(person.Email, "Reset your"));
        var reset = await session.SubmitAsync(await session.GetAsync(link), ("Password", NewPassword));
        Assert.Equal("Your password has been changed. Sign in with your new password", reset.Flash);

        Assert.Equal(HttpStatusCode.BadRequest, (await service.NewSession().SignInAsync(person)).Status);
        Assert.Equal("/", (await service.NewSession().SignInAsync(person, NewPassword)).Url);

        var reused = await session.SubmitAsync(await session.GetAsync(link), ("Password", "yet another long password"));
        Assert.Equal(HttpStatusCode.BadRequest, reused.Status);
    }

    [Fact]
    public async Task ForgottenPassword_ForAnUnknownAddress_SaysTheSameAndSendsNothing()
    {
        var session = service.NewSession();
        var email = $"unknown-{Guid.NewGuid():N}@example.com";

        var page = await session.SubmitAsync(await session.GetAsync("/account/forgotten-password"), ("Email", email));

        Assert.Equal("/account/check-email?reason=reset", page.Url);
        Assert.Empty(service.Mail.To(email));
    }

    [Fact]
    public async Task ResetPassword_WithAShortPassword_SaysHowLong()
    {
        var person = await service.CreatePersonAsync();
        var session = service.NewSession();
        await session.SubmitAsync(await session.GetAsync("/account/forgotten-password"), ("Email", person.Email));
        var link = MailCatcher.LinkIn(await service.Mail.WaitForAsync(person.Email, "Reset your"));

        var page = await session.SubmitAsync(await session.GetAsync(link), ("Password", "short"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Password must be 10 characters or more", page.FieldError("Password"));
    }

    [Fact]
    public async Task ChangePassword_NeedsTheCurrentOne()
    {
        var person = await service.CreatePersonAsync();
        var session = service.NewSession();
        await session.SignInAsync(person);
        var form = await session.GetAsync("/account/change-password");

        var wrong = await session.SubmitAsync(form, ("CurrentPassword", "not my password"), ("Password", NewPassword));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal("Your current password is not right", wrong.FieldError("CurrentPassword"));

        var changed = await session.SubmitAsync(form, ("CurrentPassword", ServiceFactory.Password), ("Password", NewPassword));
        Assert.Equal("Your password has been changed", changed.Flash);
        Assert.Equal("/", (await service.NewSession().SignInAsync(person, NewPassword)).Url);
    }
}
