using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Consultations;
using ShapeOpenData.Modules.Consultations.Statements;

namespace ShapeOpenData.Tests.Consultations;

/// <summary>Exact counts when many vote at once, and no acknowledged vote lost when the process is killed.</summary>
[RunsProcesses]
public sealed class VoteConcurrencyTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private static readonly string[] Choices = ["agree", "disagree", "pass"];

    private async Task<List<HttpClient>> VotersAsync(int count)
    {
        var clients = new List<HttpClient>();
        for (var i = 0; i < count; i++)
        {
            clients.Add(await service.ApiClientAsync(await service.CreatePersonAsync(withPassword: false)));
        }
        return clients;
    }

    [Fact]
    public async Task ManyPeopleChangingTheirVotesAtOnce_LeaveCountsEqualToTheRows_AndOneRowEach()
    {
        var (consultation, runner) = await service.CreateConsultationAsync();
        var statement = await service.SubmitStatementAsync(runner, consultation.Slug, "Open data should come with a licence");
        var vote = $"/api/v1/consultations/{consultation.Slug}/statements/{statement.Id}/vote";
        var voters = await VotersAsync(60);
        var random = new Random(14);

        // 60 people, five requests each, all at once: votes, changed votes and withdrawals interleaved.
        var requests = voters.SelectMany((client, person) => Enumerable.Range(0, 5).Select(i => (client, person, i, choice: random.Next(4)))).ToList();
        var responses = await Task.WhenAll(requests.OrderBy(_ => random.Next()).Select(r => r.choice == 3
            ? r.client.DeleteAsync(vote)
            : r.client.PutAsJsonAsync(vote, new { vote = Choices[r.choice] })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var (counts, rows) = await service.CountsAndRowsAsync(statement.Id);
        Assert.Equal(rows, counts);
        var participants = await service.WithDatabaseAsync(db => db.Participants.CountAsync(p => p.ConsultationId == consultation.Id && p.UserId != runner.Id));
        // A participant record for everyone who voted; withdrawing a vote one never gave makes none.
        Assert.Equal(requests.Where(r => r.choice != 3).Select(r => r.person).Distinct().Count(), participants);
        Assert.InRange(counts.Agrees + counts.Disagrees + counts.Passes, 1, 60);
    }

    [Fact]
    public async Task TwoHundredPeopleAgreeingAtOnce_GiveExactlyTwoHundred()
    {
        var (consultation, runner) = await service.CreateConsultationAsync();
        var statement = await service.SubmitStatementAsync(runner, consultation.Slug, "Publish spending data monthly");
        var voters = await VotersAsync(200);

        var responses = await Task.WhenAll(voters.Select(c => c.PutAsJsonAsync($"/api/v1/consultations/{consultation.Slug}/statements/{statement.Id}/vote", new { vote = "agree" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var listed = await service.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/consultations/{consultation.Slug}/statements");
        Assert.Equal(200, listed.GetProperty("items")[0].GetProperty("agrees").GetInt32());
        Assert.Equal(((200, 0, 0), (200, 0, 0)), await service.CountsAndRowsAsync(statement.Id));
    }

    [Fact]
    public async Task OnePersonVotingFiftyTimesAtOnce_CountsOnce_AsTheirLastVote()
    {
        var (consultation, runner) = await service.CreateConsultationAsync();
        var statement = await service.SubmitStatementAsync(runner, consultation.Slug, "Every department should publish its data inventory");
        var client = (await VotersAsync(1))[0];
        var vote = $"/api/v1/consultations/{consultation.Slug}/statements/{statement.Id}/vote";

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => client.PutAsJsonAsync(vote, new { vote = Choices[i % 3] })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var (counts, rows) = await service.CountsAndRowsAsync(statement.Id);
        Assert.Equal(rows, counts);
        Assert.Equal(1, counts.Agrees + counts.Disagrees + counts.Passes);
        Assert.Equal(1, await service.WithDatabaseAsync(db => db.StatementVotes.CountAsync(v => v.StatementId == statement.Id)));
    }

    [Fact]
    public async Task AVoteThatCannotBeWritten_FailsAlone_AndTheOthersInItsBatchAreKept()
    {
        var (consultation, runner) = await service.CreateConsultationAsync();
        var statement = await service.SubmitStatementAsync(runner, consultation.Slug, "Statistics should say how they were made");
        var participants = await service.WithServicesAsync(async s =>
        {
            var records = s.GetRequiredService<Participants>();
            var ids = new List<int>();
            for (var i = 0; i < 10; i++)
            {
                ids.Add((await records.EnsureAsync(consultation.Id, (await service.CreatePersonAsync(withPassword: false)).Id, default)).Id);
            }
            return ids;
        });

        var (kept, failed) = await service.WithServicesAsync(async s =>
        {
            var batches = s.GetRequiredService<VoteBatches>();
            var at = DateTime.UtcNow;
            // Queued together, so they share batches; no participant has the id int.MaxValue, so that row breaks its batch.
            var writes = participants.Take(5).Select(p => batches.WriteAsync(new PendingVote(consultation.Id, statement.Id, p, VoteChoice.Agree, at)))
                .Append(batches.WriteAsync(new PendingVote(consultation.Id, statement.Id, int.MaxValue, VoteChoice.Agree, at)))
                .Concat(participants.Skip(5).Select(p => batches.WriteAsync(new PendingVote(consultation.Id, statement.Id, p, VoteChoice.Disagree, at))))
                .ToList();
            await Task.WhenAll(writes).ContinueWith(_ => { }, TaskScheduler.Default);
            return (writes.Count(w => w.IsCompletedSuccessfully && w.Result.Changed), writes.Count(w => w.IsFaulted));
        });

        Assert.Equal((10, 1), (kept, failed));
        Assert.Equal(((5, 5, 0), (5, 5, 0)), await service.CountsAndRowsAsync(statement.Id));
    }

    [Fact]
    public async Task AnAcknowledgedVote_SurvivesKillMinus9AndARestart()
    {
        var (consultation, runner) = await service.CreateConsultationAsync();
        var statement = await service.SubmitStatementAsync(runner, consultation.Slug, "Data should be published as soon as it is ready");
        var tokens = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var person = await service.CreatePersonAsync(withPassword: false);
            tokens.Add(await service.WithServicesAsync(s => s.GetRequiredService<ApiTokens>().IssueAsync(person.Id, "kill test")));
        }
        await using var process = new ServiceProcess(service.DatabaseSettings);
        await process.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(process.Address) };

        var acknowledged = new List<string>();
        foreach (var (token, i) in tokens.Select((t, i) => (t, i)))
        {
            using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/consultations/{consultation.Slug}/statements/{statement.Id}/vote")
            {
                Content = JsonContent.Create(new { vote = Choices[i % 3] }),
            };
            put.Headers.Authorization = new("Bearer", token);
            if ((await http.SendAsync(put)).StatusCode == HttpStatusCode.OK) acknowledged.Add(Choices[i % 3]);
        }
        await process.KillAsync();

        await process.StartAsync();
        var listed = await http.GetFromJsonAsync<JsonElement>($"/api/v1/consultations/{consultation.Slug}/statements");
        var item = listed.GetProperty("items")[0];
        Assert.Equal(20, acknowledged.Count);
        Assert.Equal((acknowledged.Count(c => c == "agree"), acknowledged.Count(c => c == "disagree"), acknowledged.Count(c => c == "pass")),
            (item.GetProperty("agrees").GetInt32(), item.GetProperty("disagrees").GetInt32(), item.GetProperty("passes").GetInt32()));
        var (counts, rows) = await service.CountsAndRowsAsync(statement.Id);
        Assert.Equal(rows, counts);
        Assert.Equal(20, counts.Agrees + counts.Disagrees + counts.Passes);
    }
}
