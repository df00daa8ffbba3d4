using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Accounts;

namespace ShapeOpenData.Cli;

/// <summary>
/// <c>tokens create --email E</c> prints a new personal API token as its last line;
/// <c>tokens create --file FILE</c> prints <c>email,token</c> lines for everyone in the file.
/// </summary>
public static class TokensCommands
{
    public static Command Create(IServiceProvider services, CommandConsole console)
    {
        var email = new Option<string?>("--email") { Description = "Whose token it is" };
        var file = new Option<FileInfo?>("--file") { Description = "One email address a line: a token for each" };
        var name = new Option<string>("--name") { Description = "What the token is for", DefaultValueFactory = _ => "Made on the command line" };
        var create = new Command("create", "Make personal API tokens.") { email, file, name };
        create.Validators.Add(result =>
        {
            if ((result.GetValue(email) is null) == (result.GetValue(file) is null))
            {
                result.AddError("Give either --email or --file.");
            }
        });
        create.SetAction(async (parsed, cancellationToken) =>
        {
            await services.PrepareDatabaseAsync(seedDemoContent: false, cancellationToken);
            var tokenName = parsed.GetValue(name)!;
            if (parsed.GetValue(email) is { } one)
            {
                var token = await IssueAsync(services, one, tokenName, cancellationToken);
                if (token is null)
                {
                    console.Error.WriteLine($"There is no account for {one}.");
                    return 1;
                }
                console.Out.WriteLine($"A new token for {one}. It is shown once; keep it secret:");
                console.Out.WriteLine(token);
                return 0;
            }
            return await IssueForFileAsync(services, console, parsed.GetValue(file)!, tokenName, cancellationToken);
        });
        return new Command("tokens", "Personal API tokens.") { create };
    }

    private static async Task<int> IssueForFileAsync(IServiceProvider services, CommandConsole console, FileInfo file, string name, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            console.Error.WriteLine($"There is no file {file.FullName}.");
            return 1;
        }
        var emails = (await File.ReadAllLinesAsync(file.FullName, cancellationToken)).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var lines = new List<string>();
        var missing = new List<string>();
        await console.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask("Making tokens", maxValue: emails.Count);
            foreach (var address in emails)
            {
                var token = await IssueAsync(services, address, name, cancellationToken);
                if (token is null) missing.Add(address); else lines.Add($"{address},{token}");
                task.Increment(1);
            }
        });
        lines.ForEach(console.Out.WriteLine);
        missing.ForEach(m => console.Error.WriteLine($"There is no account for {m}."));
        return missing.Count == 0 ? 0 : 2;
    }

    private static async Task<string?> IssueAsync(IServiceProvider services, string email, string name, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByEmailAsync(email);
        return user is null || user.DeletedAt is not null
            ? null
            : await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueAsync(user.Id, name, actorId: null, cancellationToken: cancellationToken);
    }
}
