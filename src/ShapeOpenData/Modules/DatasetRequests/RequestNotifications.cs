using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Notifications;
using ShapeOpenData.Modules.Organisations;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>
/// Who hears about a change to a request, and what the email says: the requester and followers (supporters
/// follow), and the organisation's publishers when it is assigned to them. Never the person who acted.
/// </summary>
public sealed class RequestNotifications(AppDbContext db, Notifier notifier, ServiceLinks links, Items items)
{
    public async Task TellAsync(DatasetRequest request, RequestEvent happened, int? actorId, CancellationToken cancellationToken)
    {
        var named = new List<int>();
        if (request.RequesterId is { } requester)
        {
            named.Add(requester);
        }
        if (happened.Kind == RequestEventKind.Assigned && request.OrganisationId is { } organisation)
        {
            named.AddRange(await db.PublishersOfAsync(organisation, cancellationToken));
        }

        var due = request.IsOpen && !request.IsPaused ? $" A reply is due by {request.DueOn:d MMMM yyyy}." : "";
        var note = happened.Note is null ? "" : $"\n{happened.Note}\n";
        if (request.DatasetId is { } datasetId && (await items.Traceable(ItemTypes.Dataset).PublicAsync([datasetId], cancellationToken)).SingleOrDefault() is { } dataset)
        {
            note += $"\nGet the data: {links.Absolute(dataset.Url)}\n";
        }
        var body = $"""
            {happened.Kind.ToText()} on the request "{request.Title}".
            {note}
            The request is now: {request.State.ToText().ToLowerInvariant()}.{due}

            See the request: {links.Absolute($"/requests/{request.Id}")}
            """;
        await notifier.NotifyFollowersAsync(
            new Notification($"request:{request.Id}:v{request.Version}", $"{happened.Kind.ToText()}: {request.Title}", body,
                $"follow:{DatasetRequestsModule.ItemType}:{request.Id}"),
            new FollowableItem(DatasetRequestsModule.ItemType, request.Id), actorId, alsoTell: named, cancellationToken: cancellationToken);
    }
}
