namespace ShapeOpenData.Tests.Accounts;

/// <summary>Sessions are checked against the account every minute; what the person does themselves keeps theirs open.</summary>
public sealed class SessionTests(ClockedServiceFactory service) : IClassFixture<ClockedServiceFactory>
{
    [Fact]
    public async Task OpeningTheTwoFactorSetUp_KeepsThePersonSignedIn_PastTheNextCheck()
    {
        var session = service.NewSession();
        await session.SignInAsync(await service.CreatePersonAsync());

        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/account/two-factor/set-up")).Status);
        service.Clock.Advance(TimeSpan.FromMinutes(2));

        var account = await session.GetAsync("/account");
        Assert.Equal("/account", account.Url);
        Assert.Equal("Your account", account.Heading);
    }
}
