using System.CommandLine;
using CsvHelper;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Cli;

/// <summary><c>users add</c> and <c>users import FILE</c>: onboarding people with confirmed accounts.</summary>
public static class UsersCommands
{
    private static readonly string[] ImportColumns = ["email", "name", "role", "organisation"];

    public static Command Create(IServiceProvider services, CommandConsole console)
    {
        var email = new Option<string>("--email") { Description = "Their email address", Required = true };
        var name = new Option<string>("--name") { Description = "Their display name", Required = true };
        var password = new Option<string?>("--password") { Description = "A password; without one they set it with \"forgotten password\"" };
        var role = new Option<string?>("--role") { Description = $"{Roles.Participant} (default), {string.Join(", ", Roles.Granted)}" };
        var organisation = new Option<string?>("--org") { Description = "The slug of the organisation a publisher publishes for" };
        var add = new Command("add", "Add a person with a confirmed account, or grant an existing one a role.") { email, name, password, role, organisation };
        add.SetAction(async (parsed, cancellationToken) =>
        {
            await services.PrepareDatabaseAsync(seedDemoContent: false, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var person = new NewPerson(parsed.GetValue(email)!, parsed.GetValue(name)!, parsed.GetValue(password), parsed.GetValue(role), parsed.GetValue(organisation));
            var (user, errors) = await scope.ServiceProvider.GetRequiredService<Onboarding>().AddAsync(person, cancellationToken);
            if (user is null)
            {
                console.Error.WriteLine($"Not added: {string.Join("; ", errors)}");
                return 1;
            }
            console.Out.WriteLine($"{user.Email} is ready (id {user.Id}).");
            return 0;
        });

        var file = new Argument<FileInfo>("FILE") { Description = "CSV with the header email,name,role,organisation" };
        var import = new Command("import", "Add many people at once from a CSV file; accounts are confirmed.") { file };
        import.SetAction(async (parsed, cancellationToken) =>
        {
            await services.PrepareDatabaseAsync(seedDemoContent: false, cancellationToken);
            return await ImportAsync(services, console, parsed.GetValue(file)!, cancellationToken);
        });

        return new Command("users", "Add people and give them roles.") { add, import };
    }

    private static async Task<int> ImportAsync(IServiceProvider services, CommandConsole console, FileInfo file, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            console.Error.WriteLine($"There is no file {file.FullName}.");
            return 1;
        }
        var rows = new List<(int Line, NewPerson Person)>();
        using (var csv = CsvReader.FromFile(file.FullName))
        {
            var missing = ImportColumns.Except(csv.Headers, StringComparer.OrdinalIgnoreCase).ToList();
            if (missing.Count > 0)
            {
                console.Error.WriteLine($"The header must be {string.Join(',', ImportColumns)}; missing: {string.Join(", ", missing)}.");
                return 1;
            }
            var line = 1;
            while (csv.Read())
            {
                line++;
                rows.Add((line, new NewPerson(csv.GetString("email") ?? "", csv.GetString("name") ?? "", null,
                    csv.GetStringOrNull("role"), csv.GetStringOrNull("organisation"))));
            }
        }

        var failures = new List<string>();
        await console.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask("Adding people", maxValue: rows.Count);
            foreach (var (line, person) in rows)
            {
                // A scope per person: one bad row never leaves half a change for the next.
                await using var scope = services.CreateAsyncScope();
                var (user, errors) = await scope.ServiceProvider.GetRequiredService<Onboarding>().AddAsync(person, cancellationToken);
                if (user is null)
                {
                    failures.Add($"line {line} ({person.Email}): {string.Join("; ", errors)}");
                }
                task.Increment(1);
            }
        });
        console.Out.WriteLine($"{rows.Count - failures.Count} of {rows.Count} people added.");
        failures.ForEach(console.Error.WriteLine);
        return failures.Count == 0 ? 0 : 2;
    }
}
