using ShapeOpenData.Tests.Consultations;

namespace ShapeOpenData.Tests.Cli;

/// <summary><c>import-polis DIR</c> and <c>opinion-groups SLUG</c> run as an operator runs them, on the service's database.</summary>
[Collection(SharedService.Engagement)]
public sealed class PolisCommandLineTests(ServiceFactory service)
{
    [Fact]
    public async Task ImportPolis_PrintsTheSlug_ThenOpinionGroupsPrintsSecondsKAndGrouped()
    {
        var imported = await ProgramRun.InProcessAsync(service.DatabaseSettings, "import-polis", PolisInteropTests.Folder("15-per-hour-seattle"));
        Assert.True(imported.ExitCode == 0, imported.Error);
        var slug = LastLine(imported);
        Assert.StartsWith("polis-15-hour", slug, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await service.NewSession().GetAsync($"/consultations/{slug}")).Status);

        var grouped = await ProgramRun.InProcessAsync(service.DatabaseSettings, "opinion-groups", slug);
        Assert.True(grouped.ExitCode == 0, grouped.Error);
        Assert.Matches(@"^\d+\.\d{3} seconds, k = 2, 138 participants grouped$", LastLine(grouped));

        var missing = await ProgramRun.InProcessAsync(service.DatabaseSettings, "import-polis", service.DataDirectory);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("is not a Pol.is export: it needs comments.csv and votes.csv", missing.Error, StringComparison.Ordinal);
    }

    private static string LastLine(ProgramRun run) =>
        run.Output.Split('\n').Select(l => l.Trim()).Last(l => l.Length > 0 && !l.StartsWith("{\"Timestamp\"", StringComparison.Ordinal));
}
