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
}

