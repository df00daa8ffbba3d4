namespace ShapeOpenData.Modules.Consultations;

/// <summary>
/// One version of a consultation's document, in sections. The first is drafted in place until the consultation
/// opens; after that a version is never edited: a change is a new version, with a note of what changed, and any two
/// versions can be compared.
/// </summary>
public sealed class DocumentVersion
{
    public const int NoteMaxLength = 1_000;
    public const int MaxSections = 50;

    public int Id { get; private set; }
    public int ConsultationId { get; private set; }

    /// <summary>1, 2, 3… in order of publication: <c>/consultations/{slug}/versions/2</c>.</summary>
    public int Number { get; private set; }

    /// <summary>What changed since the version before, for readers ("Principle 3 now covers…").</summary>
    public string? Note { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>When readers first saw it: the first version when the consultation opened, later ones when made.</summary>
    public DateTime? PublishedAt { get; private set; }
    public int? PublishedById { get; private set; }
    public List<Section> Sections { get; private set; } = [];

    private DocumentVersion() { }

    public static DocumentVersion First(int consultationId, DateTime now) => new() { ConsultationId = consultationId, Number = 1, CreatedAt = now };

    /// <summary>The next version: the sections as given, in order, with a note of what changed.</summary>
    public DocumentVersion Next(IReadOnlyList<(string Heading, string Body)> sections, string? note, int? publishedById, DateTime now)
    {
        Consultation.Require(sections.Count > 0, "A version needs at least one section");
        Consultation.Require(sections.Count <= MaxSections, $"A document has at most {MaxSections} sections");
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Consultation.Require(note is null || note.Length <= NoteMaxLength, $"The note must be {NoteMaxLength:N0} characters or fewer");
        var next = new DocumentVersion { ConsultationId = ConsultationId, Number = Number + 1, Note = note, PublishedById = publishedById, CreatedAt = now, PublishedAt = now };
        for (var i = 0; i < sections.Count; i++)
        {
            next.Sections.Add(Section.Of(i + 1, sections[i].Heading, sections[i].Body));
        }
        return next;
    }

    /// <summary>The first version, as the consultation opens: from now on it is never edited.</summary>
    public void Publish(int? publishedById, DateTime now)
    {
        PublishedById = publishedById;
        PublishedAt = now;
    }

    /// <summary>Adds a section at the end of a draft's first version.</summary>
    public Section AddSection(string heading, string body)
    {
        Consultation.Require(Sections.Count < MaxSections, $"A document has at most {MaxSections} sections");
        var section = Section.Of(Sections.Count == 0 ? 1 : Sections.Max(s => s.Number) + 1, heading, body);
        Sections.Add(section);
        return section;
    }

    /// <summary>Takes a section out of a draft's first version; the rest close up.</summary>
    public void RemoveSection(Section section)
    {
        Sections.Remove(section);
        var number = 1;
        foreach (var remaining in Sections.OrderBy(s => s.Number))
        {
            remaining.Renumber(number++);
        }
    }
}

/// <summary>A section of a document version: a heading and its text in Markdown. People comment on a section.</summary>
public sealed class Section
{
    public const int HeadingMaxLength = 200;
    public const int BodyMaxLength = 50_000;

    public int Id { get; private set; }
    public int VersionId { get; private set; }
    public int Number { get; private set; }
    public string Heading { get; private set; } = "";

    /// <summary>Markdown, shown through the sanitiser.</summary>
    public string Body { get; private set; } = "";

    private Section() { }

    internal static Section Of(int number, string heading, string body) => new()
    {
        Number = number,
        Heading = Consultation.Checked(heading, HeadingMaxLength, "Heading"),
        Body = Consultation.Checked(body, BodyMaxLength, "Text"),
    };

    /// <summary>Only while the first version is a draft.</summary>
    public void Change(string heading, string body)
    {
        Heading = Consultation.Checked(heading, HeadingMaxLength, "Heading");
        Body = Consultation.Checked(body, BodyMaxLength, "Text");
    }

    internal void Renumber(int number) => Number = number;
}
