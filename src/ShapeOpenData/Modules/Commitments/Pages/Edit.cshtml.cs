using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Commitments.Pages;

/// <summary>Changes a commitment's details and completion: its lead organisation's publishers and the programme team.</summary>
[Authorize]
public sealed class EditModel(AppDbContext db, CommitmentWorkflow commitments, CommitmentReadModel read) : PageModel, ICommitmentFormPage
{
    [BindProperty] public CommitmentForm Form { get; set; } = new();

    public IReadOnlyList<GovukOption> LeadOrganisations { get; private set; } = [];
    public IReadOnlyList<GovukOption> AllOrganisations { get; private set; } = [];
    public bool IsNew => false;
    public string Reference { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        var commitment = await commitments.FindAsync(reference, cancellationToken);
        if (!CommitmentPermissions.CanRun(User, commitment))
        {
            return Forbid();
        }
        Form = CommitmentForm.From((await read.FindAsync(reference, cancellationToken))!);
        await LoadAsync(reference, commitment.LeadOrganisationId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string reference, CancellationToken cancellationToken)
    {
        var commitment = await commitments.FindAsync(reference, cancellationToken);
        if (!CommitmentPermissions.CanRun(User, commitment))
        {
            return Forbid();
        }
        var details = await Form.ReadAsync(ModelState, db, cancellationToken);
        var completion = Form.ReadCompletion(ModelState);
        return await this.ChangeAsync(async () =>
        {
            await commitments.ChangeAsync(reference, details!, completion!.Value, User, cancellationToken);
            return new Changed(CommitmentWorkflow.UrlOf(reference), "The commitment has been changed");
        }, "Form.Title", () => LoadAsync(reference, commitment.LeadOrganisationId, cancellationToken));
    }

    private async Task LoadAsync(string reference, int leadOrganisationId, CancellationToken cancellationToken)
    {
        Reference = reference;
        // The current lead stays in the list for the programme team's colleagues at a supporting organisation.
        var (all, mine) = (User.IsProgrammeTeam(), User.PublisherOrganisations());
        LeadOrganisations = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == leadOrganisationId || all || mine.Contains(o.Id))
            .OrderBy(o => o.Name).Select(o => new GovukOption(o.Slug, o.Name, null)).ToListAsync(cancellationToken);
        AllOrganisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new GovukOption(o.Slug, o.Name, null)).ToListAsync(cancellationToken);
    }
}
