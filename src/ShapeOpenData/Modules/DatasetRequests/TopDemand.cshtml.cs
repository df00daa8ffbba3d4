using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>Open requests with the most supporters, and who those supporters are.</summary>
public sealed class TopDemandModel(RequestQueries queries, TimeProvider clock) : PageModel
{
    public IReadOnlyList<RequestSummary> Requests { get; private set; } = [];
    public Dictionary<int, Dictionary<Sector, int>> SectorMix { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.Today();
        var open = await queries.ListAsync(new RequestFilter(Sort: RequestSort.MostSupported, PageSize: 50, OpenOnly: true), User, cancellationToken);
        Requests = open.Items;
        SectorMix = await queries.SectorMixAsync([.. Requests.Select(r => r.Id)], cancellationToken);
    }
}
