using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Organisations;

/// <summary>What the add and edit pages share: the form, its choices and saving, with its audit entry. Administrators only.</summary>
[Authorize(Policy = OrganisationPermissions.EditPolicy)]
public abstract class OrganisationFormPage(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public OrganisationForm Form { get; set; } = new();

    public IReadOnlyList<GovukOption> Parents { get; private set; } = [];

    protected AppDbContext Db => db;

    protected async Task LoadParentsAsync(string? except, CancellationToken cancellationToken) =>
        Parents = await OrganisationForm.ParentOptionsAsync(db, except, cancellationToken);

    protected async Task<IActionResult> SaveAsync(Organisation organisation, string? except, CancellationToken cancellationToken)
    {
        var before = organisation.Id == 0 ? null : OrganisationSnapshot.Of(organisation);
        if (!await Form.TryApplyAsync(organisation, db, ModelState, cancellationToken))
        {
            await LoadParentsAsync(except, cancellationToken);
            return this.Invalid();
        }
        // A new organisation is saved first, for the id its audit entry names.
        await db.InOneTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            db.AuditEntries.Add(AuditEntry.Of(OrganisationsModule.ItemType, organisation.Id, before is null ? "created" : "changed",
                User.UserId(), clock.UtcNow(), before, OrganisationSnapshot.Of(organisation)));
            return await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        TempData.Success($"{organisation.Name} has been saved");
        return Redirect($"/organisations/{organisation.Slug}");
    }
}

/// <summary>The organisation as the audit log records it, before and after an administrator's change.</summary>
public sealed record OrganisationSnapshot(string Slug, string Name, string? Abbreviation, string Kind, int? ParentId, string? Website, string? FoiContact)
{
    public static OrganisationSnapshot Of(Organisation o) => new(o.Slug, o.Name, o.Abbreviation, o.Kind.ToCode(), o.ParentId, o.Website, o.FoiContact);
}
