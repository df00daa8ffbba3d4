using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Notifications;

namespace ShapeOpenData.Modules.Commitments;

/// <summary>
/// Demo plans and commitments: the UK's 2016–18 Open Government National Action Plan with its open-data commitment
/// (assessed at mid-term and at the end of the term, "marginal" for want of evidence) and an open contracting commitment
/// the assessors starred; and the Department for Transport's current plan, with milestones met, in progress, overdue and
/// not started. Made through the real workflows on a clock set to when each step happened.
/// </summary>
internal sealed class DemoCommitments(IServiceProvider services, AppDbContext db, TimeProvider serviceClock) : IDemoContent
{
    public const string PlanSlug = "uk-open-government-2016-18";

    private readonly DemoClock _clock = new(serviceClock.GetUtcNow());
    private Dictionary<string, User> _people = [];
    private CommitmentWorkflow _commitments = null!;
    private CancellationToken _cancellationToken;

    /// <summary>After the consultations (25), before moderation (30).</summary>
    public int Order => 26;

    public async Task SeedAsync(IServiceProvider scope, CancellationToken cancellationToken)
    {
        _people = await db.Users.Where(u => u.Email!.EndsWith("@" + DemoAccounts.Domain)).ToDictionaryAsync(u => u.Email!.Split('@')[0], cancellationToken);
        if (!_people.ContainsKey("programme") || !_people.ContainsKey("publisher.dft") || await db.EngagementPlans.AnyAsync(p => p.Slug == PlanSlug, cancellationToken))
        {
            return;
        }
        _cancellationToken = cancellationToken;
        var following = ActivatorUtilities.CreateInstance<Following>(services, _clock);
        var notifier = ActivatorUtilities.CreateInstance<Notifier>(services, _clock);
        _commitments = ActivatorUtilities.CreateInstance<CommitmentWorkflow>(services, _clock, following, notifier);
        await NationalActionPlanAsync();
        await TransportPlanAsync();
        await services.GetRequiredService<Notifier>().DiscardPendingAsync("Demo content: not sent", cancellationToken);
    }

