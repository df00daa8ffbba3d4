using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Catalogue;
using ShapeOpenData.Modules.DatasetRequests;

namespace ShapeOpenData.Modules.Organisations;

/// <summary>How an organisation answers the people who use its data: its record on requests and quality reports.</summary>
/// <param name="OnTimeShare">Of requests closed or past their deadline (withdrawn aside), the share answered by the deadline; null when none.</param>
/// <param name="MedianDaysToFirstResponse">Working days from receipt to the first thing the publisher did.</param>
/// <param name="MedianDaysToClose">Working days from receipt to closing.</param>
/// <param name="MedianDaysToResolve">Calendar days from report to closing.</param>
public sealed record PublisherRecordFigures(
    int RequestsReceived, int RequestsJudged, double? OnTimeShare, double? MedianDaysToFirstResponse, double? MedianDaysToClose,
    int ReportsOpen, int ReportsResolved, double? MedianDaysToResolve);

/// <summary>
/// Works the figures out from every request and report of the organisation, and keeps them for a minute: they
/// change slowly, and an organisation with many thousands of requests should not be recounted on every visit.
/// </summary>
public sealed class PublisherRecord(AppDbContext db, Jurisdiction.Jurisdiction jurisdiction, TimeProvider clock, IMemoryCache cache)
{
    public async Task<PublisherRecordFigures> ForAsync(int organisationId, CancellationToken cancellationToken) =>
        (await cache.GetOrCreateAsync($"publisher-record:{organisationId}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return await WorkOutAsync(organisationId, cancellationToken);
        }))!;

    private async Task<PublisherRecordFigures> WorkOutAsync(int organisationId, CancellationToken cancellationToken)
    {
        var calendar = (await jurisdiction.GetAsync(cancellationToken)).Calendar;
        var today = clock.Today();
        var requests = await db.DatasetRequests.Where(r => r.OrganisationId == organisationId)
            .Select(r => new { r.ReceivedOn, r.DueOn, r.State, r.Outcome, r.FirstRespondedAt, r.ClosedAt }).ToListAsync(cancellationToken);

        var judged = requests.Where(r => r.Outcome != Outcome.Withdrawn && (r.State == RequestState.Closed || (r.State != RequestState.AwaitingRequester && r.DueOn < today))).ToList();
        var onTime = judged.Count(r => r.ClosedAt is { } closed && DateOnly.FromDateTime(closed.ToUkTime()) <= r.DueOn);

        int? WorkingDays(DateOnly from, DateTime? at) =>
            at is { } when && DateOnly.FromDateTime(when.ToUkTime()) is var to && calendar.Covers(from) && calendar.Covers(to)
                ? calendar.WorkingDaysBetween(from, to)
                : null;

        var reports = await db.QualityReports.Where(r => r.Dataset!.OrganisationId == organisationId)
            .Select(r => new { r.State, r.CreatedAt, r.ClosedAt, r.Resolution }).ToListAsync(cancellationToken);
        var resolved = reports.Where(r => r.State == ReportState.Closed).ToList();

        return new PublisherRecordFigures(
            requests.Count, judged.Count, judged.Count == 0 ? null : (double)onTime / judged.Count,
            Median(requests.Select(r => WorkingDays(r.ReceivedOn, r.FirstRespondedAt))),
            Median(requests.Where(r => r.Outcome != Outcome.Withdrawn).Select(r => WorkingDays(r.ReceivedOn, r.ClosedAt))),
            reports.Count - resolved.Count, resolved.Count,
            Median(resolved.Select(r => (int?)(r.ClosedAt!.Value.Date - r.CreatedAt.Date).Days)));
    }

    private static double? Median(IEnumerable<int?> values)
    {
        var sorted = values.OfType<int>().Order().ToList();
        return sorted.Count == 0 ? null
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
            : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;
    }
}
