using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations;

/// <summary>
/// Survey responses as inputs of a traceability link ("this response led to that change"): known as
/// "{slug} response {n}", where n is the response's own number, never the participant's (which would tie a named
/// response to the same person's unnamed votes and statements). Only responses whose writers agreed to publish them,
/// in a published consultation, are given; their title names no one. Their place is the survey's page, where the
/// answers that may be published are shown.
/// </summary>
internal sealed partial class ResponseTraces(AppDbContext db) : ITraceable
{
    public string Type => ItemTypes.SurveyResponse;

    public async Task<IReadOnlyList<TracedItem>> PublicAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        await TracedAsync(Public().Where(r => ids.Contains(r.Id)), cancellationToken);

    public async Task<TracedItem?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        if (Named().Match(reference.Trim()) is not { Success: true } key)
        {
            return null;
        }
        var (slug, id) = (key.Groups["slug"].Value.ToLowerInvariant(), int.Parse(key.Groups["number"].Value, CultureInfo.InvariantCulture));
        return (await TracedAsync(Public().Where(r => r.Id == id && r.Slug == slug), cancellationToken)).SingleOrDefault();
    }

    /// <summary>Set by name, not by constructor, so that queries can go on filtering it.</summary>
    private sealed class Row
    {
        public int Id { get; init; }
        public string Slug { get; init; } = "";
        public string Title { get; init; } = "";
    }

    private IQueryable<Row> Public() =>
        from response in db.Responses.AsNoTracking()
        join participant in db.Participants on response.ParticipantId equals participant.Id
        join consultation in db.Consultations on response.ConsultationId equals consultation.Id
        where consultation.State != ConsultationState.Draft && participant.Consent != Consent.NotPublished
        select new Row { Id = response.Id, Slug = consultation.Slug, Title = consultation.Title };

    private static async Task<List<TracedItem>> TracedAsync(IQueryable<Row> rows, CancellationToken cancellationToken) =>
        [.. (await rows.ToListAsync(cancellationToken))
            .Select(r => new TracedItem(ItemTypes.SurveyResponse, r.Id, $"{r.Slug} response {r.Id}", $"Response {r.Id} to {r.Title}", $"{ConsultationWorkflow.UrlOf(r.Slug)}/survey"))];

    /// <summary>"data-ethics response 12".</summary>
    [GeneratedRegex(@"^(?<slug>[A-Za-z0-9-]+)\s+response\s+(?<number>\d{1,9})$", RegexOptions.IgnoreCase)]
    private static partial Regex Named();
}