    private async Task NationalActionPlanAsync()
    {
        At(2016, 5, 12);
        var programme = await AsAsync("programme");
        var cabinetOffice = await OrganisationAsync("cabinet-office");
        var plan = ActivatorUtilities.CreateInstance<PlanWorkflow>(services, _clock);
        await plan.PublishAsync(PlanSlug, new PlanDetails("UK Open Government National Action Plan 2016–18",
            "The UK's third National Action Plan for the Open Government Partnership, made with civil society through the UK Open Government Network. Its commitments run from May 2016 to June 2018 and were assessed by the OGP's Independent Reporting Mechanism at mid-term and at the end of the term.", cabinetOffice, new DateOnly(2016, 5, 12), new DateOnly(2018, 6, 30)), programme, _cancellationToken);

        At(2016, 6, 1);
        const string openData = "UK16-OD";
        await _commitments.AddAsync(PlanSlug, openData, new CommitmentDetails("Open data: engage data users and publish the data they ask for",
            "We will be clearer and more proactive about the routes through which data can be requested and the obligations of public bodies to respond, give data users a public way to ask for datasets and support each other's requests, and consult them on draft policy — including a data ethics framework — through an interactive online participation tool. Every request and response will be public, so that progress can be checked.", cabinetOffice, [await OrganisationAsync("department-for-transport"), await OrganisationAsync("department-for-environment-food-rural-affairs")],
            new DateOnly(2016, 6, 1), new DateOnly(2018, 6, 30)), programme, _cancellationToken);
        await MilestoneAsync(openData, "Open a public service where data users request datasets and support each other's requests", new DateOnly(2016, 12, 31));
        await MilestoneAsync(openData, "Consult data users on a draft data ethics framework through an interactive online participation tool", new DateOnly(2017, 6, 30));
        await MilestoneAsync(openData, "Publish each department's record of answering dataset requests on time", new DateOnly(2018, 3, 31));
        At(2016, 11, 30);
        await MilestoneMetAsync(openData, 1, "https://data.gov.uk/data-request");
        await UpdateAsync(openData, "The request service is open. 214 requests were made in its first month; departments answered 61% within 20 working days.",
            "https://data.gov.uk/data-request");
        At(2017, 5, 15);
        await MilestoneMetAsync(openData, 2, "The consultation report, 'Data ethics framework: what we heard', published with the consultation's outcome");
        At(2017, 9, 30);
        await AssessAsync(openData, new AssessmentDetails(AssessmentKind.MidTerm, new DateOnly(2017, 9, 30), Specificity.Medium, true, true, false, true,
            PotentialImpact.Moderate, Completion.Limited, null,
            "The request service is live and used, but the commitment does not say how many datasets should be released in response, so progress is hard to judge."));
        At(2018, 4, 3);
        await _commitments.ChangeMilestoneAsync(openData, 3, new MilestoneChange("Publish each department's record of answering dataset requests on time",
            new DateOnly(2018, 3, 31), MilestoneState.NotMet, "Records were published for four of seventeen departments.", null), programme, _cancellationToken);
        await UpdateAsync(openData, "Four departments publish their record of answering requests; the rest have not yet agreed to.", null);
        await ChangeCompletionAsync(openData, Completion.Substantial);
        At(2018, 9, 28);
        await AssessAsync(openData, new AssessmentDetails(AssessmentKind.EndOfTerm, new DateOnly(2018, 9, 28), Specificity.Medium, true, true, false, true,
            PotentialImpact.Moderate, Completion.Substantial, OpenedGovernment.Marginal,
            "The tools were built and used, but there is little evidence yet that requests led to data being published: the early results are marginal."));

        At(2016, 6, 1);
        const string contracts = "UK16-OC";
        await _commitments.AddAsync(PlanSlug, contracts, new CommitmentDetails("Open contracting: publish central government contracts to the Open Contracting Data Standard",
            "We will publish data on central government contracts, from planning to completion, to the Open Contracting Data Standard, so anyone can follow public money.",
            cabinetOffice, [], new DateOnly(2016, 6, 1), new DateOnly(2018, 6, 30)), programme, _cancellationToken);
        await MilestoneAsync(contracts, "Publish Contracts Finder data to the Open Contracting Data Standard", new DateOnly(2017, 3, 31));
        await MilestoneAsync(contracts, "Add contract amendments and completion to the published data", new DateOnly(2018, 3, 31));
        At(2017, 3, 20);
        await MilestoneMetAsync(contracts, 1, "https://www.contractsfinder.service.gov.uk/apidocumentation");
        At(2018, 3, 25);
        await MilestoneMetAsync(contracts, 2, "https://www.contractsfinder.service.gov.uk/apidocumentation");
        await ChangeCompletionAsync(contracts, Completion.Complete);
        At(2018, 9, 28);
        await AssessAsync(contracts, new AssessmentDetails(AssessmentKind.EndOfTerm, new DateOnly(2018, 9, 28), Specificity.High, true, false, true, true,
            PotentialImpact.Transformative, Completion.Complete, OpenedGovernment.Major,
            "Contract data from planning to completion is now open in a standard form and used by journalists and civil society."));

        // A researcher follows the open-data commitment, as a data user would.
        await ActivatorUtilities.CreateInstance<Following>(services, _clock).FollowAsync(_people["researcher"].Id, Shared.ItemTypes.Commitment,
            await db.Commitments.Where(c => c.Reference == openData).Select(c => c.Id).SingleAsync(_cancellationToken), _cancellationToken);
        await db.SaveChangesAsync(_cancellationToken);
    }

