using System.ComponentModel.DataAnnotations;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations;

public enum ConsultationState
{
    [Display(Name = "Draft")] Draft,
    [Display(Name = "Open")] Open,
    [Display(Name = "Closed")] Closed,
    [Display(Name = "Outcome published")] OutcomePublished,
}

/// <param name="ClosesOn">The last day responses are taken, in UK time: it closes at midnight at the end of that day.</param>
/// <param name="ModerateStatements">Statements people submit wait for a moderator before others see them.</param>
public sealed record ConsultationDetails(string Title, string Summary, int OrganisationId, DateOnly ClosesOn, bool ModerateStatements);

/// <summary>
/// A draft policy put to the people who use the data (DESIGN §4.5): drafted by the programme team or a publisher of
/// the organisation that owns it, open for responses until the end of its closing day (UK time), then closed, and
/// finally answered by its outcome, "We asked, you said, we did". Its document is kept in versions that are never
/// edited once published; only the first is drafted in place, before it opens.
/// </summary>
public sealed partial class Consultation
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 2_000;
    public const int SlugMaxLength = 100;

    public int Id { get; private set; }

    /// <summary>Stable and used in addresses: <c>/consultations/data-ethics-framework</c>.</summary>
    public string Slug { get; private set; } = "";
    public string Title { get; private set; } = "";

    /// <summary>What is asked and why, in plain words (Markdown): "We asked".</summary>
    public string Summary { get; private set; } = "";
    public int OrganisationId { get; private set; }
    public ConsultationState State { get; private set; }
    public DateOnly ClosesOn { get; private set; }

    /// <summary>When it opened and when it closed (UTC); set by the change, never typed.</summary>
    public DateTime? OpenedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public bool ModerateStatements { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>The outcome ("you said", "we did"), in Markdown, once published.</summary>
    public ConsultationOutcome? Outcome { get; private set; }

    private Consultation() { }

    public static Consultation Draft(string slug, ConsultationDetails details, DateOnly today, DateTime now)
    {
        var consultation = new Consultation { Slug = slug, State = ConsultationState.Draft, CreatedAt = now };
        consultation.Change(details, today, now);
        return consultation;
    }

    /// <summary>Its title, summary, owner and closing day; once closed, none of these change.</summary>
    public void Change(ConsultationDetails details, DateOnly today, DateTime now)
    {
        Require(State is ConsultationState.Draft or ConsultationState.Open, "A closed consultation cannot be changed");
        Require(State == ConsultationState.Draft || details.OrganisationId == OrganisationId, "An open consultation keeps its owner");
        Require(details.ClosesOn >= today, "The closing date must be today or in the future");
        Title = Checked(details.Title, TitleMaxLength, "Title");
        Summary = Checked(details.Summary, SummaryMaxLength, "Summary");
        OrganisationId = details.OrganisationId;
        ClosesOn = details.ClosesOn;
        ModerateStatements = details.ModerateStatements;
        UpdatedAt = now;
    }

    /// <summary>The first instant it no longer takes responses: midnight at the end of its closing day, UK time.</summary>
    public DateTime ClosesAt => ConsultationTimes.EndOfUkDay(ClosesOn);

    /// <summary>Takes responses, comments, statements and votes now.</summary>
    public bool IsOpenAt(DateTime now) => State == ConsultationState.Open && now < ClosesAt;

    /// <summary>Open but past its closing time: waiting for the watch to record the close.</summary>
    public bool IsDueToCloseAt(DateTime now) => State == ConsultationState.Open && now >= ClosesAt;

    /// <summary>Anyone can see it once it has opened; a draft only those drafting it.</summary>
    public bool IsPublished => State != ConsultationState.Draft;

    public void Open(bool hasSections, DateTime now)
    {
        Require(State == ConsultationState.Draft, "Only a draft can be opened");
        Require(hasSections, "Add at least one section to the document before opening it");
        Require(now < ClosesAt, "The closing date has passed: change it before opening");
        State = ConsultationState.Open;
        OpenedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Closes it now, early or at its closing time.</summary>
    public void Close(DateTime now)
    {
        Require(State == ConsultationState.Open, "Only an open consultation can be closed");
        State = ConsultationState.Closed;
        ClosedAt = now < ClosesAt ? now : ClosesAt;
        UpdatedAt = now;
    }

    public void PublishOutcome(ConsultationOutcome outcome, DateTime now)
    {
        Require(State == ConsultationState.Closed, "The outcome is published once the consultation has closed, and once");
        Outcome = outcome;
        State = ConsultationState.OutcomePublished;
        UpdatedAt = now;
    }

    /// <summary>A consultation read from a Pol.is export: closed when it arrives, its votes already cast.</summary>
    public static Consultation Imported(string slug, ConsultationDetails details, DateTime openedAt, DateTime closedAt, DateTime now) => new()
    {
        Slug = slug, Title = Checked(details.Title, TitleMaxLength, "Title"), Summary = Checked(details.Summary, SummaryMaxLength, "Summary"),
        OrganisationId = details.OrganisationId, ClosesOn = details.ClosesOn, ModerateStatements = details.ModerateStatements,
        State = ConsultationState.Closed, OpenedAt = openedAt, ClosedAt = closedAt, CreatedAt = now, UpdatedAt = now,
    };

    internal static string Checked(string? text, int limit, string name)
    {
        text = text?.Trim() ?? "";
        Require(text.Length > 0, $"Enter the {name.ToLowerInvariant()}");
        Require(text.Length <= limit, $"{name} must be {limit:N0} characters or fewer");
        return text;
    }

    internal static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new RuleException(message);
        }
    }
}

/// <summary>"You said" and "we did", in Markdown, with when it was published.</summary>
public sealed class ConsultationOutcome
{
    public const int TextMaxLength = 20_000;

    public string YouSaid { get; private set; } = "";
    public string WeDid { get; private set; } = "";
    public DateTime PublishedAt { get; private set; }

    private ConsultationOutcome() { }

    public static ConsultationOutcome Of(string youSaid, string weDid, DateTime now) => new()
    {
        YouSaid = Consultation.Checked(youSaid, TextMaxLength, "What people said"),
        WeDid = Consultation.Checked(weDid, TextMaxLength, "What was done"),
        PublishedAt = now,
    };
}
