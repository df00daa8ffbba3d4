using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>
/// Requests as moderators act on them, through the contract every kind of written content shares. What can be hidden
/// or edited is what the requester wrote; the request's number, state, clock and comments stay.
/// </summary>
internal sealed class RequestModeration(RequestQueries queries, AppDbContext db, TimeProvider clock) : IModeratable
{
    public string Type => ItemTypes.Request;

    public string Label => "Request";

    public async Task<ModeratedItem?> FindAsync(int id, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, reader, cancellationToken) is not { } request)
        {
            return null;
        }
        var traced = new TracedItem(Type, request.Id, request.Id.ToString(CultureInfo.InvariantCulture), request.Title, $"/requests/{request.Id}");
        return new ModeratedItem(traced, $"Request {request.Id}: {request.Title}",
            [.. request.RequestersWords().Select(w => new ModeratedField(w.Name, w.Label, w.Text, w.MaxLength))],
            request.RequesterId, request.Moderation, ByStaff: request.RecordedById is not null);
    }

    public async Task ApplyAsync(int id, ModerationChange change, CancellationToken cancellationToken)
    {
        var request = await db.DatasetRequests.Include(r => r.Events).SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new NotFoundException("There is no such request");
        if (change is not ModerationChange.Redact redact)
        {
            request.Moderate(change, clock.UtcNow());
            return;
        }
        var before = request.Title;
        request.Redact(redact.Fields, clock.UtcNow());
        if (request.Title != before)
        {
            await RetitledAsync(request, cancellationToken);
        }
    }

    /// <summary>A new title must still be unique among open requests, and similar-request suggestions find it by its new words.</summary>
    private async Task RetitledAsync(DatasetRequest request, CancellationToken cancellationToken)
    {
        if (request.IsOpen && await db.DatasetRequests.AnyAsync(
                r => r.Id != request.Id && r.NormalizedTitle == request.NormalizedTitle && r.State != RequestState.Closed, cancellationToken))
        {
            throw new FieldRuleException("title", "Another open request has this title. Give this one a different title");
        }
        var terms = TitleTerms.Of(request.Title);
        var stored = await db.RequestTitleTerms.Where(t => t.RequestId == request.Id).ToListAsync(cancellationToken);
        db.RequestTitleTerms.RemoveRange(stored.Where(t => !terms.Contains(t.Term)));
        db.RequestTitleTerms.AddRange(terms.Where(term => stored.All(t => t.Term != term)).Select(term => new RequestTitleTerm { RequestId = request.Id, Term = term }));
    }
}
