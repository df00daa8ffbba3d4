namespace ShapeOpenData.Tests.Support;

/// <summary>
/// The service on a database the real program prepared as an operator would, before the service started:
/// <c>migrate</c>, then <c>seed-demo</c> (the demo people and all demo content). Seeding takes a while, so every
/// test that reads demo content shares this one (<see cref="DemoContent"/>).
/// </summary>
public sealed class DemoServiceFactory : ServiceFactory
{
    public ProgramRun Migrate { get; private set; } = null!;
    public ProgramRun SeedDemo { get; private set; } = null!;

    protected override async Task BeforeStartAsync()
    {
        Migrate = await ProgramRun.RunAsync(DatabaseSettings, "migrate");
        SeedDemo = await ProgramRun.RunAsync(DatabaseSettings, "seed-demo");
    }
}

[CollectionDefinition(Name), RunsProcesses]
public sealed class DemoContent : ICollectionFixture<DemoServiceFactory>
{
    public const string Name = "Demo content";
}
