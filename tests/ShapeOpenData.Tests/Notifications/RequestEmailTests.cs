using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Notifications;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Notifications;

/// <summary>Who is told what, by real SMTP through the outbox; never the person who acted.</summary>
[Collection(SharedService.Publishing)]
public sealed class RequestEmailTests(ServiceFactory service)
{
    [Fact]
    public async Task AStateChange_TellsTheRequesterAndSupportersButNotWhoActed()
    {
        var requester = await service.CreatePersonAsync();
        var supporter = await service.CreatePersonAsync(withPassword: false);
        var programmePerson = await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true);
        var id = await service.SubmitRequestAsync(requester, organisation: "cabinet-office");
        await (await service.ApiClientAsync(supporter)).PutAsync($"/api/v1/requests/{id}/support", null);
        var programme = await service.ApiClientAsync(programmePerson);

        await programme.PostAsJsonAsync($"/api/v1/requests/{id}/review", new { note = "We are on it" });

        var toRequester = await service.Mail.WaitForAsync(requester.Email, "Review started");
        var toSupporter = await service.Mail.WaitForAsync(supporter.Email, "Review started");
        Assert.Contains("We are on it", toRequester.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/requests/{id}", toSupporter.TextBody, StringComparison.Ordinal);
        await service.DrainOutboxAsync();
        Assert.Empty(service.Mail.To(programmePerson.Email));
        Assert.Single(service.Mail.To(requester.Email), m => (m.Subject ?? "").Contains("Review started", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Assigning_TellsTheOrganisationsPublishers()
    {
        var publisher = await service.CreatePersonAsync(Roles.Publisher, "forestry-commission", withPassword: false);
        var elsewhere = await service.CreatePersonAsync(Roles.Publisher, "home-office", withPassword: false);
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync(), organisation: "cabinet-office");
        var programme = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true));

        await programme.PostAsJsonAsync($"/api/v1/requests/{id}/assign", new { organisation = "forestry-commission" });

        var email = await service.Mail.WaitForAsync(publisher.Email, "Assigned");
        Assert.Contains("Assigned to Forestry Commission", email.TextBody, StringComparison.Ordinal);
        await service.DrainOutboxAsync();
        Assert.Empty(service.Mail.To(elsewhere.Email));
    }

    [Fact]
    public async Task AComment_TellsFollowersButNotItsAuthor()
    {
        var requester = await service.CreatePersonAsync();
        var id = await service.SubmitRequestAsync(requester);
        var commenter = await service.CreatePersonAsync(name: "Colin Commenter");
        var session = service.NewSession();
        await session.SignInAsync(commenter);

        await session.SubmitAsync(await session.GetAsync($"/requests/{id}"), [new("Body", "Me too, please publish")], "form[action='/comments/new']");

        var email = await service.Mail.WaitForAsync(requester.Email, "New comment");
        Assert.Contains("Colin Commenter wrote", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Me too, please publish", email.TextBody, StringComparison.Ordinal);
        await service.DrainOutboxAsync();
        Assert.Empty(service.Mail.To(commenter.Email));
    }

    [Fact]
    public async Task EveryEmail_HasAOneClickUnsubscribeThatWorks()
    {
        var requester = await service.CreatePersonAsync();
        var follower = await service.CreatePersonAsync(withPassword: false);
        var id = await service.SubmitRequestAsync(requester);
        await (await service.ApiClientAsync(follower)).PutAsync($"/api/v1/requests/{id}/support", null);
        var programme = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true));
        await programme.PostAsJsonAsync($"/api/v1/requests/{id}/review", new { });

        var email = await service.Mail.WaitForAsync(follower.Email, "Review started");
        var header = email.Headers["List-Unsubscribe"] ?? "";
        Assert.Equal("List-Unsubscribe=One-Click", email.Headers["List-Unsubscribe-Post"]);
        var link = new Uri(header.Trim('<', '>'));
        Assert.Contains(link.ToString(), email.TextBody, StringComparison.Ordinal);

