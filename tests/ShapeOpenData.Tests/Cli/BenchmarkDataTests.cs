using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Cli;
using ShapeOpenData.Data;

namespace ShapeOpenData.Tests.Cli;

/// <summary>The benchmark's data, at a small scale: consistent as the service would have written it, and the same for the same seed.</summary>
public sealed class BenchmarkDataTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private static readonly GenerationSize Small = new(Requests: 300, Users: 120, Supports: 2_000, Comments: 700, HotComments: 150);

    [Fact]
    public async Task GeneratedData_IsConsistentAndTheSameForTheSameSeed()
    {
        var first = await GenerateAsync(service, seed: 7);

        await service.WithDatabaseAsync(async db =>
        {
            Assert.Equal(Small.Requests, await db.DatasetRequests.CountAsync());
            Assert.Equal(Small.Supports, await db.Supports.CountAsync(s => s.TargetType == DatasetRequestsModule.ItemType));
            Assert.Equal(Small.Comments, await db.Comments.CountAsync());
            Assert.Equal(0, await db.DatasetRequests.CountAsync(r => r.SupportCount != db.Supports.Count(s => s.TargetType == DatasetRequestsModule.ItemType && s.TargetId == r.Id)));
            Assert.Equal(0, await db.Supports.CountAsync(s => db.DatasetRequests.Any(r => r.Id == s.TargetId && r.RequesterId == s.UserId)));
            Assert.Equal(Small.HotComments, (await db.Comments.GroupBy(c => c.TargetId).Select(g => g.Count()).ToListAsync()).Max());
            Assert.True(await db.DatasetRequests.Select(r => r.State).Distinct().CountAsync() >= 5, "requests in many states");
            Assert.Equal(0, await db.DatasetRequests.CountAsync(r => r.State == RequestState.Closed && r.Outcome == null));
            // Support follows a power law: the most wanted request has many times the typical one's.
            var counts = await db.DatasetRequests.OrderBy(r => r.SupportCount).Select(r => r.SupportCount).ToListAsync();
            Assert.True(counts[^1] > 10 * Math.Max(1, counts[counts.Count / 2]), $"top {counts[^1]}, median {counts[counts.Count / 2]}");
            return true;
        });

        await using var other = new ServiceFactory();
        await other.InitializeAsync();
        Assert.Equal(first, await GenerateAsync(other, seed: 7));
    }

    /// <summary>Generates and returns a fingerprint of what was written.</summary>
    private static async Task<string> GenerateAsync(ServiceFactory into, int seed)
    {
        await into.WithServicesAsync(async s =>
        {
            await ActivatorUtilities.CreateInstance<BenchmarkData>(s).GenerateAsync(Small, seed, (_, _, _) => { }, CancellationToken.None);
            return true;
        });
        return await into.WithDatabaseAsync(async db => string.Join('\n',
            await db.DatasetRequests.OrderBy(r => r.Id).Select(r => $"{r.Title}|{r.State}|{r.Outcome}|{r.SupportCount}|{r.OrganisationId}|{r.CreatedAt:O}").ToListAsync()) +
            string.Join(',', await db.Comments.OrderBy(c => c.Id).Select(c => c.TargetId).ToListAsync()));
    }
}
