using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Comments;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Modules.Supports;
using ShapeOpenData.Modules.Notifications;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>
/// Demo requests across departments and themes, in every state and outcome, with supporters and comments.
/// They are made through the real workflow on a clock that walks forward from three months ago, so their
/// timelines, deadlines, audit entries and emails are what the service would have produced.
/// </summary>
internal sealed class DemoRequests(IServiceProvider services, AppDbContext db, Onboarding onboarding, TimeProvider serviceClock) : IDemoContent
{
    /// <param name="Dataset">The demo catalogue's dataset that answers it, for one released with data in the catalogue.</param>
    private sealed record Scenario(string Title, string Organisation, Theme[] Themes, IntendedUse Use, string Regime, string Requester, string Ending, string? Dataset = null);

    private static readonly Scenario[] Scenarios =
    [
        new("Bus punctuality by route for every English bus operator", "department-for-transport", [Theme.Transport], IntendedUse.Business, "none", "startup", "released", "bus-punctuality-by-operator"),
        new("Real-time availability of public electric vehicle chargepoints", "department-for-transport", [Theme.Transport, Theme.Environment], IntendedUse.Business, "none", "startup", "in_progress"),
        new("School-level exclusion figures by reason", "department-for-education", [Theme.Education], IntendedUse.Research, "foi", "researcher", "refused"),
        new("Planning application decisions by local authority, monthly", "ministry-of-housing-communities-local-government", [Theme.TownsAndCities], IntendedUse.Community, "none", "council", "assigned"),
        new("River water quality sampling results since 2010", "department-for-environment-food-rural-affairs", [Theme.Environment], IntendedUse.Community, "eir", "charity", "scheduled"),
        new("Accident and emergency waiting times by hospital trust, weekly", "department-of-health-and-social-care", [Theme.Health], IntendedUse.Journalism, "foi", "journalist", "awaiting"),
        new("Crime outcomes by police force area and offence type", "home-office", [Theme.CrimeAndJustice], IntendedUse.Journalism, "none", "journalist", "already_available"),
        new("Court hearing backlog by tribunal and hearing type", "ministry-of-justice", [Theme.CrimeAndJustice], IntendedUse.Research, "foi", "researcher", "overdue"),
        new("Spending on consultancy contracts by department", "cabinet-office", [Theme.GovernmentSpending], IntendedUse.Journalism, "foi", "journalist", "not_held"),
        new("Pothole repair times on local roads", "department-for-transport", [Theme.Transport, Theme.TownsAndCities], IntendedUse.Personal, "none", "resident", "submitted"),
        new("Flood risk assessments for new housing developments", "department-for-environment-food-rural-affairs", [Theme.Environment, Theme.Mapping], IntendedUse.Community, "eir", "charity", "under_review"),
        new("Apprenticeship starts by employer size and sector", "department-for-education", [Theme.Education, Theme.BusinessAndEconomy], IntendedUse.Research, "none", "researcher", "released"),
        new("Universal Credit claimant counts by electoral ward", "department-for-work-pensions", [Theme.Society], IntendedUse.Community, "none", "charity", "in_progress"),
        new("GP appointment availability by practice", "department-of-health-and-social-care", [Theme.Health], IntendedUse.Personal, "none", "resident", "withdrawn"),
        new("Completion rates for online government services", "cabinet-office", [Theme.DigitalServicePerformance], IntendedUse.Research, "none", "researcher", "released"),
        new("Register of government-owned land and buildings with boundaries", "cabinet-office", [Theme.GovernmentReferenceData, Theme.Mapping], IntendedUse.Business, "rpsi", "startup", "assigned"),
        new("Air quality readings from monitors near schools", "department-for-environment-food-rural-affairs", [Theme.Environment, Theme.Education], IntendedUse.Community, "eir", "charity", "overdue"),
        new("Prison population by establishment and age group", "ministry-of-justice", [Theme.CrimeAndJustice, Theme.Society], IntendedUse.Research, "none", "researcher", "duplicate"),
        new("Export licence decisions by destination country", "department-for-business-and-trade", [Theme.BusinessAndEconomy], IntendedUse.Journalism, "foi", "journalist", "refused"),
        new("Energy performance certificates for public buildings", "department-for-energy-security-and-net-zero", [Theme.Environment], IntendedUse.Business, "none", "startup", "in_progress"),
        new("Ferry route reliability statistics", "department-for-transport", [Theme.Transport], IntendedUse.Personal, "none", "resident", "not_a_data_request"),
        new("Charity annual accounts in an open, machine-readable format", "charity-commission", [Theme.Society], IntendedUse.Research, "rpsi", "charity", "released"),
        new("Food hygiene inspection backlog by local authority", "food-standards-agency", [Theme.Health, Theme.TownsAndCities], IntendedUse.Community, "none", "council", "under_review"),
        new("Inspection outcomes for children's homes", "ofsted", [Theme.Education, Theme.Society], IntendedUse.Journalism, "foi", "journalist", "awaiting"),
        new("Research and development tax credit claims by region", "hm-revenue-customs", [Theme.BusinessAndEconomy], IntendedUse.Business, "none", "startup", "submitted"),
        new("Step-free access and lift outages at railway stations", "office-of-rail-and-road", [Theme.Transport], IntendedUse.Community, "none", "charity", "released"),
    ];

