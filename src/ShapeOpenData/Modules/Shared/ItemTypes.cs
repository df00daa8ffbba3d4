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
}

