using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Accounts;

[Collection(SharedService.People)]
public sealed class TwoFactorTests(ServiceFactory service)
{
    private static string CodeFor(string key) => new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp();

    [Fact]
    public async Task SetUp_WithTheCodeFromTheApp_TurnsItOnAndShowsRecoveryCodes()
    {
        var person = await service.CreatePersonAsync();
        var session = service.NewSession();
        await session.SignInAsync(person);

        var setUp = await session.GetAsync("/account/two-factor/set-up");
        Assert.Equal("Set up two-factor authentication", setUp.Heading);
        Assert.StartsWith("data:image/svg+xml;base64,", setUp.Document.QuerySelector("img.sod-qr-code")?.GetAttribute("src"), StringComparison.Ordinal);
        var key = setUp.Document.GetElementById("setup-key")!.GetAttribute("data-key")!;

        var wrong = await session.SubmitAsync(setUp, ("Code", "123456"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal("The code is not right or has expired. Enter the code your app shows now", wrong.FieldError("Code"));

        var done = await session.SubmitAsync(setUp, ("Code", CodeFor(key)));
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Equal(10, done.Document.QuerySelectorAll("#recovery-codes li").Length);
        Assert.True(await service.WithDatabaseAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));

        // The next sign-in asks for a code.
        var next = service.NewSession();
        var asked = await next.SubmitAsync(await next.GetAsync("/account/sign-in"), ("Email", person.Email), ("Password", ServiceFactory.Password));
        Assert.StartsWith("/account/sign-in/two-factor", asked.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_WithoutTwoFactor_HaveNoStaffPowersUntilTheyTurnItOn()
    {
        var administrator = await service.CreatePersonAsync(Roles.Administrator);
        var session = service.NewSession();
        var home = await session.SignInAsync(administrator);

        Assert.Contains("Your staff permissions are switched off", home.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync("/admin")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync("/organisations/new")).Status);

        var setUp = await session.GetAsync("/account/two-factor/set-up");
        await session.SubmitAsync(setUp, ("Code", CodeFor(setUp.Document.GetElementById("setup-key")!.GetAttribute("data-key")!)));

        var admin = await session.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, admin.Status);
        Assert.DoesNotContain("Your staff permissions are switched off", admin.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TurnOff_AsksForNoCodeAtTheNextSignIn()
    {
        var person = await service.CreatePersonAsync(twoFactor: true);
        var session = service.NewSession();
        await session.SignInAsync(person);

        var page = await session.GetAsync("/account/two-factor");
        var off = await session.SubmitAsync(page, [new("TurnOffPassword", ServiceFactory.Password)], "form[action*=TurnOff]");

        Assert.Equal("Two-factor authentication is off", off.Flash);
        var next = service.NewSession();
        var signedIn = await next.SubmitAsync(await next.GetAsync("/account/sign-in"), ("Email", person.Email), ("Password", ServiceFactory.Password));
        Assert.Equal("/", signedIn.Url);
    }

    [Fact]
    public async Task NewRecoveryCodes_ReplaceTheOldOnes()
    {
        var person = await service.CreatePersonAsync(twoFactor: true);
        var session = service.NewSession();
        await session.SignInAsync(person);

        var page = await session.SubmitAsync(await session.GetAsync("/account/two-factor"), [new("NewCodesPassword", ServiceFactory.Password)], "form[action*=NewRecoveryCodes]");

        Assert.Equal(10, page.Document.QuerySelectorAll("#recovery-codes li").Length);
    }
}
