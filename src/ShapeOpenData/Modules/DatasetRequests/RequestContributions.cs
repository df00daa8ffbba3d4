using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>Public requests as other modules link to them (an action serving a request) and find them: by number, web address or exact title.</summary>
public sealed partial class RequestTraces(AppDbContext db) : ITraceable
{
    public string Type => ItemTypes.Request;

    public async Task<IReadOnlyList<TracedItem>> PublicAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        await TracedAsync(Public().Where(r => ids.Contains(r.Id)), cancellationToken);

    public async Task<TracedItem?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        var text = reference.Trim();
        var key = Address().Match(text) is { Success: true } address ? address.Groups["number"].Value : text.TrimStart('#');
        var found = int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? Public().Where(r => r.Id == number)
            : Public().Where(r => r.NormalizedTitle == DatasetRequest.Normalise(text));
        return (await TracedAsync(found.OrderBy(r => r.Id).Take(1), cancellationToken)).SingleOrDefault();
    }

    /// <summary>A request's web address, absolute or not: <c>https://…/requests/12</c>.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:.*)?/requests/(?<number>\d{1,9})/?(?:[?#].*)?$")]
    private static partial System.Text.RegularExpressions.Regex Address();

    private IQueryable<DatasetRequest> Public() => db.DatasetRequests.Where(DatasetRequestPermissions.VisibleTo(new ClaimsPrincipal()));

    /// <summary>The requests, standing as how many people need each: the figure the request's own page shows.</summary>
    internal static async Task<List<TracedItem>> TracedAsync(IQueryable<DatasetRequest> requests, CancellationToken cancellationToken) =>
        [.. (await requests.Select(r => new { r.Id, r.Title, r.SupportCount }).ToListAsync(cancellationToken))
            .Select(r => new TracedItem(ItemTypes.Request, r.Id, r.Id.ToString(CultureInfo.InvariantCulture), r.Title, $"/requests/{r.Id}",
                $"{r.SupportCount:N0} {(r.SupportCount == 1 ? "person needs" : "people need")} this"))];
}

/// <summary>On a dataset's page: the requests it answers, those the reader may see.</summary>
internal sealed class RequestsAnsweredByDataset(AppDbContext db) : IPageSection
{
    public string Page => ItemTypes.Dataset;

    public async Task<PageSection?> ForAsync(int id, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        var answered = await RequestTraces.TracedAsync(
            db.DatasetRequests.Where(r => r.DatasetId == id).Where(DatasetRequestPermissions.VisibleTo(reader)).OrderBy(r => r.ClosedAt), cancellationToken);
        return answered.Count == 0 ? null : new PageSection("/Modules/DatasetRequests/_AnsweredBy.cshtml", answered);
    }
}

/// <summary>After a catalogue import, requests answered with the address of a dataset now in the catalogue are linked to it.</summary>
internal sealed class LinkAnsweredRequests(RequestWorkflow workflow) : IReaction<CatalogueImported>
{
    public Task<int> HandleAsync(CatalogueImported happened, CancellationToken cancellationToken) => workflow.LinkAnsweredRequestsAsync(cancellationToken);
}

/// <summary>
/// An organisation's record on requests: how many it received, the share answered by the deadline (of those
/// closed or past it, withdrawn ones aside), and the typical working days to a first response and to closing.
/// </summary>
internal sealed class RequestFigures(AppDbContext db, Jurisdiction.Jurisdiction jurisdiction, TimeProvider clock) : ICountable
{
    public async Task<IReadOnlyList<Figure>> CountAsync(CountScope? scope, CancellationToken cancellationToken)
    {
        var calendar = (await jurisdiction.GetAsync(cancellationToken)).Calendar;
        var today = clock.Today();
        var requests = await db.DatasetRequests.Where(r => scope == null || r.OrganisationId == scope.OrganisationId)
            .Select(r => new { r.ReceivedOn, r.DueOn, r.State, r.Outcome, r.FirstRespondedAt, r.ClosedAt }).ToListAsync(cancellationToken);
        var judged = requests.Where(r => r.Outcome != Outcome.Withdrawn && (r.State == RequestState.Closed || (r.State != RequestState.AwaitingRequester && r.DueOn < today))).ToList();
        var onTime = judged.Count(r => r.ClosedAt is { } closed && DateOnly.FromDateTime(closed.ToUkTime()) <= r.DueOn);

        int? WorkingDays(DateOnly from, DateTime? at) =>
            at is { } when && DateOnly.FromDateTime(when.ToUkTime()) is var to && calendar.Covers(from) && calendar.Covers(to)
                ? calendar.WorkingDaysBetween(from, to)
                : null;

        return
        [
            new(20, "Requests received", requests.Count.ToString("N0", CultureInfo.CurrentCulture),
                scope is null ? "/requests" : $"/requests?organisation={scope.OrganisationSlug}"),
            new(30, "Answered within the deadline",
                judged.Count == 0 ? "None due yet" : $"{(double)onTime / judged.Count:0%} of {judged.Count:N0} closed or past their deadline",
                AboutAnswering: true),
            new(40, "Typical time to first response", Figures.Days(Figures.Median(requests.Select(r => WorkingDays(r.ReceivedOn, r.FirstRespondedAt)))),
                Note: "median, working days", AboutAnswering: true),
            new(50, "Typical time to close a request",
                Figures.Days(Figures.Median(requests.Where(r => r.Outcome != Outcome.Withdrawn).Select(r => WorkingDays(r.ReceivedOn, r.ClosedAt)))),
                Note: "median, working days"),
        ];
    }
}
