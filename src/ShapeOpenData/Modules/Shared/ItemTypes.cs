namespace ShapeOpenData.Modules.Shared;

/// <summary>
/// The codes of every kind of item, used in follows, comments, supports, notifications, the audit log and the
/// contracts between modules. Here, in the foundation, so that one module can name another's items.
/// </summary>
public static class ItemTypes
{
    public const string Request = "request";
    public const string Dataset = "dataset";
    public const string QualityReport = "quality_report";
    public const string Group = "group";
    public const string Meeting = "meeting";
    public const string Action = "group_action";
    public const string Consultation = "consultation";
    public const string ConsultationSection = "consultation_section";
    public const string Statement = "consultation_statement";
    public const string DocumentVersion = "document_version";
    public const string Organisation = "organisation";
    public const string Plan = "plan";
    public const string Commitment = "commitment";
    public const string Milestone = "milestone";
    public const string Comment = "comment";
    public const string SurveyResponse = "survey_response";
    public const string Update = "update";
    public const string Suggestion = "suggestion";

    private static readonly Dictionary<string, string> Names = new()
    {
        [Request] = "dataset request", [Dataset] = "dataset", [QualityReport] = "problem report", [Group] = "working group",
        [Meeting] = "meeting", [Action] = "meeting action", [Consultation] = "consultation", [ConsultationSection] = "consultation section",
        [Statement] = "consultation statement", [DocumentVersion] = "document version", [Organisation] = "organisation",
        [Plan] = "engagement plan", [Commitment] = "commitment", [Milestone] = "milestone", [Comment] = "comment",
        [SurveyResponse] = "consultation response", [Update] = "policy update", [Suggestion] = "suggestion for improvement",
    };

    /// <summary>What people call an item of <paramref name="type"/>, in lower case: "dataset request".</summary>
    public static string NameOf(string type) => Names.GetValueOrDefault(type, type.Replace('_', ' '));

    /// <summary>What people call an item of <paramref name="type"/>, at the start of a sentence: "Dataset request".</summary>
    public static string SentenceNameOf(string type)
    {
        var name = NameOf(type);
        return string.Concat(name[..1].ToUpperInvariant(), name[1..]);
    }
}

