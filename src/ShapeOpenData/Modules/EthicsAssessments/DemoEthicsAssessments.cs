using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Notifications;

namespace ShapeOpenData.Modules.EthicsAssessments;

/// <summary>
/// Two demo assessments, made through the real workflow on a clock walking forward from months ago: a bus reliability
/// model by the Department for Transport, assessed at its start and development stages and published; and a council's
/// housing repairs triage, assessed at its start and still private to its team (the charity and the council).
/// </summary>
internal sealed class DemoEthicsAssessments(IServiceProvider services, AppDbContext db, TimeProvider serviceClock) : IDemoContent
{
    private Dictionary<string, Accounts.User> _people = [];
    private readonly DemoClock _clock = new(serviceClock.GetUtcNow());
    private EthicsAssessmentWorkflow _workflow = null!;
    private CancellationToken _cancellationToken;

    public int Order => 35;

    public async Task SeedAsync(IServiceProvider scope, CancellationToken cancellationToken)
    {
        _people = await db.Users.Where(u => u.Email!.EndsWith("@" + DemoAccounts.Domain)).ToDictionaryAsync(u => u.Email!.Split('@')[0], cancellationToken);
        if (!_people.ContainsKey("publisher.dft") || await db.EthicsAssessments.AnyAsync(cancellationToken))
        {
            return;
        }
        _cancellationToken = cancellationToken;
        var notifier = ActivatorUtilities.CreateInstance<Notifier>(services, _clock);
        _workflow = ActivatorUtilities.CreateInstance<EthicsAssessmentWorkflow>(services, _clock, notifier);
        await BusReliabilityAsync();
        await HousingRepairsAsync();
        // Demo people are not real: what the demo "sent" them is marked sent without going anywhere.
        await services.GetRequiredService<Notifier>().DiscardPendingAsync("Demo content: not sent", cancellationToken);
    }

    private async Task BusReliabilityAsync()
    {
        const string slug = "bus-reliability-predictions";
        var organisation = await db.Organisations.Where(o => o.Slug == "department-for-transport").Select(o => (int?)o.Id).SingleOrDefaultAsync(_cancellationToken);
        Days(-120);
        await _workflow.StartAsync(slug, new AssessmentDetails("Bus reliability predictions",
            "A model that predicts how late buses will run on each route, from live vehicle locations (BODS) and the weather, so that local " +
            "transport authorities can target **bus priority** schemes and passengers can plan journeys.\n\n" +
            "The predictions will be published as open data each week.", organisation), await AsAsync("publisher.dft"), _cancellationToken);
        await _workflow.AddMemberAsync(slug, _people["startup"].Email!, await AsAsync("publisher.dft"), _cancellationToken);
        Days(-115);
        await AssessAsync(slug, "publisher.dft", ProjectStage.Start, [
            (2, "We say what the model is for in the project brief, but nothing is public yet."),
            (3, "The Head of Bus Data owns the model; no board has reviewed it yet."),
            (2, "Rural routes have fewer vehicle pings, so predictions there may be worse. Not yet measured."),
            (4, "Three authorities asked for route-level delay figures; we interviewed planners at two of them."),
            (1, "The team is two analysts. We have not yet involved operators or passenger groups."),
            (3, "No personal data: vehicle positions only. DPIA screening done; legal review booked."),
            (2, "About 8% of journeys have gaps in location data; we have not checked which operators."),
            (2, "Published delay figures could be read as league tables of operators. To discuss with policy colleagues."),
        ]);
        Days(-40);
        await AssessAsync(slug, "startup", ProjectStage.Development, [
            (4, "Method note and model card drafted for publication alongside the data."),
            (4, "A steering group with two authorities and an operator reviews each release."),
            (3, "Errors on rural routes measured: 40% higher. We publish error bands per route and flag sparse ones."),
            (4, "Tested the route view with six planners; they asked for a weekly, not daily, figure."),
            (3, "An operator and a passenger charity now review releases. Still no disability organisation."),
            (4, "Legal review found no personal data issues; terms of the BODS licence confirmed."),
            (3, "Gaps traced to two operators' equipment; they are fixing it. Documented in the quality statement."),
            (3, "Agreed with policy colleagues to show delays by route, not ranked by operator."),
        ]);
        Days(-38);
        await _workflow.PublishAsync(slug, await AsAsync("publisher.dft"), _cancellationToken);
    }

    private async Task HousingRepairsAsync()
    {
        const string slug = "housing-repairs-triage";
        Days(-21);
        await _workflow.StartAsync(slug, new AssessmentDetails("Housing repairs triage",
            "Using tenants' repair reports and past inspection records to decide which damp and mould cases a council inspects first.", null),
            await AsAsync("council"), _cancellationToken);
        await _workflow.AddMemberAsync(slug, _people["charity"].Email!, await AsAsync("council"), _cancellationToken);
        Days(-14);
        await AssessAsync(slug, "council", ProjectStage.Start, [
            (1, "Tenants are not told that reports are scored. We plan to say so on the repairs form."),
            (2, "Repairs manager accountable; no sign-off process for changing the scoring yet."),
            (1, "Past inspections favoured tenants who chased by phone: the history may carry that bias."),
            (3, "The aim is to reach serious damp and mould faster, after a coroner's report."),
            (2, "The housing charity has joined the team; no tenants involved yet."),
            (2, "Repair reports hold personal data. DPIA started; lawful basis still to be confirmed."),
            (1, "Records before 2021 are in free text and incomplete."),
            (2, "If it works, other councils may copy it: we should publish the method and its limits."),
        ]);
    }

    private async Task AssessAsync(string slug, string person, ProjectStage stage, (int Score, string Notes)[] scores) =>
        await _workflow.AssessAsync(slug, stage, _clock.Today(),
            [.. Enum.GetValues<EthicsItem>().Select((item, i) => new ItemAnswer(item, scores[i].Score, scores[i].Notes))],
            await AsAsync(person), _cancellationToken);

    private Task<ClaimsPrincipal> AsAsync(string person) => DemoAccounts.PrincipalAsync(db, _people[person]);

    private void Days(int fromToday) => _clock.Now = serviceClock.GetUtcNow().AddDays(fromToday);
}
