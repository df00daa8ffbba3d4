using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Notifications;

namespace ShapeOpenData.Tests.Notifications;

/// <summary>The demo's people chose differently how to hear from the service, and the first start sends their digests.</summary>
[Collection(DemoContent.Name)]
public sealed class DemoNotificationsTests(DemoServiceFactory service)
{
    private Task<int> IdOfAsync(string person) =>
        service.WithDatabaseAsync(db => db.Users.Where(u => u.Email == $"{person}@{DemoAccounts.Domain}").Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task DemoPeople_HaveVariedChoices_AndTheirDigestsAreSent()
    {
        var choices = await service.WithServicesAsync(async s =>
        {
            var preferences = s.GetRequiredService<Preferences>();
            return new
            {
                Journalist = await preferences.ChoicesAsync(await IdOfAsync("journalist"), CancellationToken.None),
                Charity = await preferences.ChoicesAsync(await IdOfAsync("charity"), CancellationToken.None),
                ResidentOff = await preferences.EmailOffAsync(await IdOfAsync("resident"), CancellationToken.None),
            };
        });
        Assert.All(choices.Journalist.Values, c => Assert.Equal(Choice.Immediately, c));
        Assert.Equal((Choice.Weekly, Choice.Off, Choice.Recommended), (choices.Charity["consultations"], choices.Charity["groups"], choices.Charity["requests"]));
        Assert.True(choices.ResidentOff);

        var digests = await service.WithDatabaseAsync(db => db.OutboxEmails.Where(m => m.Key.StartsWith("digest:"))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Email, m.Subject }).ToListAsync());
        Assert.All(digests, d => Assert.Matches("^Your (daily|weekly) digest: ", d.Subject));
        Assert.Contains(digests, d => d.Email == $"charity@{DemoAccounts.Domain}" && d.Subject.StartsWith("Your weekly digest", StringComparison.Ordinal));
        Assert.DoesNotContain(digests, d => d.Email == $"resident@{DemoAccounts.Domain}" || d.Email == $"journalist@{DemoAccounts.Domain}");
        var daily = digests.First(d => d.Subject.StartsWith("Your daily digest", StringComparison.Ordinal));
        var first = await service.Mail.WaitForAsync(daily.Email!, "Your daily digest");
        Assert.Contains("Everything here is also in your notifications", first.TextBody, StringComparison.Ordinal);
        Assert.NotNull(first.Headers["List-Unsubscribe"]);
    }
}