        // What a mail program sends for one click: a POST with this body, no cookies, no form token.
        var click = await service.CreateClient().PostAsync(link.PathAndQuery, new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        // It turns off email about requests only: they still follow it, and still hear at once about everything else.
        var choices = await service.WithServicesAsync(s => s.GetRequiredService<Preferences>().ChoicesAsync(follower.Id, CancellationToken.None));
        Assert.Equal(Choice.Off, choices["requests"]);
        Assert.All(choices.Where(c => c.Key != "requests"), c => Assert.Equal(Choice.Recommended, c.Value));
        Assert.True(await service.WithDatabaseAsync(db => db.Follows.AnyAsync(f => f.UserId == follower.Id && f.TargetId == id)));

        await programme.PostAsJsonAsync($"/api/v1/requests/{id}/assign", new { organisation = "cabinet-office" });
        await service.Mail.WaitForAsync(requester.Email, "Assigned");
        await service.DrainOutboxAsync();
        Assert.DoesNotContain(service.Mail.To(follower.Email), m => (m.Subject ?? "").StartsWith("Assigned", StringComparison.Ordinal));
        Assert.True(await service.WithDatabaseAsync(db => db.Notices.AnyAsync(n => n.UserId == follower.Id && n.Subject.StartsWith("Assigned"))));
    }

    [Fact]
    public async Task AForgedUnsubscribeLink_IsNotFound()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await service.NewSession().GetAsync("/unsubscribe/not-a-real-token")).Status);
    }

    [Fact]
    public async Task StoppingAllEmail_StopsEveryNotification()
    {
        var requester = await service.CreatePersonAsync();
        var id = await service.SubmitRequestAsync(requester);
        var link = await service.WithServicesAsync(s => Task.FromResult(s.GetRequiredService<UnsubscribeLinks>().For(requester.Id, "all")));

        var page = await service.NewSession().GetAsync(link.PathAndQuery);
        var done = await service.NewSession().SubmitAsync(page);
        Assert.Equal("You have unsubscribed", done.Heading);

        var programme = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true));
        await programme.PostAsJsonAsync($"/api/v1/requests/{id}/review", new { });
        await service.DrainOutboxAsync();
        Assert.Empty(service.Mail.To(requester.Email));

        // The page the unsubscribe page points to turns it back on.
        var session = service.NewSession();
        await session.SignInAsync(requester);
        var settings = await session.GetAsync(done.Document.QuerySelector("main a[href='/account/notifications']")!.GetAttribute("href")!);
        var back = await session.SubmitAsync(settings, selector: "form[action$='handler=Email']");
        Assert.Equal("We will email you again, as you chose below", back.Flash);
        await programme.PostAsJsonAsync($"/api/v1/requests/{id}/assign", new { organisation = "cabinet-office" });
        await service.Mail.WaitForAsync(requester.Email, "Assigned");
    }

    [Fact]
    public async Task OneEventAndPerson_CanNeverBeQueuedTwice()
    {
        var person = await service.CreatePersonAsync(withPassword: false);

        var second = await Assert.ThrowsAsync<DbUpdateException>(() => service.WithDatabaseAsync(async db =>
        {
            foreach (var _ in new[] { 1, 2 })
            {
                db.OutboxEmails.Add(new OutboxEmail { Key = "test:twice", UserId = person.Id, Subject = "Once", Body = "Once", NextAttemptAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow });
                await db.SaveChangesAsync();
            }
            return 0;
        }));
        Assert.True(Data.DatabaseErrors.IsUniqueViolation(second));
    }

    [Fact]
    public async Task TwoWorkersAtOnce_SendEachEmailExactlyOnce()
    {
        var people = new List<Person>();
        for (var i = 0; i < 15; i++) people.Add(await service.CreatePersonAsync(withPassword: false));
        var worker = service.Services.GetRequiredService<OutboxWorker>();
        await service.WithDatabaseAsync(async db =>
        {
            db.OutboxEmails.AddRange(people.Select(p => new OutboxEmail
            {
                Key = "test:race", UserId = p.Id, Subject = "Race", Body = "Only once",
                NextAttemptAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow,
            }));
            return await db.SaveChangesAsync();
        });

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => worker.SendBatchAsync(CancellationToken.None)));
        await service.DrainOutboxAsync();

        Assert.All(people, p => Assert.Single(service.Mail.To(p.Email), m => m.Subject == "Race"));
    }
}
