using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Notifications;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Outcomes;

/// <summary>
/// Demo chains: requests that led to the Department for Transport's commitments (one of them also released as a dataset),
/// the consultation statements that led to the national plan's data ethics milestone, and a request the national plan's
/// request service received. Each item is found as people name it, and linked through the real workflow by its owner.
/// </summary>
internal sealed class DemoOutcomes(AppDbContext db, Items items, LinkWorkflow links, Notifier notifier) : IDemoContent
{
    private sealed record DemoLink(string By, string InputType, string Input, string OutcomeType, string Outcome, string Reason);

    private static readonly DemoLink[] Links =
    [
        new("publisher.dft", ItemTypes.Request, "Bus punctuality by route for every English bus operator", ItemTypes.Commitment, "DFT-01",
            "Bus data users asked for punctuality; timetables and fares are what they need to use it"),
        new("publisher.dft", ItemTypes.Request, "Pothole repair times on local roads", ItemTypes.Commitment, "DFT-02",
            "Road users asked for street-level data on local roads"),
        new("programme", ItemTypes.Statement, "Every project should publish a plain-English summary of what data it uses and why.", ItemTypes.Milestone, "UK16-OD milestone 2",
            "Agreed by almost everyone who voted: the framework's transparency principle asks for it"),
        new("programme", ItemTypes.Statement, "Teams should record the known limitations of their data before relying on it.", ItemTypes.Milestone, "UK16-OD milestone 2",
            "Became the framework's action 'review the quality and limitations of the data'"),
        new("programme", ItemTypes.Request, "Completion rates for online government services", ItemTypes.Commitment, "UK16-OD",
            "Asked through the public request service the commitment promised"),
    ];

    /// <summary>After the requests (10), the consultations (25) and the commitments (26).</summary>
    public int Order => 27;

    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var people = await db.Users.Where(u => u.Email!.EndsWith("@" + DemoAccounts.Domain)).ToDictionaryAsync(u => u.Email!.Split('@')[0], cancellationToken);
        if (!people.ContainsKey("programme") || await db.OutcomeLinks.AnyAsync(cancellationToken))
        {
            return;
        }
        foreach (var link in Links)
        {
            var input = await items.Traceable(link.InputType).FindAsync(link.Input, cancellationToken);
            var outcome = await items.Traceable(link.OutcomeType).FindAsync(link.Outcome, cancellationToken);
            if (input is null || outcome is null || !people.TryGetValue(link.By, out var person))
            {
                continue; // Another module's demo content was not made (a catalogue imported first, say): that chain is left out.
            }
            await links.LinkAsync(new LinkRequest(link.InputType, input.Key, link.OutcomeType, outcome.Key, link.Reason),
                await DemoAccounts.PrincipalAsync(db, person), cancellationToken);
        }
        await notifier.DiscardPendingAsync("Demo content: not sent", cancellationToken);
    }
}
