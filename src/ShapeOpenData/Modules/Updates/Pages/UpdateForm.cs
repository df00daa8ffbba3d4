using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Updates.Pages;

/// <summary>A page with the update form: posting an update, or changing one.</summary>
public interface IUpdateFormPage
{
    UpdateForm Form { get; }
    IReadOnlyList<GovukOption> Organisations { get; }
}

/// <summary>The fields of an update, shared by the post and change pages.</summary>
public sealed class UpdateForm
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Body { get; set; }
    public string? Tags { get; set; }
    public string? Organisation { get; set; }

    public static UpdateForm From(UpdateResponse update) => new()
    {
        Title = update.Title, Summary = update.Summary, Body = update.Body, Tags = string.Join(", ", update.Tags), Organisation = update.Organisation.Slug,
    };

    /// <summary>The organisations <paramref name="user"/> may post for, by short name.</summary>
    public static async Task<IReadOnlyList<GovukOption>> OrganisationsAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var mine = user.PublisherOrganisations();
        var all = user.IsProgrammeTeam();
        return [.. await db.Organisations.AsNoTracking().Where(o => all || mine.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new GovukOption(o.Slug, o.Name, null)).ToListAsync(cancellationToken)];
    }

    /// <summary>The details, or null with an error on each field that is wrong.</summary>
    public async Task<UpdateDetails?> ReadAsync(ModelStateDictionary state, AppDbContext db, CancellationToken cancellationToken)
    {
        const string prefix = "Form.";
        var title = state.Required(prefix + nameof(Title), Title, "Enter the update's title", PolicyUpdate.TitleMaxLength, "The title");
        var summary = state.Required(prefix + nameof(Summary), Summary, "Enter a summary of the update", PolicyUpdate.SummaryMaxLength, "The summary");
        var body = state.Required(prefix + nameof(Body), Body, "Enter the update", PolicyUpdate.BodyMaxLength, "The update");
        var tags = PolicyUpdate.ReadTags(Tags, out var tagError);
        if (tagError is not null)
        {
            state.AddModelError(prefix + nameof(Tags), tagError);
        }
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Slug == Organisation).Select(o => (int?)o.Id).SingleOrDefaultAsync(cancellationToken);
        if (organisation is null)
        {
            state.AddModelError(prefix + nameof(Organisation), "Select the organisation the update is from");
        }
        return state.IsValid ? new UpdateDetails(title!, summary!, body!, organisation!.Value, tags!) : null;
    }
}