    private async Task TransportPlanAsync()
    {
        var today = serviceClock.Today();
        _clock.Now = serviceClock.GetUtcNow().AddMonths(-8);
        var dft = await OrganisationAsync("department-for-transport");
        var publisher = await AsAsync("publisher.dft");
        const string slug = "dft-open-data-2026-27";
        await ActivatorUtilities.CreateInstance<PlanWorkflow>(services, _clock).PublishAsync(slug, new PlanDetails("Department for Transport open data plan, year two",
            "What the Department for Transport will publish this year in answer to the requests data users made, and how we will involve them.",
            dft, today.AddMonths(-8), today.AddMonths(4)), publisher, _cancellationToken);

        const string buses = "DFT-01";
        await _commitments.AddAsync(slug, buses, new CommitmentDetails("Publish bus timetables and fares as open data",
            "Every local bus timetable and fare in England, published as open data in the standard formats, updated daily.",
            dft, [], today.AddMonths(-8), today.AddMonths(4)), publisher, _cancellationToken);
        await MilestoneAsync(buses, "Publish timetables for every operator in England", today.AddMonths(-4), "publisher.dft");
        await MilestoneAsync(buses, "Publish fares for the ten largest operators", today.AddDays(-20), "publisher.dft");
        await MilestoneAsync(buses, "Publish fares for every operator", today.AddMonths(3), "publisher.dft");
        _clock.Now = serviceClock.GetUtcNow().AddMonths(-4).AddDays(-3);
        await MilestoneMetAsync(buses, 1, "https://data.bus-data.dft.gov.uk/timetable/", "publisher.dft");
        _clock.Now = serviceClock.GetUtcNow().AddDays(-35);
        await _commitments.ChangeMilestoneAsync(buses, 2, new MilestoneChange("Publish fares for the ten largest operators", today.AddDays(-20),
            MilestoneState.InProgress, null, null), publisher, _cancellationToken);
        await UpdateAsync(buses, "Fares for six of the ten largest operators are published; the other four are checking their data.", "https://data.bus-data.dft.gov.uk/fares/", "publisher.dft");
        await ChangeCompletionAsync(buses, Completion.Limited, "publisher.dft");

        _clock.Now = serviceClock.GetUtcNow().AddMonths(-6);
        const string roads = "DFT-02";
        await _commitments.AddAsync(slug, roads, new CommitmentDetails("Open road safety data at street level",
            "Road collision data published at street level, with the notes people asked for on how each field is collected.",
            dft, [], today.AddMonths(-6), today.AddMonths(4)), publisher, _cancellationToken);
        await MilestoneAsync(roads, "Publish collisions by street segment for 2025", today.AddMonths(1), "publisher.dft");
        await MilestoneAsync(roads, "Publish the data dictionary asked for in request 'Road safety field definitions'", today.AddMonths(2), "publisher.dft");
        await _commitments.ChangeMilestoneAsync(roads, 1, new MilestoneChange("Publish collisions by street segment for 2025", today.AddMonths(1),
            MilestoneState.InProgress, null, null), publisher, _cancellationToken);
    }

    private async Task MilestoneAsync(string reference, string title, DateOnly dueOn, string person = "programme") =>
        await _commitments.AddMilestoneAsync(reference, title, dueOn, await AsAsync(person), _cancellationToken);

    private async Task MilestoneMetAsync(string reference, int number, string evidence, string person = "programme")
    {
        var milestone = (await _commitments.FindAsync(reference, _cancellationToken)).Milestones.Single(m => m.Number == number);
        await _commitments.ChangeMilestoneAsync(reference, number, new MilestoneChange(milestone.Title, milestone.DueOn, MilestoneState.Met, evidence,
            DateOnly.FromDateTime(_clock.Now.UtcDateTime)), await AsAsync(person), _cancellationToken);
    }

    private async Task UpdateAsync(string reference, string text, string? evidence, string person = "programme") =>
        await _commitments.PostUpdateAsync(reference, DateOnly.FromDateTime(_clock.Now.UtcDateTime), text, evidence, await AsAsync(person), _cancellationToken);

    private async Task ChangeCompletionAsync(string reference, Completion completion, string person = "programme")
    {
        var c = await _commitments.FindAsync(reference, _cancellationToken);
        await _commitments.ChangeAsync(reference, new CommitmentDetails(c.Title, c.Description, c.LeadOrganisationId, [.. c.Supporters.Select(s => s.OrganisationId)],
            c.StartsOn, c.EndsOn), completion, await AsAsync(person), _cancellationToken);
    }

    private async Task AssessAsync(string reference, AssessmentDetails details)
    {
        var assessor = _people.TryGetValue("assessor", out var found) ? found : null;
        if (assessor is not null)
        {
            await _commitments.AssessAsync(reference, details, await DemoAccounts.PrincipalAsync(db, assessor), _cancellationToken);
        }
    }

    private Task<int> OrganisationAsync(string slug) => db.Organisations.Where(o => o.Slug == slug).Select(o => o.Id).SingleAsync(_cancellationToken);

    private Task<ClaimsPrincipal> AsAsync(string person) => DemoAccounts.PrincipalAsync(db, _people[person]);

    private void At(int year, int month, int day) => _clock.Now = new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.Zero);
}
