namespace ShapeOpenData.Modules.Consultations;

/// <summary>One thing changed because of what people said ("we did"), linked to the document version that made it.</summary>
public sealed class OutcomeChange
{
    public const int TextMaxLength = 1_000;

    public int Id { get; private set; }
    public int ConsultationId { get; private set; }
    public int Number { get; private set; }
    public string Text { get; private set; } = "";

    /// <summary>The version of the document with the change, by number.</summary>
    public int? VersionNumber { get; private set; }

    private OutcomeChange() { }

    public static OutcomeChange Of(int consultationId, int number, string text, int? versionNumber) => new()
    {
        ConsultationId = consultationId, Number = number, VersionNumber = versionNumber,
        Text = Consultation.Checked(text, TextMaxLength, "Change"),
    };
}
