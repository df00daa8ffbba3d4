using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Accounts;

namespace ShapeOpenData.Modules.Notifications;

/// <summary>
/// Demo people who chose differently how to hear from the service, before anything happens to them: one wants
/// everything straight away, one a weekly digest of consultations and nothing of groups, one only what they asked for,
/// one stopped all email. The rest keep the recommended choice.
/// </summary>
internal sealed class DemoPreferences(AppDbContext db, Preferences preferences) : IDemoContent
{
    public int Order => 1;

    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var everything = NotificationKinds.All.ToDictionary(k => k.Code, _ => Choice.Immediately);
        await ChooseAsync("journalist", everything, cancellationToken);
        await ChooseAsync("charity", new Dictionary<string, Choice> { ["consultations"] = Choice.Weekly, ["groups"] = Choice.Off }, cancellationToken);
        await ChooseAsync("council", NotificationKinds.All.ToDictionary(k => k.Code, _ => Choice.AskedOnly), cancellationToken);
        await preferences.SetEmailOffAsync(await IdOfAsync("resident", cancellationToken), true, cancellationToken);
    }

    private async Task ChooseAsync(string person, Dictionary<string, Choice> choices, CancellationToken cancellationToken) =>
        await preferences.SetAsync(await IdOfAsync(person, cancellationToken), choices, cancellationToken);

    private Task<int> IdOfAsync(string person, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Email == $"{person}@{DemoAccounts.Domain}").Select(u => u.Id).SingleAsync(cancellationToken);
}

/// <summary>
/// After all the demo content: the digests of what demo people follow, written as the digest hour would write them,
/// so the first start's mail folder holds one to read. (Everything else the demo did was marked sent, unsent.)
/// </summary>
internal sealed class DemoDigests(Digests digests) : IDemoContent
{
    public int Order => 900;

    public Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken) => digests.SendDueAsync(cancellationToken);
}
