namespace ShapeOpenData.Modules.Consultations;

/// <summary>What the consultations API answers with.</summary>
public static partial class ConsultationsApi
{
    /// <param name="State">draft, open, closed or outcome_published.</param>
    /// <param name="Organisation">The owning organisation's slug.</param>
    /// <param name="ClosesOn">The last day responses are taken, in UK time.</param>
    /// <param name="ClosesAt">The first instant it no longer takes responses: midnight at the end of its closing day, UK time, in UTC.</param>
    /// <param name="LatestVersion">The number of the latest version of the document.</param>
    public sealed record ConsultationListItem(
        string Slug, string Title, string State, string Organisation, string OrganisationName, DateOnly ClosesOn, DateTime ClosesAt,
        DateTime? OpenedAt, DateTime? ClosedAt, int LatestVersion, string Url);

    /// <param name="Summary">What is asked and why, in Markdown.</param>
    /// <param name="ModerateStatements">Whether statements people submit wait for a moderator before others see them.</param>
    /// <param name="Outcome">"We asked, you said, we did", once published; otherwise null.</param>
    public sealed record ConsultationDetail(
        string Slug, string Title, string Summary, string State, string Organisation, string OrganisationName, DateOnly ClosesOn, DateTime ClosesAt,
        DateTime? OpenedAt, DateTime? ClosedAt, bool ModerateStatements, ConsultationCounts Counts, int LatestVersion,
        IReadOnlyList<VersionResponse> Versions, OutcomeResponse? Outcome, DateTime CreatedAt, DateTime UpdatedAt, string Url);

    /// <param name="Comments">Comments on the sections of every version that everyone can read.</param>
    /// <param name="Statements">Public statements: neither hidden nor waiting for a moderator.</param>
    /// <param name="Votes">Votes on the public statements.</param>
    /// <param name="OpinionGroups">Groups found by the last opinion-group run, or null when none has run.</param>
    public sealed record ConsultationCounts(int Participants, int Responses, int Comments, int Statements, int Votes, int? OpinionGroups);

    /// <param name="Note">What changed since the version before; null on the first.</param>
    /// <param name="PublishedAt">Null only for a draft's document, which only those running it see.</param>
    public sealed record VersionResponse(int Number, DateTime? PublishedAt, string? Note, string Url);

    /// <param name="YouSaid">What people said, in Markdown.</param>
    /// <param name="WeDid">What was done because of it, in Markdown.</param>
    public sealed record OutcomeResponse(string YouSaid, string WeDid, DateTime PublishedAt, IReadOnlyList<OutcomeChangeResponse> Changes, string Url);

    /// <param name="Version">The version of the document that made the change, if any.</param>
    /// <param name="CompareUrl">The comparison of that version with the one before, when there is one before.</param>
    public sealed record OutcomeChangeResponse(int Number, string Text, int? Version, string? VersionUrl, string? CompareUrl);

    public sealed record DocumentResponse(int Version, DateTime? PublishedAt, string? Note, bool Latest, IReadOnlyList<SectionResponse> Sections, string Url);

    /// <param name="Body">The section's text, in Markdown.</param>
    /// <param name="Url">The section's page, with its comments; null for a draft's document.</param>
    public sealed record SectionResponse(int Number, string Heading, string Body, string? Url);
}
