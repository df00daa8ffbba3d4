using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Api;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests;

public enum RequestSort
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Most supported")] MostSupported,
    [System.ComponentModel.DataAnnotations.Display(Name = "Newest")] Newest,
    [System.ComponentModel.DataAnnotations.Display(Name = "Due soonest")] DueSoonest,
    [System.ComponentModel.DataAnnotations.Display(Name = "Recently updated")] RecentlyUpdated,
}

/// <summary>The filters and sort the list page and the API share.</summary>
public sealed record RequestFilter(
    RequestState? State = null, string? Organisation = null, Theme? Theme = null, Sector? Sector = null, bool OverdueOnly = false,
    RequestSort Sort = RequestSort.MostSupported, int Page = 1, int PageSize = Paging.DefaultPageSize, bool OpenOnly = false);

/// <summary>A request as lists show it.</summary>
public sealed record RequestSummary(
    int Id, string Title, RequestState State, Outcome? Outcome, string? OrganisationSlug, string? OrganisationName,
    int SupportCount, DateOnly DueOn, bool IsPaused, string RegimeCode, DateTime CreatedAt, DateTime UpdatedAt, ModerationState Moderation)
{
    public bool IsOverdue(DateOnly today) => State != RequestState.Closed && !IsPaused && DueOn < today;
}

/// <summary>Reading requests: the list with its filters and sorts, and the sector mix of supporters.</summary>
public sealed class RequestQueries(AppDbContext db, TimeProvider clock, IMemoryCache cache, IServiceScopeFactory scopes, Items items)
{
    /// <summary>
    /// Counting every matching request is the one part of a list page that grows with the number of
    /// requests. What anonymous readers see is a <see cref="SharedCount"/> for each filter, shared by every page
    /// number and sort; anyone signed in gets a fresh count.
    /// </summary>
    public async Task<Paged<RequestSummary>> ListAsync(RequestFilter filter, ClaimsPrincipal viewer, CancellationToken cancellationToken = default)
    {
        var query = Filtered(filter, viewer);
        var total = viewer.IsSignedIn()
            ? await query.CountAsync(cancellationToken)
            : await cache.GetOrCreate(("anonymous-request-count", filter with { Page = 1, Sort = RequestSort.MostSupported }), entry =>
            {
                entry.SlidingExpiration = TimeSpan.FromMinutes(1);
                entry.Size = 1;
                return new SharedCount(clock);
            })!.GetAsync(() => CountForAnonymousAsync(filter));
        var rows = await Sorted(query, filter.Sort)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .Select(Summary)
            .ToListAsync(cancellationToken);
        return new Paged<RequestSummary>(rows, filter.Page, filter.PageSize, total);
    }