    private static readonly string[] Comments =
    [
        "We would use this to plan services for people who rely on it every day.",
        "Is there any chance of getting this broken down by month rather than by year?",
        "The current spreadsheet only covers 2019 and the link on the old page is broken.",
        "Same need here. An API would be ideal, but a CSV updated regularly would already help a lot.",
    ];

    public int Order => 10;

    public async Task SeedAsync(IServiceProvider scope, CancellationToken cancellationToken)
    {
        var demo = await db.Users.Where(u => u.Email!.EndsWith("@" + DemoAccounts.Domain)).ToDictionaryAsync(u => u.Email!.Split('@')[0], cancellationToken);
        if (!demo.TryGetValue("startup", out var startup) || await db.DatasetRequests.AnyAsync(r => r.RequesterId == startup.Id, cancellationToken))
        {
            return;
        }
        var supporters = await SupportersAsync(cancellationToken);
        var clock = new DemoClock(serviceClock.GetUtcNow().AddDays(-95));
        var workflow = ActivatorUtilities.CreateInstance<RequestWorkflow>(services, clock);
        var supporting = ActivatorUtilities.CreateInstance<Supporting>(services, clock);
        var comments = ActivatorUtilities.CreateInstance<CommentThreads>(services, clock);
        var programme = await DemoAccounts.PrincipalAsync(db, demo["programme"]);
        var random = new Random(2026);
        var made = new List<int>();

        foreach (var (scenario, index) in Scenarios.Select((s, i) => (s, i)))
        {
            // Finished requests started months ago; open ones recently, except those meant to be overdue.
            clock.Now = scenario.Ending switch
            {
                "overdue" => serviceClock.GetUtcNow().AddDays(-75 - index),
                "submitted" or "under_review" or "assigned" or "in_progress" or "awaiting" => serviceClock.GetUtcNow().AddDays(-16 + index % 4),
                _ => serviceClock.GetUtcNow().AddDays(-95 + index * 3),
            };
            var requester = await DemoAccounts.PrincipalAsync(db, demo[scenario.Requester]);
            var organisation = await db.Organisations.SingleAsync(o => o.Slug == scenario.Organisation, cancellationToken);
            var request = await workflow.SubmitAsync(new NewRequest(
                scenario.Title, Describe(scenario), organisation.Id, scenario.Themes, scenario.Use,
                "It would let people see where things are improving and where they are not, and let us build on it.",
                [Barrier.NotPublished], false, demo[scenario.Requester].Id, ReceivedVia.Service, clock.Today()), scenario.Regime == "none" ? "service" : scenario.Regime, requester, cancellationToken);
            made.Add(request.Id);

            foreach (var supporter in supporters.OrderBy(_ => random.Next()).Take(random.Next(1, 2 + 40 / (index + 1))))
            {
                await supporting.SupportAsync(DatasetRequestsModule.ItemType, request.Id, supporter, random.Next(4) == 0 ? "We need this for our own analysis too." : null, cancellationToken);
            }
            clock.Advance(2);
            await comments.PostAsync(DatasetRequestsModule.ItemType, request.Id, null, Comments[index % Comments.Length], supporters[index % supporters.Count], cancellationToken);

            var publisher = demo.Values.FirstOrDefault(u => u.Email!.StartsWith("publisher.", StringComparison.Ordinal)
                && db.PublisherMemberships.Any(m => m.UserId == u.Id && m.OrganisationId == organisation.Id));
            var manager = publisher is null ? programme : await DemoAccounts.PrincipalAsync(db, publisher);
            await PlayAsync(scenario, request.Id, workflow, comments, clock, programme, manager, requester, organisation.Id, made, cancellationToken);
            // Each step reads what it changes: without this, every save would look over every request played so far.
            db.ChangeTracker.Clear();
        }
        // Demo people are not real: what the demo "sent" them is marked sent without going anywhere.
        await services.GetRequiredService<Notifier>().DiscardPendingAsync("Demo content: not sent", cancellationToken);
        // The demo's changes are stamped weeks ago, before the title index's last build: it must build again to see them.
        services.GetRequiredService<TitleIndex>().RebuildSoon();
    }

