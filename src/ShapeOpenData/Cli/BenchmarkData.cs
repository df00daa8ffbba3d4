using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.DatasetRequests;
using ShapeOpenData.Modules.Jurisdiction;
using static ShapeOpenData.Cli.BenchmarkWords;
using Sector = ShapeOpenData.Modules.Shared.Sector;
using Theme = ShapeOpenData.Modules.Shared.Theme;

namespace ShapeOpenData.Cli;

/// <param name="HotComments">How many comments the busiest request gets (the long-thread case).</param>
public sealed record GenerationSize(int Requests, int Users, int Supports, int Comments, int HotComments)
{
    public static readonly GenerationSize National = new(200_000, 100_000, 2_000_000, 500_000, 5_000);
}

/// <summary>
/// Benchmark data at any scale, the same for the same seed: people, requests in every state and outcome,
/// supports that follow a power law (a few requests are wanted by thousands, most by a handful), follows,
/// comments (one request with thousands of them) and timelines. Written with <see cref="BulkWriter"/>.
/// </summary>
public sealed partial class BenchmarkData(AppDbContext db, Jurisdiction jurisdiction)
{
    private static readonly DateTime Start = new(2023, 1, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = new(2026, 10, 30, 17, 0, 0, DateTimeKind.Utc);

    private const string Generated = "generated.example";

    public async Task GenerateAsync(GenerationSize size, int seed, Action<string, int, int> progress, CancellationToken cancellationToken)
    {
        if (await db.DatasetRequests.AnyAsync(cancellationToken))
        {
            throw new InvalidOperationException("The database already has requests: generate into a new, empty database.");
        }
        var rules = await jurisdiction.GetAsync(cancellationToken);
        var organisations = await db.Organisations.OrderBy(o => o.Id).Select(o => o.Id).ToArrayAsync(cancellationToken);
        var firstUser = (await db.Users.MaxAsync(u => (int?)u.Id, cancellationToken) ?? 0) + 1;
        var sectors = SectorsOf(size.Users, seed);
        var requests = PlanRequests(size, seed, organisations, firstUser, rules);

        await using var writer = await BulkWriter.OpenAsync(db, cancellationToken);
        async Task Write(string table, string[] columns, IEnumerable<object?[]> rows, int total)
        {
            progress(table, 0, total);
            await writer.WriteAsync(table, columns, rows, written => progress(table, written, total), cancellationToken);
        }

        await Write("AspNetUsers", UserColumns, Users(size.Users, firstUser, sectors, seed), size.Users);
        await Write("DatasetRequests", RequestColumns, requests.Select(r => r.Row), requests.Length);
        await Write("RequestThemes", ["RequestId", "Theme"], requests.SelectMany(r => r.Themes.Select(t => new object?[] { r.Id, t.ToCode() })), requests.Sum(r => r.Themes.Length));
        await Write("RequestTitleTerms", ["RequestId", "Term"], requests.SelectMany(r => TitleTerms.Of(r.Title).Select(t => new object?[] { r.Id, t })), requests.Length * 5);
        await Write("RequestEvents", ["RequestId", "Kind", "State", "ActorId", "At", "DueOn", "Note"], requests.SelectMany(r => r.Events), requests.Sum(r => r.Events.Count));
        var supports = requests.Sum(r => r.SupportCount);
        await Write("Supports", ["TargetType", "TargetId", "UserId", "Use", "Sector", "CreatedAt"],
            Supports(requests, size.Users, firstUser, sectors, seed).Select(row => (object?[])[DatasetRequestsModule.ItemType, .. row]), supports);
        await Write("Follows", ["TargetType", "TargetId", "UserId", "CreatedAt", "Asked"], Follows(requests, size.Users, firstUser, sectors, seed), supports + requests.Length);
        await Write("Comments", ["Id", "TargetType", "TargetId", "ParentId", "AuthorId", "Body", "IsOfficial", "CreatedAt"], Comments(requests, size, firstUser, seed), size.Comments);
        foreach (var table in new[] { "AspNetUsers", "DatasetRequests", "Comments" })
        {
            await writer.ContinueIdentityAsync(table, cancellationToken);
        }
        progress("Statistics", 0, 1);
        await writer.FinishAsync(cancellationToken);
        progress("Statistics", 1, 1);
    }

    private static readonly string[] UserColumns =
    [
        "Id", "DisplayName", "Sector", "CreatedAt", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "SecurityStamp",
        "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount",
    ];

    private static IEnumerable<object?[]> Users(int count, int firstUser, Sector[] sectors, int seed)
    {
        var random = new Random(seed + 1);
        for (var i = 0; i < count; i++)
        {
            var email = $"user{i + 1}@{Generated}";
            yield return
            [
                firstUser + i, $"Person {i + 1}", sectors[i].ToCode(), Start.AddMinutes(random.Next(0, 1_500_000)), email, email.ToUpperInvariant(),
                email, email.ToUpperInvariant(), true, RandomGuid(random).ToString("N"), RandomGuid(random).ToString(), false, false, true, 0,
            ];
        }
    }

    private static Guid RandomGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>Who people are: a quarter business, a fifth civil society and individuals, and so on.</summary>
    private static Sector[] SectorsOf(int users, int seed)
    {
        var random = new Random(seed + 2);
        (Sector Sector, int Weight)[] weights = [(Sector.Business, 25), (Sector.CivilSociety, 20), (Sector.Academic, 15), (Sector.PublicSector, 15), (Sector.Media, 5), (Sector.Individual, 20)];
        return [.. Enumerable.Range(0, users).Select(_ => Pick(random, weights))];
    }

    private static T Pick<T>(Random random, (T Value, int Weight)[] weights)
    {
        var roll = random.Next(weights.Sum(w => w.Weight));
        foreach (var (value, weight) in weights)
        {
            if ((roll -= weight) < 0) return value;
        }
        return weights[^1].Value;
    }

    private sealed record PlannedRequest(int Id, string Title, int RequesterId, DateTime CreatedAt, Theme[] Themes, object?[] Row, List<object?[]> Events)
    {
        public int SupportCount { get; set; }
        public int CommentCount { get; set; }
    }

    private static readonly string[] RequestColumns =
    [
        "Id", "Title", "NormalizedTitle", "Description", "OrganisationId", "IntendedUse", "Benefits", "Barriers", "RegimeCode", "IsConfidential",
        "RequesterId", "ReceivedVia", "ReceivedOn", "CreatedAt", "UpdatedAt", "State", "DueOn", "ExtensionDays", "FirstRespondedAt", "AssignedAt",
        "ClosedAt", "Outcome", "OutcomeUrl", "ExpectedOn", "RefusalReason", "OutcomeExplanation", "ComplaintRoute", "DuplicateOfId",
        "SupportCount", "Version", "WorkingDaysLeftWhenPaused", "StateBeforePause",
    ];

    /// <summary>Every request, its support and comment counts decided up front so the rows agree with each other.</summary>
    private static PlannedRequest[] PlanRequests(GenerationSize size, int seed, int[] organisations, int firstUser, JurisdictionRules rules)
    {
        var random = new Random(seed);
        var planned = new PlannedRequest[size.Requests];
        var combinations = (long)Measures.Length * Breakdowns.Length * Places.Length * Periods.Length * Forms.Length;
        // A step coprime with the number of combinations visits each title once, in a scrambled order.
        var step = 104_729L;
        var organisationWeights = organisations.Select((id, i) => (id, Math.Max(1, 40 - i))).ToArray();
        (string Code, int Weight)[] regimes = [("service", 70), ("foi", 20), ("eir", 7), ("rpsi", 3)];
        var themes = Codes.All<Theme>();
        var span = (End - Start).TotalMinutes;
        for (var i = 0; i < size.Requests; i++)
        {
            var id = i + 1;
            var combination = (i * step) % combinations;
            var title = TitleOf(combination);
            var created = Start.AddMinutes(span * i / size.Requests + random.Next(0, 600));
            var regime = rules.Find(Pick(random, regimes)) ?? rules.ServiceStandard;
            var received = DateOnly.FromDateTime(created);
            var due = regime.DueOn(rules.Calendar, received);
            var requesterId = firstUser + random.Next(size.Users);
            var requestThemes = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => themes[random.Next(themes.Count)]).Distinct().ToArray();
            var (state, outcome) = StateFor(random, (double)i / size.Requests);
            var events = new List<object?[]>();
            void Event(RequestEventKind kind, RequestState after, int days, int? actor, string? note) =>
                events.Add([id, kind.ToCode(), after.ToCode(), actor, created.AddDays(days), due, note]);
            Event(RequestEventKind.Submitted, RequestState.Submitted, 0, requesterId, null);
            var path = new[] { RequestState.UnderReview, RequestState.Assigned, RequestState.InProgress };
            var steps = state == RequestState.Closed ? 3 : Array.IndexOf(path, state == RequestState.AwaitingRequester ? RequestState.InProgress : state) + 1;
            for (var s = 0; s < steps; s++)
            {
                Event(s switch { 0 => RequestEventKind.Reviewed, 1 => RequestEventKind.Assigned, _ => RequestEventKind.Started }, path[s], 1 + s * 2, null, null);
            }
            if (state == RequestState.AwaitingRequester) Event(RequestEventKind.ClarificationRequested, state, 8, null, "Which years do you need?");
            var closedAt = state == RequestState.Closed ? created.AddDays(10 + random.Next(20)) : (DateTime?)null;
            if (closedAt is { } closed) events.Add([id, RequestEventKind.Closed.ToCode(), RequestState.Closed.ToCode(), null, closed, due, $"Outcome: {outcome!.Value.ToText()}."]);

            var row = new object?[]
            {
                id, title, DatasetRequest.Normalise(title), $"We need **{title.ToLowerInvariant()}**, published as open data and kept up to date.",
                Pick(random, organisationWeights), Codes.All<IntendedUse>()[random.Next(6)].ToCode(), "It would help people plan and hold services to account.",
                random.Next(3) == 0 ? "not_published" : "", regime.Code, random.Next(50) == 0, requesterId, ReceivedVia.Service.ToCode(), received, created,
                closedAt ?? created.AddDays(steps * 2), state.ToCode(), due, 0, steps > 0 ? created.AddDays(1) : null, steps > 1 ? created.AddDays(3) : null,
                closedAt, outcome?.ToCode(), outcome is Outcome.Released or Outcome.AlreadyAvailable ? $"https://www.data.gov.uk/dataset/generated-{id}" : null,
                outcome == Outcome.Scheduled ? DateOnly.FromDateTime(End).AddDays(30 + random.Next(90)) : null,
                outcome == Outcome.Refused ? RefusalReason.CostLimit.ToCode() : null, outcome == Outcome.Refused ? "It would cost more than the limit to produce." : null,
                outcome == Outcome.Refused ? regime.ComplaintRoute : null, outcome == Outcome.Duplicate && id > 1 ? id - 1 : null,
                0, events.Count - 1, state == RequestState.AwaitingRequester ? 10 : null, state == RequestState.AwaitingRequester ? RequestState.InProgress.ToCode() : null,
            };
            if (outcome == Outcome.Duplicate && id == 1) row[Array.IndexOf(RequestColumns, "Outcome")] = Outcome.NotHeld.ToCode();
            if (row.Length != RequestColumns.Length) throw new InvalidOperationException("Request columns and values differ");
            planned[i] = new PlannedRequest(id, title, requesterId, created, requestThemes, row, events);
        }
        // Nobody supports their own request, so at most everyone else.
        var supports = PowerLaw(planned.Length, size.Supports, Math.Max(0, size.Users - 1), random);
        for (var i = 0; i < planned.Length; i++) planned[i].SupportCount = supports[i];
        var hot = planned.MaxBy(r => r.SupportCount)!;
        var others = planned.Where(r => r != hot).ToArray();
        // The busiest thread is the long one; others stay shorter than it.
        var comments = PowerLaw(others.Length, Math.Max(0, size.Comments - size.HotComments), Math.Max(1, Math.Min(1_000, size.HotComments - 1)), random);
        for (var i = 0; i < others.Length; i++) others[i].CommentCount = comments[i];
        hot.CommentCount = Math.Min(size.HotComments, size.Comments);
        foreach (var request in planned)
        {
            request.Row[Array.IndexOf(RequestColumns, "SupportCount")] = request.SupportCount;
        }
        return planned;
    }

