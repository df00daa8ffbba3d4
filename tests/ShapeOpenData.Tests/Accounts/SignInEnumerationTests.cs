using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ShapeOpenData.Tests.Accounts;

/// <summary>
/// Someone trying addresses at the sign-in page learns nothing from its answer: a locked-out account, an account
/// whose address is not confirmed and a wrong password look the same. The real owner hears by email, through the
/// outbox, after the answer.
/// </summary>
[Trait("Databases", "one")]
[Collection(SharedService.People)]
public sealed class SignInEnumerationTests(ServiceFactory service)
{
    private static async Task<WebPage> SignInAsync(WebSession session, string email, string password) =>
        await session.SubmitAsync(await session.GetAsync("/account/sign-in"), ("Email", email), ("Password", password));

    private async Task<Person> LockedOutAsync()
    {
        var person = await service.CreatePersonAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInAsync(service.NewSession(), person.Email, "wrong password");
        }
        return person;
    }

    private async Task<Person> UnconfirmedAsync()
    {
        var email = $"unconfirmed-{Guid.NewGuid():N}@example.com";
        var id = await service.WithServicesAsync(async s =>
        {
            var user = new User { UserName = email, Email = email, DisplayName = "Not Yet Confirmed", CreatedAt = DateTime.UtcNow };
            Assert.True((await s.GetRequiredService<UserManager<User>>().CreateAsync(user, ServiceFactory.Password)).Succeeded);
            return user.Id;
        });
        return new Person(id, email, "Not Yet Confirmed", null);
    }

    [Fact]
    public async Task LockedOut_Unconfirmed_AndAWrongPassword_GiveTheSamePage()
    {
        var wrong = await SignInAsync(service.NewSession(), (await service.CreatePersonAsync()).Email, "wrong password");
        var locked = await SignInAsync(service.NewSession(), (await LockedOutAsync()).Email, ServiceFactory.Password);
        var unconfirmed = await SignInAsync(service.NewSession(), (await UnconfirmedAsync()).Email, ServiceFactory.Password);
        var nobody = await SignInAsync(service.NewSession(), $"nobody-{Guid.NewGuid():N}@example.com", ServiceFactory.Password);

        foreach (var page in new[] { locked, unconfirmed, nobody })
        {
            Assert.Equal(wrong.Status, page.Status);
            Assert.Equal(wrong.Url, page.Url);
            Assert.Equal(wrong.Title, page.Title);
            Assert.Equal(wrong.Errors, page.Errors);
            Assert.Equal(wrong.FieldError("Email"), page.FieldError("Email"));
            Assert.Equal(wrong.Text, page.Text);
        }
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal("Enter a correct email address and password", wrong.FieldError("Email"));
    }

    [Fact]
    public async Task ALockedOutAccount_IsToldByEmail_ThroughTheOutbox()
    {
        var person = await LockedOutAsync();

        Assert.True(await service.WithDatabaseAsync(db => db.OutboxEmails.AnyAsync(m => m.UserId == person.Id)));
        var notice = await service.Mail.WaitForAsync(person.Email, "Your Shape open data account is locked");
        Assert.Contains("/account/forgotten-password", notice.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigningInUnconfirmed_SendsAReminderThroughTheOutbox_OnceAnHourAtMost()
    {
        var person = await UnconfirmedAsync();

        await SignInAsync(service.NewSession(), person.Email, ServiceFactory.Password);
        await SignInAsync(service.NewSession(), person.Email, ServiceFactory.Password);

        Assert.Equal(1, await service.WithDatabaseAsync(db => db.OutboxEmails.CountAsync(m => m.UserId == person.Id)));
        var reminder = await service.Mail.WaitForAsync(person.Email, "confirm your email address first");
        Assert.Contains("/account/resend-confirmation", reminder.TextBody, StringComparison.Ordinal);
    }
}
