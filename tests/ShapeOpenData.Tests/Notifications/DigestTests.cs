using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Notifications;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Notifications;

/// <summary>
/// Daily digests, as a new user meets them: what they asked for comes straight away, what they only follow comes once a
/// day at the digest hour (the clock is moved there, not waited for) in one email grouped by item, never with their own
/// actions; everything is also in their notification centre; the digest's unsubscribe link stops only digests.
/// </summary>
public sealed class DigestTests(DigestTests.Factory service) : IClassFixture<DigestTests.Factory>
{
    /// <summary>On a clock the test moves; the service's own digest run stays asleep, so the test's runs are the ones counted.</summary>
    public sealed class Factory : ClockedServiceFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. base.Settings, new("Notifications:DigestPollSeconds", "3600")];
    }

    private static bool IsDigest(MimeMessage m) => (m.Subject ?? "").StartsWith("Your daily digest", StringComparison.Ordinal);

    /// <summary>Moves the clock to a minute past the next 7am UK time.</summary>
    private void ToTheNextDigestHour()
    {
        var now = service.Clock.GetUtcNow();
        var uk = TimeZoneInfo.ConvertTime(now, TimeProviderExtensions.UkTime);
        var day = DateOnly.FromDateTime(uk.DateTime).AddDays(uk.Hour < 7 ? 0 : 1);
        var at = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(7, 1)), TimeProviderExtensions.UkTime);
        service.Clock.Advance(at - now.UtcDateTime);
    }

    private Task<int> SendDigestsAsync() => service.WithServicesAsync(s => s.GetRequiredService<Digests>().SendDueAsync(CancellationToken.None));

    [Fact]
    public async Task OwnRequestAtOnce_ThreeFollowedEventsInOneDigest_AllInTheCentre_AndTheDigestLinkStopsOnlyDigests()
    {
        var person = await service.CreatePersonAsync(name: "Dee Digest");
        var session = service.NewSession();
        await session.SignInAsync(person);
        // The person keeps the recommended choice for requests (their own at once, the rest daily) and chooses it again.
        var saved = await session.SubmitAsync(await session.GetAsync("/account/notifications"), PreferencesTests.Answers());
        Assert.Equal("Your choices are saved", saved.Flash);

        var own = await service.SubmitRequestAsync(person, title: $"Own request {Guid.NewGuid():N}"[..24]);
        var followed = new List<(int Id, string Title)>();
        foreach (var n in Enumerable.Range(1, 3))
        {
            var title = $"Followed {n} {Guid.NewGuid():N}"[..22];
            var id = await service.SubmitRequestAsync(await service.CreatePersonAsync(withPassword: false), title);
            await session.SubmitAsync(await session.GetAsync($"/requests/{id}"), selector: "form#follow");
            followed.Add((id, title));
        }
        var programme = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true));
        foreach (var (id, _) in followed)
        {
            (await programme.PostAsJsonAsync($"/api/v1/requests/{id}/review", new { note = "Looking into it" })).EnsureSuccessStatusCode();
        }
        (await programme.PostAsJsonAsync($"/api/v1/requests/{own}/review", new { note = "Yours too" })).EnsureSuccessStatusCode();
        // Their own comment on a followed request is never news to them.
        var commented = await session.SubmitAsync(await session.GetAsync($"/requests/{followed[0].Id}"), [new("Body", "My own words")], "form[action='/comments/new']");
        Assert.Equal(HttpStatusCode.OK, commented.Status);

        await service.Mail.WaitForAsync(person.Email, "Review started: Own request");
        Assert.Equal(0, await SendDigestsAsync()); // Not the hour yet.
        await service.DrainOutboxAsync();
        var before = service.Mail.To(person.Email);
        Assert.Single(before);

        ToTheNextDigestHour();
        Assert.Equal(1, await SendDigestsAsync());
        Assert.Equal(0, await SendDigestsAsync()); // A second run finds nothing more for this period.
        var digest = await service.Mail.WaitForAsync(person.Email, "Your daily digest: 3 updates on 3 things");
        await service.DrainOutboxAsync();
        Assert.Single(service.Mail.To(person.Email), IsDigest);
        foreach (var (id, title) in followed)
        {
            Assert.Contains($"{title}\n", digest.TextBody, StringComparison.Ordinal);
            Assert.Contains($"/requests/{id}\n", digest.TextBody, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("Own request", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("My own words", digest.TextBody, StringComparison.Ordinal);

        // The next morning, in a new browser session (whether yesterday's sign-in has lapsed depends on the time of day).
        session = service.NewSession();
        await session.SignInAsync(person);
        var centre = await session.GetAsync("/notifications");
        var notices = centre.Document.QuerySelectorAll("li.sod-notice").Select(n => n.TextContent).ToList();
        Assert.Equal(4, notices.Count);
        Assert.All(followed, f => Assert.Contains(notices, n => n.Contains(f.Title, StringComparison.Ordinal)));

        // One click on the digest's link (RFC 8058) stops digests; what they asked for still comes at once.
        var link = new Uri((digest.Headers["List-Unsubscribe"] ?? "").Trim('<', '>'));
        var click = await service.CreateClient().PostAsync(link.PathAndQuery, new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        Assert.Contains("daily and weekly digests", await click.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(Choice.AskedOnly, (await service.WithServicesAsync(s => s.GetRequiredService<Preferences>().ChoicesAsync(person.Id, CancellationToken.None)))["requests"]);

        (await programme.PostAsJsonAsync($"/api/v1/requests/{followed[1].Id}/assign", new { organisation = "cabinet-office" })).EnsureSuccessStatusCode();
        (await programme.PostAsJsonAsync($"/api/v1/requests/{own}/assign", new { organisation = "cabinet-office" })).EnsureSuccessStatusCode();
        await service.Mail.WaitForAsync(person.Email, "Assigned: Own request");
        service.Clock.Advance(TimeSpan.FromDays(1));
        await SendDigestsAsync();
        await service.DrainOutboxAsync();
        Assert.Single(service.Mail.To(person.Email), IsDigest);
        session = service.NewSession();
        await session.SignInAsync(person);
        Assert.Equal(6, (await session.GetAsync("/notifications")).Document.QuerySelectorAll("li.sod-notice").Length);
    }

    [Fact]
    public async Task NothingNew_SendsNothing_AndWhatTheyMayNoLongerSee_IsLeftOut()
    {
        var person = await service.CreatePersonAsync(withPassword: false);
        var requester = await service.CreatePersonAsync(withPassword: false);
        var confidential = await service.SubmitRequestAsync(requester, organisation: "cabinet-office", confidential: true);
        // A follow left from when they could see it (as a publisher of the organisation, since moved on).
        await service.WithDatabaseAsync(db =>
        {
            db.Follows.Add(new Follow { TargetType = ItemTypes.Request, TargetId = confidential, UserId = person.Id, CreatedAt = DateTime.UtcNow });
            db.Notices.Add(Notice.For(person.Id, new Notification("test:gone", "Review started: secret", "Secret", $"follow:request:{confidential}"),
                service.Clock.UtcNow(), Delivery.Daily));
            return db.SaveChangesAsync();
        });

        ToTheNextDigestHour();
        await SendDigestsAsync();
        await service.DrainOutboxAsync();

        Assert.DoesNotContain(service.Mail.To(person.Email), IsDigest);
        Assert.Equal(0, await service.WithDatabaseAsync(db => db.Notices.CountAsync(n => n.UserId == person.Id && n.AwaitingDigest != null)));
    }
}
