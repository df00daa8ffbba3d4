using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Notifications;

/// <summary>The in-process service here only arranges and checks: its own outbox worker stays asleep.</summary>
public sealed class SleepingOutboxServiceFactory : ServiceFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. base.Settings, new("Notifications:PollSeconds", "3600")];
}

/// <summary>An email queued by an acknowledged change goes even when the process is killed before sending it.</summary>
[RunsProcesses]
public sealed class OutboxRestartTests(SleepingOutboxServiceFactory service) : IClassFixture<SleepingOutboxServiceFactory>
{
    [Fact]
    public async Task QueuedEmail_IsSentAfterKillMinus9AndARestart()
    {
        var requester = await service.CreatePersonAsync();
        var id = await service.SubmitRequestAsync(requester, organisation: "cabinet-office");
        var programme = await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true);
        var token = await service.WithServicesAsync(s => s.GetRequiredService<ApiTokens>().IssueAsync(programme.Id, "restart"));
        var mail = new KeyValuePair<string, string?>[]
        {
            new("Email:Smtp:Host", "127.0.0.1"), new("Email:Smtp:Port", service.Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Email:Smtp:UseStartTls", "false"),
        };

        // The first process queues the email but sleeps before sending it, and is killed.
        await using (var first = new ServiceProcess([.. service.DatabaseSettings, .. mail, new("Notifications:PollSeconds", "3600")]))
        {
            await first.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(first.Address) };
            http.DefaultRequestHeaders.Authorization = new("Bearer", token);
            var response = await http.PostAsJsonAsync($"/api/v1/requests/{id}/review", new { note = "Queued before the crash" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await first.KillAsync();
        }
        var key = $"request:{id}:v1";
        Assert.Null(await service.WithDatabaseAsync(db => db.OutboxEmails.Where(m => m.Key == key && m.UserId == requester.Id).Select(m => m.SentAt).SingleAsync()));
        Assert.DoesNotContain(service.Mail.To(requester.Email), m => (m.Subject ?? "").Contains("Review started", StringComparison.Ordinal));

        await using var second = new ServiceProcess([.. service.DatabaseSettings, .. mail]);
        await second.StartAsync();

        var email = await service.Mail.WaitForAsync(requester.Email, "Review started", TimeSpan.FromSeconds(20));
        Assert.Contains("Queued before the crash", email.TextBody, StringComparison.Ordinal);
    }
}
