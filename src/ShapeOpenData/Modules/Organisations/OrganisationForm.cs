using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Organisations;

/// <summary>The fields of the add and edit pages, with their checks. Bound as <c>Form.*</c>.</summary>
public sealed partial class OrganisationForm
{
    public string? Name { get; set; }
    public string? Slug { get; set; }
    public string? Abbreviation { get; set; }
    public string? Kind { get; set; }
    public string? Parent { get; set; }
    public string? Website { get; set; }
    public string? FoiContact { get; set; }

    public static OrganisationForm From(Organisation organisation, string? parentSlug) => new()
    {
        Name = organisation.Name, Slug = organisation.Slug, Abbreviation = organisation.Abbreviation,
        Kind = organisation.Kind.ToCode(), Parent = parentSlug, Website = organisation.Website, FoiContact = organisation.FoiContact,
    };

    public static async Task<IReadOnlyList<GovukOption>> ParentOptionsAsync(AppDbContext db, string? except, CancellationToken cancellationToken) =>
        [new GovukOption("", "None"), .. await db.Organisations.Where(o => o.Slug != except).OrderBy(o => o.Name)
            .Select(o => new GovukOption(o.Slug, o.Name, null)).ToListAsync(cancellationToken)];

    /// <summary>Checks every field and, when all are right, copies them onto <paramref name="organisation"/>.</summary>
    public async Task<bool> TryApplyAsync(Organisation organisation, AppDbContext db, ModelStateDictionary state, CancellationToken cancellationToken)
    {
        var name = state.Required("Form.Name", Name, "Enter the organisation's name", 200, "The name");
        var slug = state.Required("Form.Slug", Slug?.ToLowerInvariant(), "Enter a short name for web addresses", 100, "The short name");
        if (slug is not null && (!SlugPattern().IsMatch(slug) || slug == "new"))
        {
            state.AddModelError("Form.Slug", "The short name can only have lower-case letters, numbers and hyphens, like department-for-transport");
        }
        else if (slug is not null && await db.Organisations.AnyAsync(o => o.Slug == slug && o.Id != organisation.Id, cancellationToken))
        {
            state.AddModelError("Form.Slug", "Another organisation already has this short name");
        }
        var abbreviation = state.Optional("Form.Abbreviation", Abbreviation, 20, "The abbreviation");
        var kind = state.Choice<OrganisationKind>("Form.Kind", Kind, "Select what kind of organisation it is");
        int? parentId = null;
        if (!string.IsNullOrEmpty(Parent))
        {
            parentId = await db.Organisations.Where(o => o.Slug == Parent && o.Id != organisation.Id).Select(o => (int?)o.Id).SingleOrDefaultAsync(cancellationToken);
            if (parentId is null) state.AddModelError("Form.Parent", "Select an organisation it is part of, or None");
        }
        var website = state.Optional("Form.Website", Website, 500, "The website");
        if (website is not null && !(Uri.TryCreate(website, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            state.AddModelError("Form.Website", "Enter the website's full address, starting with https://");
        }
        var foiContact = state.Optional("Form.FoiContact", FoiContact, 500, "The contact");
        if (!state.IsValid)
        {
            return false;
        }

        organisation.Name = name!;
        organisation.Slug = slug!;
        organisation.Abbreviation = abbreviation;
        organisation.Kind = kind!.Value;
        organisation.ParentId = parentId;
        organisation.Website = website;
        organisation.FoiContact = foiContact;
        return true;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
