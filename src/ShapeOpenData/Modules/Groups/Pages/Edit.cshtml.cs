using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.Groups.Pages;

/// <summary>The chair, secretariat or programme team change a group's details, or close it.</summary>
[Authorize]
public sealed class EditModel(AppDbContext db, GroupAccess access, GroupWorkflow groups) : GroupFormPage(db, access)
{
    public override bool IsNew => false;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        Form = GroupForm.From(Group);
        return CanRun ? Page() : Forbid();
    }

    public Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        var details = Form.Read(ModelState, "Form.");
        return ActAsync(slug, "The group's details have been changed", () => groups.UpdateAsync(slug, details!, User, cancellationToken),
            "Form.Name", $"/groups/{slug}", cancellationToken, runnersOnly: true);
    }
}
