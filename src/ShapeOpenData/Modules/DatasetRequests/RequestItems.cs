using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Comments;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Modules.Supports;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>Requests opt into the shared follows, comments and supports modules here.</summary>
public sealed class RequestItems(AppDbContext db, TitleIndex titles) : IFollowable, ICommentable, ISupportable
{
    public string Type => DatasetRequestsModule.ItemType;

    /// <summary>"I need this too": the count the lists sort by.</summary>
    public SupportCounter Counter { get; } = SupportCounter.Of<DatasetRequest>(r => r.SupportCount);

    public async Task<(string Title, string Url)?> DescribeAsync(int id, CancellationToken cancellationToken) =>
        await db.DatasetRequests.Where(r => r.Id == id).Select(r => new { r.Title }).SingleOrDefaultAsync(cancellationToken) is { } found
            ? (found.Title, $"/requests/{id}")
            : null;

    /// <summary>
    /// Found in the context first, so emails written with a change (moving it to another organisation, hiding it) follow
    /// the change: once a moderator hides a request, its followers are told of it only if they may still read it.
    /// </summary>
    public async Task<bool> CanSeeAsync(int id, ClaimsPrincipal person, CancellationToken cancellationToken) =>
        await db.DatasetRequests.FindAsync([id], cancellationToken) is { } request && DatasetRequestPermissions.CanView(person, request);

    public async Task<CommentableItem?> FindAsync(int id, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        var request = await db.DatasetRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null || !DatasetRequestPermissions.CanView(reader, request))
        {
            return null;
        }
        return new CommentableItem(request.Title, $"/requests/{id}", reader.IsSignedIn(), DatasetRequestPermissions.SpeaksOfficially(reader, request));
    }

    /// <summary>Anyone who may see a request may support it until it is closed: not a hidden one, unless they still read it.</summary>
    public async Task<SupportableItem?> CheckAsync(int id, ClaimsPrincipal person, CancellationToken cancellationToken)
    {
        var request = await db.DatasetRequests.Where(r => r.Id == id).Where(DatasetRequestPermissions.VisibleTo(person))
            .Select(r => new { r.State }).SingleOrDefaultAsync(cancellationToken);
        return request is null ? null
            : new SupportableItem(request.State == RequestState.Closed ? "This request is closed, so it can no longer be supported" : null);
    }

    /// <summary>Suggestions on this instance order by the new count straight away.</summary>
    public Task SupportChangedAsync(SupportChange change, CancellationToken cancellationToken)
    {
        titles.SupportCountChanged(change.ItemId, change.Count);
        return Task.CompletedTask;
    }
}

internal sealed class RequestsPersonalData(AppDbContext db) : IPersonalData
{
    public string Section => "requests";

    public async Task<object?> ExportAsync(int userId, CancellationToken cancellationToken) => new
    {
        Asked = await db.DatasetRequests.Where(r => r.RequesterId == userId).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Title, r.Description, r.Benefits, r.IsConfidential, r.ReceivedOn, r.CreatedAt }).ToListAsync(cancellationToken),
        Recorded = await db.DatasetRequests.Where(r => r.RecordedById == userId).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Title, r.ReceivedOn }).ToListAsync(cancellationToken),
        Assigned = await db.DatasetRequests.Where(r => r.AssignedPublisherId == userId).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Title }).ToListAsync(cancellationToken),
        Events = await db.RequestEvents.Where(e => e.ActorId == userId).OrderBy(e => e.Id)
            .Select(e => new { e.RequestId, Kind = e.Kind.ToCode(), e.Note, e.At }).ToListAsync(cancellationToken),
        Draft = await db.RequestDrafts.Where(d => d.UserId == userId).Select(d => new { d.Answers, d.UpdatedAt }).SingleOrDefaultAsync(cancellationToken),
    };

    /// <summary>Their unfinished request goes; requests they asked or worked on stay, as from a former participant.</summary>
    public Task EraseAsync(LeavingPerson person, CancellationToken cancellationToken) =>
        db.RequestDrafts.Where(d => d.UserId == person.UserId).ExecuteDeleteAsync(cancellationToken);
}
