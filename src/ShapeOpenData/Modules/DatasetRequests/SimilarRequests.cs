using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.DatasetRequests;

public sealed record SimilarRequest(int Id, string Title, int SupportCount, string? OrganisationName);

/// <summary>
/// "Is your request one of these?": open, public requests whose titles share the most words with a new
/// title, so people support instead of duplicating.
/// </summary>
public sealed class SimilarRequests(AppDbContext db)
{
    public async Task<IReadOnlyList<SimilarRequest>> FindAsync(string? title, int take = 5, CancellationToken cancellationToken = default)
    {
        var terms = TitleTerms.Of(title ?? "");
        if (terms.Count == 0)
        {
            return [];
        }
        // At least half the words must match: one shared word in five is not "similar".
        var needed = Math.Max(1, (terms.Count + 1) / 2);
        var matches = db.RequestTitleTerms.Where(t => terms.Contains(t.Term))
            .GroupBy(t => t.RequestId)
            .Select(g => new { RequestId = g.Key, Count = g.Count() })
            .Where(m => m.Count >= needed);
        return await (from match in matches
                      join request in db.DatasetRequests on match.RequestId equals request.Id
                      where request.State != RequestState.Closed && !request.IsConfidential
                      orderby match.Count descending, request.SupportCount descending, request.Id descending
                      select new SimilarRequest(request.Id, request.Title, request.SupportCount, request.Organisation == null ? null : request.Organisation.Name))
            .Take(take).ToListAsync(cancellationToken);
    }
}
