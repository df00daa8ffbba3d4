using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations.Pages;

/// <summary>A page with the consultation form: starting one, or changing its details.</summary>
public interface IConsultationFormPage
{
    ConsultationForm Form { get; }
    IReadOnlyList<GovukOption> Organisations { get; }
    bool IsNew { get; }
}

/// <summary>The fields of a consultation, shared by the start and change pages.</summary>
public sealed class ConsultationForm
{
    public static readonly IReadOnlyList<GovukOption> Moderations =
    [
        new("shown", "Shown at once", "Moderators act on reports afterwards, as for comments."),
        new("held", "Held for a moderator first", "Nobody else sees a new statement until a moderator approves it."),
    ];

    public string? Slug { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Organisation { get; set; }
    public DateInput ClosesOn { get; set; } = new();
    public string? Statements { get; set; } = "shown";

    public static ConsultationForm From(Consultation c, string organisationSlug) => new()
    {
        Slug = c.Slug, Title = c.Title, Summary = c.Summary, Organisation = organisationSlug, ClosesOn = DateInput.From(c.ClosesOn),
        Statements = c.ModerateStatements ? "held" : "shown",
    };

    /// <summary>The organisations <paramref name="user"/> may start a consultation for, by short name.</summary>
    public static async Task<IReadOnlyList<GovukOption>> OrganisationsAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var mine = user.PublisherOrganisations();
        var all = user.IsProgrammeTeam();
        return [.. await db.Organisations.AsNoTracking().Where(o => all || mine.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new GovukOption(o.Slug, o.Name, null)).ToListAsync(cancellationToken)];
    }

    /// <summary>The details, or null with an error on each field that is wrong.</summary>
    public async Task<ConsultationDetails?> ReadAsync(ModelStateDictionary state, string prefix, AppDbContext db, CancellationToken cancellationToken)
    {
        var title = state.Required(prefix + nameof(Title), Title, "Enter the consultation's title", Consultation.TitleMaxLength, "The title");
        var summary = state.Required(prefix + nameof(Summary), Summary, "Enter what you are asking and why", Consultation.SummaryMaxLength, "The summary");
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Slug == Organisation).Select(o => (int?)o.Id).SingleOrDefaultAsync(cancellationToken);
        if (organisation is null)
        {
            state.AddModelError(prefix + nameof(Organisation), "Select the organisation that owns the consultation");
        }
        var closesOn = ClosesOn.Read(state, prefix + nameof(ClosesOn), "the closing date");
        if (Statements is not ("shown" or "held"))
        {
            state.AddModelError(prefix + nameof(Statements), "Select whether new statements wait for a moderator");
        }
        return state.IsValid ? new ConsultationDetails(title!, summary!, organisation!.Value, closesOn!.Value, Statements == "held") : null;
    }

    public string? ReadSlug(ModelStateDictionary state, string prefix)
    {
        var slug = state.Required(prefix + nameof(Slug), Slug?.Trim().ToLowerInvariant(), "Enter a short name for the consultation's web address", Consultation.SlugMaxLength, "The short name");
        if (slug is not null && (!Slugs.IsValid(slug) || slug is "new" or "import"))
        {
            state.AddModelError(prefix + nameof(Slug), "The short name can only contain lower-case letters, numbers and hyphens, like data-ethics-framework");
            return null;
        }
        return slug;
    }
}
