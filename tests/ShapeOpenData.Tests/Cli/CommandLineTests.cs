using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Cli;

/// <summary>The commands, run against the same database as the service under test.</summary>
[Collection(SharedService.People)]
public sealed class CommandLineTests(ServiceFactory service)
{
    private Task<ProgramRun> RunAsync(params string[] args) => ProgramRun.InProcessAsync(service.DatabaseSettings, args);

    private HttpClient ApiClient(string token)
    {
        var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    [Fact]
    public async Task UsersAdd_MakesAConfirmedPublisherWhoCanSignIn()
    {
        var email = $"cli-{Guid.NewGuid():N}@example.com";

        var run = await RunAsync("users", "add", "--email", email, "--name", "Carla Cli", "--password", ServiceFactory.Password,
            "--role", Roles.Publisher, "--org", "department-for-transport");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"{email} is ready", run.Output, StringComparison.Ordinal);
        var signedIn = await service.NewSession().SignInAsync(new Person(0, email, "Carla Cli", null));
        Assert.Equal("/", signedIn.Url);
        Assert.True(await service.WithDatabaseAsync(db => db.PublisherMemberships.AnyAsync(m => m.User!.Email == email && m.Organisation!.Slug == "department-for-transport")));
        var userId = await service.WithDatabaseAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var granted = Assert.Single(await service.AuditTrailAsync("account", userId));
        Assert.Equal(("granted", null), (granted.Action, granted.ActorId));
        Assert.Equal(("[]", "[]"), (granted.Before.Field("roles"), granted.Before.Field("publisherFor")));
        Assert.Equal(("[\"publisher\"]", "[\"department-for-transport\"]"), (granted.After.Field("roles"), granted.After.Field("publisherFor")));
    }

    [Fact]
    public async Task UsersAdd_ForSomeoneWithAnAccount_IsAuditedAsAGrantOnlyWhenItChangesTheirRoles()
    {
        var person = await service.CreatePersonAsync(Roles.Publisher, "ofsted", withPassword: false);
        Task<(User? User, IReadOnlyList<string> Errors)> AddAsync(string role, string? organisation = null) =>
            service.WithServicesAsync(s => s.GetRequiredService<Onboarding>().AddAsync(new NewPerson(person.Email, person.Name, Role: role, OrganisationSlug: organisation)));

        await AddAsync(Roles.Moderator);
        await AddAsync(Roles.Publisher, "ofsted");

        var trail = await service.AuditTrailAsync("account", person.Id);
        Assert.Equal(["granted", "granted"], trail.Select(e => e.Action));
        Assert.Equal(("[\"publisher\"]", "[\"moderator\",\"publisher\"]"), (trail[1].Before.Field("roles"), trail[1].After.Field("roles")));
        Assert.Equal(("[\"ofsted\"]", "[\"ofsted\"]"), (trail[1].Before.Field("publisherFor"), trail[1].After.Field("publisherFor")));
    }

    [Trait("Databases", "one")] // the command refuses before it writes anything
    [Theory]
    [InlineData("--role", "wizard", "'wizard' is not a role")]
    [InlineData("--org", "ministry-of-magic", "there is no organisation 'ministry-of-magic'")]
    public async Task UsersAdd_WithAMistake_SaysWhatIsWrongAndFails(string option, string value, string message)
    {
        var run = await RunAsync("users", "add", "--email", "x@example.com", "--name", "X", option, value);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Trait("Databases", "one")] // the command refuses before it writes anything
    [Fact]
    public async Task AnUnknownCommand_IsRefusedWithTheListOfCommands_AndTheWebServerDoesNotStart()
    {
        // The program itself: the refusal comes before the program builds anything.
        var run = await ProgramRun.RunAsync(service.DatabaseSettings, "import-socrata", "catalogue.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'import-socrata' is not a command. The commands are: migrate, users, tokens, seed-demo, generate, import-ckan, import-polis, opinion-groups.", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersImport_AddsEveryGoodRowAndReportsTheBadOnes()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var file = Path.Combine(service.DataDirectory, $"people-{id}.csv");
        await File.WriteAllTextAsync(file, $"""
            email,name,role,organisation
            a-{id}@example.com,Alice Import,,
            b-{id}@example.com,"Bob, the publisher",publisher,home-office
            c-{id}@example.com,Cath Moderator,moderator,
            d-{id}@example.com,Dan Nowhere,publisher,ministry-of-magic
            """);

        var run = await RunAsync("users", "import", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("3 of 4 people added", run.Output, StringComparison.Ordinal);
        Assert.Contains($"line 5 (d-{id}@example.com): there is no organisation 'ministry-of-magic'", run.Error, StringComparison.Ordinal);
        var imported = await service.WithDatabaseAsync(db => db.Users.Where(u => u.Email!.EndsWith($"-{id}@example.com"))
            .Select(u => new { u.DisplayName, u.EmailConfirmed }).ToListAsync());
        Assert.Equal(["Alice Import", "Bob, the publisher", "Cath Moderator"], imported.Select(u => u.DisplayName).Order());
        Assert.All(imported, u => Assert.True(u.EmailConfirmed));
    }

    [Trait("Databases", "one")] // the command refuses before it writes anything
    [Fact]
    public async Task UsersImport_WithTheWrongHeader_ChangesNothing()
    {
        var file = Path.Combine(service.DataDirectory, "wrong-header.csv");
        await File.WriteAllTextAsync(file, "mail,fullname\nz@example.com,Zed\n");

        var run = await RunAsync("users", "import", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("The header must be email,name,role,organisation", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokensCreate_PrintsATokenThatWorksAsTheLastLine()
    {
        var person = await service.CreatePersonAsync(name: "Terry Token");

        var run = await RunAsync("tokens", "create", "--email", person.Email);

        Assert.Equal(0, run.ExitCode);
        var me = await ApiClient(run.LastLine).GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("Terry Token", me.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task TokensCreateFromAFile_PrintsAnEmailAndTokenLineForEachPerson()
    {
        var people = new[] { await service.CreatePersonAsync(), await service.CreatePersonAsync(), await service.CreatePersonAsync() };
        var file = Path.Combine(service.DataDirectory, $"emails-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(file, people.Select(p => p.Email));

        var run = await RunAsync("tokens", "create", "--file", file);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Trim().Split('\n').Select(l => l.Trim().Split(',')).ToList();
        Assert.Equal(people.Select(p => p.Email), lines.Select(l => l[0]));
        foreach (var (person, line) in people.Zip(lines))
        {
            var me = await ApiClient(line[1]).GetFromJsonAsync<JsonElement>("/api/v1/me");
            Assert.Equal(person.Id, me.GetProperty("id").GetInt32());
        }
    }

    [Trait("Databases", "one")] // the command refuses before it writes anything
    [Fact]
    public async Task TokensCreate_NeedsEitherAnEmailOrAFile()
    {
        var run = await RunAsync("tokens", "create");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Give either --email or --file.", run.Error, StringComparison.Ordinal);
    }

    [Trait("Databases", "one")] // the command refuses before it writes anything
    [Fact]
    public async Task Help_ListsTheCommands()
    {
        var run = await RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var command in new[] { "migrate", "users", "tokens", "seed-demo", "import-ckan" })
        {
            Assert.Contains(command, run.Output, StringComparison.Ordinal);
        }
    }
}