    /// <summary>Walks a request from submitted to its scenario's ending, a few days between steps.</summary>
    private async Task PlayAsync(Scenario scenario, int id, RequestWorkflow workflow, CommentThreads comments, DemoClock clock,
        ClaimsPrincipal programme, ClaimsPrincipal manager, ClaimsPrincipal requester, int organisationId, List<int> made, CancellationToken cancellationToken)
    {
        if (scenario.Ending == "submitted") return;
        if (scenario.Ending == "withdrawn")
        {
            clock.Advance(1);
            await workflow.WithdrawAsync(id, requester, "I found what I needed on the practice websites.", cancellationToken);
            return;
        }
        clock.Advance(1);
        await workflow.ReviewAsync(id, programme, "Thank you: we are checking who holds this data.", cancellationToken);
        if (scenario.Ending == "under_review") return;
        if (scenario.Ending == "not_a_data_request")
        {
            clock.Advance(1);
            await workflow.CloseAsync(id, programme, new Closing(Outcome.NotADataRequest,
                Explanation: "This is a question about a specific sailing rather than a request for data. We have passed it to the operator."), cancellationToken);
            return;
        }
        if (scenario.Ending == "duplicate")
        {
            clock.Advance(1);
            await workflow.CloseAsync(id, programme, new Closing(Outcome.Duplicate, DuplicateOfId: made[^2],
                Explanation: "Please support the earlier request instead."), cancellationToken);
            return;
        }
        clock.Advance(2);
        await workflow.AssignAsync(id, programme, organisationId, null, "The department holds this data.", cancellationToken);
        if (scenario.Ending == "assigned") return;
        clock.Advance(2);
        await workflow.StartAsync(id, manager, "We are looking at what we can publish.", cancellationToken);
        await comments.PostAsync(DatasetRequestsModule.ItemType, id, null,
            "We have found the source system and are checking the data for personal information before we publish.", manager, cancellationToken);
        if (scenario.Ending is "in_progress" or "overdue") return;
        clock.Advance(3);
        await workflow.AskAsync(id, manager, "Do you need figures for each year separately, or would a single total do?", cancellationToken);
        if (scenario.Ending == "awaiting") return;
        clock.Advance(4);
        await workflow.AnswerAsync(id, requester, "Each year separately, please: we want to see the trend.", cancellationToken);
        clock.Advance(5);
        var closing = scenario.Ending switch
        {
            // Answered with the demo catalogue's dataset when the catalogue holds it (not when a real one was imported first).
            "released" when scenario.Dataset is not null && await workflow.FindDatasetAsync(scenario.Dataset, cancellationToken) is { } dataset =>
                new Closing(Outcome.Released, DatasetId: dataset, Explanation: "Published as CSV, updated monthly."),
            "released" => new Closing(Outcome.Released, new Uri($"https://www.data.gov.uk/dataset/demo-{id}"), Explanation: "Published as CSV, updated monthly."),
            "already_available" => new Closing(Outcome.AlreadyAvailable, new Uri("https://data.police.uk/data/"), Explanation: "These figures are already published each month."),
            "scheduled" => new Closing(Outcome.Scheduled, ExpectedOn: serviceClock.Today().AddDays(30), Explanation: "We will publish this with the next quarterly release."),
            "refused" => new Closing(Outcome.Refused, RefusalReason: RefusalReason.PersonalData,
                Explanation: "At this level of detail the figures could identify individual pupils. We can publish figures for areas instead."),
            _ => new Closing(Outcome.NotHeld, Explanation: "We do not collect this centrally; each organisation keeps its own records."),
        };
        await workflow.CloseAsync(id, manager, closing, cancellationToken);
    }

    private static string Describe(Scenario scenario) =>
        $"""
        We are asking for **{scenario.Title.ToLowerInvariant()}**, published as open data.

        - In a machine-readable format such as CSV
        - Updated at least quarterly
        - With a data dictionary explaining each field
        """;


    /// <summary>Forty more demo participants, so requests show a believable mix of supporters.</summary>
    private async Task<List<ClaimsPrincipal>> SupportersAsync(CancellationToken cancellationToken)
    {
        var sectors = Codes.All<Sector>();
        var principals = new List<ClaimsPrincipal>();
        for (var i = 1; i <= 40; i++)
        {
            var (user, _) = await onboarding.AddAsync(new NewPerson($"supporter{i:00}@{DemoAccounts.Domain}", $"Demo supporter {i}"), cancellationToken);
            user!.Sector = sectors[i % sectors.Count];
            principals.Add(await DemoAccounts.PrincipalAsync(db, user));
        }
        await db.SaveChangesAsync(cancellationToken);
        return principals;
    }
}
