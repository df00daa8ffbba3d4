using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Comments;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Notifications;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Updates;

/// <summary>
/// Demo policy updates: the programme team on the new request service standard and on the data ethics framework, and
/// the Department for Transport on bus open data; with tags, comments, and suggestions answered in each way (noted,
/// adopted, not adopted with the reason) and one still waiting. Made through the real workflows on a clock set to when
/// each step happened.
/// </summary>
internal sealed class DemoUpdates(IServiceProvider services, AppDbContext db, TimeProvider serviceClock) : IDemoContent
{
    private readonly DemoClock _clock = new(serviceClock.GetUtcNow());
    private Dictionary<string, User> _people = [];
    private UpdateWorkflow _updates = null!;
    private CommentThreads _comments = null!;
    private CancellationToken _cancellationToken;

    /// <summary>After commitments (26) and outcomes (27), before moderation (30).</summary>
    public int Order => 28;

    public async Task SeedAsync(IServiceProvider scope, CancellationToken cancellationToken)
    {
        _people = await db.Users.Where(u => u.Email!.EndsWith("@" + DemoAccounts.Domain)).ToDictionaryAsync(u => u.Email!.Split('@')[0], cancellationToken);
        if (!_people.ContainsKey("programme") || !_people.ContainsKey("publisher.dft") || await db.PolicyUpdates.AnyAsync(cancellationToken))
        {
            return;
        }
        _cancellationToken = cancellationToken;
        var following = ActivatorUtilities.CreateInstance<Following>(services, _clock);
        var notifier = ActivatorUtilities.CreateInstance<Notifier>(services, _clock);
        _updates = ActivatorUtilities.CreateInstance<UpdateWorkflow>(services, _clock, following, notifier);
        _comments = ActivatorUtilities.CreateInstance<CommentThreads>(services, _clock, following, notifier);

        var cabinetOffice = await OrganisationAsync("cabinet-office");
        var dft = await OrganisationAsync("department-for-transport");

        _clock.Now = serviceClock.GetUtcNow().AddDays(-40);
        var standard = await PostAsync("programme", new UpdateDetails("A service standard for answering dataset requests",
            "From next month every department will aim to answer dataset requests within 20 working days, and publish how often it does.",
            """
            Data users told us that the hardest part of asking for data is not knowing when, or whether, an answer will come.

            From next month every department will:

            - acknowledge a request on the day it arrives
            - answer it within **20 working days**, the same as the Freedom of Information Act allows
            - publish its record of answering on time, on its organisation page

            Requests made under a legal regime keep their own deadlines. Tell us what would make the standard work for you.
            """, cabinetOffice, ["service-standard", "dataset-requests", "open-data"]));
        _clock.Advance(2);
        var shorter = await SuggestAsync("startup", standard, "Ten working days would be enough for data that is already published somewhere and only needs a link.");
        await CommentAsync("journalist", standard, "Will the record include requests that were refused, or only those answered?");
        _clock.Advance(1);
        var record = await SuggestAsync("researcher", standard, "Publish the record as open data (CSV) as well as on the organisation page, so it can be compared across departments.");
        _clock.Advance(3);
        await AnswerAsync("programme", standard, record, SuggestionAnswer.Adopted, "Each organisation's record will be in the open data downloads and the API.");
        await AnswerAsync("programme", standard, shorter, SuggestionAnswer.NotAdopted,
            "Departments must check that a link answers the request, and some need to consult the data's owner: we keep 20 working days as the most anyone waits, and report how many are answered sooner.");

        _clock.Now = serviceClock.GetUtcNow().AddDays(-21);
        var ethics = await PostAsync("programme", new UpdateDetails("Data ethics framework: what happens next",
            "The consultation on the draft data ethics framework has closed. Here is how we will use what you said.",
            """
            Thank you to everyone who commented on the draft data ethics framework, answered the survey or voted on statements.

            We are reading every comment. We will publish what we heard, and what we changed because of it, alongside the next version of the framework.
            """, cabinetOffice, ["data-ethics", "consultations"]));
        _clock.Advance(1);
        var plain = await SuggestAsync("charity", ethics, "Publish a plain English summary of the framework for small charities without a data team.");
        await CommentAsync("council", ethics, "Local authorities would welcome worked examples, especially for social care data.");
        _clock.Advance(4);
        await AnswerAsync("programme", ethics, plain, SuggestionAnswer.Noted, "We will look at this when we publish the next version.");

        _clock.Now = serviceClock.GetUtcNow().AddDays(-9);
        var buses = await PostAsync("publisher.dft", new UpdateDetails("Bus fares data: what we are publishing and when",
            "Fares for six of the ten largest bus operators are now open data. The rest follow this quarter.",
            """
            Fares data for six of the ten largest operators in England is now published on the [Bus Open Data Service](https://data.bus-data.dft.gov.uk/), updated daily.

            The other four operators are checking their data. We expect to publish it this quarter, and fares for every operator by the end of the plan.
            """, dft, ["transport", "buses", "open-data"]));
        _clock.Advance(1);
        var zones = await SuggestAsync("startup", buses, "Include fare zones as map boundaries, not only zone names, so journey planners can use them.");
        await CommentAsync("resident", buses, "Good news. Will it include concessionary fares?");
        _clock.Advance(2);
        await AnswerAsync("publisher.dft", buses, zones, SuggestionAnswer.Adopted, "Fare zones will be published as GeoJSON boundaries with the next release.");
        await SuggestAsync("researcher", buses, "Publish the history of fares too, not only today's, so changes over time can be studied.");

        await db.SaveChangesAsync(cancellationToken);
        await services.GetRequiredService<Notifier>().DiscardPendingAsync("Demo content: not sent", cancellationToken);
    }

    private async Task<PolicyUpdate> PostAsync(string person, UpdateDetails details) =>
        await _updates.PostAsync(details, await AsAsync(person), _cancellationToken);

    private async Task<Suggestion> SuggestAsync(string person, PolicyUpdate update, string text) =>
        await _updates.SuggestAsync(update.Slug, text, await AsAsync(person), _cancellationToken);

    private async Task AnswerAsync(string person, PolicyUpdate update, Suggestion suggestion, SuggestionAnswer answer, string reason) =>
        await _updates.AnswerAsync(update.Slug, suggestion.Id, answer, reason, await AsAsync(person), _cancellationToken);

    private async Task CommentAsync(string person, PolicyUpdate update, string text) =>
        await _comments.PostAsync(ItemTypes.Update, update.Id, null, text, await AsAsync(person), _cancellationToken);

    private Task<int> OrganisationAsync(string slug) => db.Organisations.Where(o => o.Slug == slug).Select(o => o.Id).SingleAsync(_cancellationToken);

    private Task<ClaimsPrincipal> AsAsync(string person) => DemoAccounts.PrincipalAsync(db, _people[person]);
}