    private static string TitleOf(long combination)
    {
        var measure = Measures[combination % Measures.Length];
        combination /= Measures.Length;
        var breakdown = Breakdowns[combination % Breakdowns.Length];
        combination /= Breakdowns.Length;
        var place = Places[combination % Places.Length];
        combination /= Places.Length;
        var period = Periods[combination % Periods.Length];
        combination /= Periods.Length;
        return $"{measure} in {place} {breakdown}, {period}{Forms[combination % Forms.Length]}";
    }

    /// <summary>Older requests are mostly closed; the newest are still being worked on.</summary>
    private static (RequestState, Outcome?) StateFor(Random random, double age)
    {
        if (age < 0.85 && random.Next(10) < 9 || age >= 0.85 && random.Next(10) < 3)
        {
            return (RequestState.Closed, Pick(random, [
                (Outcome.Released, 35), (Outcome.AlreadyAvailable, 15), (Outcome.Scheduled, 5), (Outcome.Refused, 15), (Outcome.NotHeld, 15),
                (Outcome.Duplicate, 8), (Outcome.Withdrawn, 5), (Outcome.NotADataRequest, 2)]));
        }
        return (Pick(random, [(RequestState.Submitted, 20), (RequestState.UnderReview, 15), (RequestState.Assigned, 20), (RequestState.InProgress, 35), (RequestState.AwaitingRequester, 10)]), null);
    }
}
