using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Updates.Pages;

/// <summary>The programme team or a publisher posts a policy update for an organisation they publish for.</summary>
[Authorize]
public sealed class NewModel(AppDbContext db, UpdateWorkflow updates) : PageModel, IUpdateFormPage
{
    [BindProperty] public UpdateForm Form { get; set; } = new();

    public IReadOnlyList<GovukOption> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!UpdatePermissions.CanPost(User))
        {
            return Forbid();
        }
        await LoadAsync(cancellationToken);
        if (Organisations.Count == 1)
        {
            Form.Organisation = Organisations[0].Value;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!UpdatePermissions.CanPost(User))
        {
            return Forbid();
        }
        var details = await Form.ReadAsync(ModelState, db, cancellationToken);
        return await this.ChangeAsync(async () =>
        {
            var update = await updates.PostAsync(details!, User, cancellationToken);
            return new Changed(UpdateWorkflow.UrlOf(update.Slug), "Your update has been published");
        }, "Form.Organisation", () => LoadAsync(cancellationToken));
    }

    private async Task LoadAsync(CancellationToken cancellationToken) => Organisations = await UpdateForm.OrganisationsAsync(db, User, cancellationToken);
}