    /// <summary>A recount in a scope of its own: the readers who started it may have gone by the time it ends.</summary>
    private async Task<int> CountForAnonymousAsync(RequestFilter filter)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RequestQueries>().Filtered(filter, new ClaimsPrincipal(new ClaimsIdentity())).CountAsync();
    }

    /// <summary>The catalogue dataset that answers a request.</summary>
    public async Task<TracedItem?> AnsweringDatasetAsync(DatasetRequest request, CancellationToken cancellationToken) =>
        request.DatasetId is { } id ? (await items.Traceable(ItemTypes.Dataset).PublicAsync([id], cancellationToken)).SingleOrDefault() : null;

    /// <summary>
    /// The title of the request this one duplicates, or null when there is none or the viewer may not see it: a
    /// private request is not named, nor linked to, for anyone else.
    /// </summary>
    public async Task<string?> DuplicateOfTitleAsync(DatasetRequest request, ClaimsPrincipal viewer, CancellationToken cancellationToken) =>
        request.DuplicateOfId is { } other
            ? await db.DatasetRequests.Where(r => r.Id == other).Where(DatasetRequestPermissions.VisibleTo(viewer)).Select(r => r.Title).SingleOrDefaultAsync(cancellationToken)
            : null;

    /// <summary>
    /// One request with its themes and timeline, or null when it does not exist or the viewer may not see it (nor act
    /// on it): a request a moderator has hidden is found only by those who still read it.
    /// </summary>
    public async Task<DatasetRequest?> FindAsync(int id, ClaimsPrincipal viewer, CancellationToken cancellationToken = default) =>
        await FindPageAsync(id, viewer, cancellationToken) is { } request && DatasetRequestPermissions.CanView(viewer, request) ? request : null;

    /// <summary>One request for its page: hidden ones too, whose words the page replaces with the moderator's notice.</summary>
    public async Task<DatasetRequest?> FindPageAsync(int id, ClaimsPrincipal viewer, CancellationToken cancellationToken = default)
    {
        var request = await db.DatasetRequests.AsNoTracking()
            .Include(r => r.Organisation).Include(r => r.Themes).Include(r => r.Events).AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return request is not null && DatasetRequestPermissions.CanViewPage(viewer, request) ? request : null;
    }

    /// <summary>Every request the viewer may see, for exports and feeds, newest first.</summary>
    public IAsyncEnumerable<RequestSummary> AllAsync(ClaimsPrincipal viewer) =>
        db.DatasetRequests.AsNoTracking().Where(DatasetRequestPermissions.VisibleTo(viewer)).OrderBy(r => r.Id).Select(Summary).AsAsyncEnumerable();

    /// <summary>How many supporters of each request come from each sector.</summary>
    public async Task<Dictionary<int, Dictionary<Sector, int>>> SectorMixAsync(IReadOnlyCollection<int> requestIds, CancellationToken cancellationToken = default)
    {
        var rows = await db.Supports.Where(s => s.TargetType == DatasetRequestsModule.ItemType && requestIds.Contains(s.TargetId) && s.Sector != null)
            .GroupBy(s => new { s.TargetId, s.Sector })
            .Select(g => new { RequestId = g.Key.TargetId, g.Key.Sector, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.RequestId).ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Sector!.Value, r => r.Count));
    }

    private IQueryable<DatasetRequest> Filtered(RequestFilter filter, ClaimsPrincipal viewer)
    {
        var query = db.DatasetRequests.AsNoTracking().Where(DatasetRequestPermissions.VisibleTo(viewer));
        if (filter.State is { } state)
        {
            query = query.Where(r => r.State == state);
        }
        if (filter.OpenOnly)
        {
            query = query.Where(r => r.State != RequestState.Closed);
        }
        if (!string.IsNullOrEmpty(filter.Organisation))
        {
            query = query.Where(r => r.Organisation!.Slug == filter.Organisation);
        }
        if (filter.Theme is { } theme)
        {
            query = query.Where(r => r.Themes.Any(t => t.Theme == theme));
        }
        if (filter.Sector is { } sector)
        {
            query = query.Where(r => db.Supports.Any(s => s.TargetType == DatasetRequestsModule.ItemType && s.TargetId == r.Id && s.Sector == sector));
        }
        if (filter.OverdueOnly)
        {
            var today = clock.Today();
            query = query.Where(r => r.State != RequestState.Closed && r.State != RequestState.AwaitingRequester && r.DueOn < today);
        }
        return query;
    }

    private static IQueryable<DatasetRequest> Sorted(IQueryable<DatasetRequest> query, RequestSort sort) => sort switch
    {
        RequestSort.Newest => query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id),
        RequestSort.DueSoonest => query.OrderBy(r => r.State == RequestState.Closed).ThenBy(r => r.DueOn).ThenBy(r => r.Id),
        RequestSort.RecentlyUpdated => query.OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id),
        _ => query.OrderByDescending(r => r.SupportCount).ThenByDescending(r => r.Id),
    };

    private static readonly System.Linq.Expressions.Expression<Func<DatasetRequest, RequestSummary>> Summary = r => new RequestSummary(
        r.Id, r.Title, r.State, r.Outcome, r.Organisation == null ? null : r.Organisation.Slug, r.Organisation == null ? null : r.Organisation.Name,
        r.SupportCount, r.DueOn, r.State == RequestState.AwaitingRequester, r.RegimeCode, r.CreatedAt, r.UpdatedAt, r.Moderation);
}
