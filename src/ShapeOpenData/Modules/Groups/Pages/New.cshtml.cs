using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups.Pages;

/// <summary>The programme team creates a group; its chair and secretariat are then invited or added.</summary>
[Authorize]
public sealed class NewModel(AppDbContext db, GroupAccess access, GroupWorkflow groups) : GroupFormPage(db, access)
{
    public override bool IsNew => true;

    public IActionResult OnGet()
    {
        Form = new GroupForm { Policy = MembershipPolicy.OnRequest.ToCode(), Visibility = "public" };
        return GroupPermissions.CanCreateGroups(User) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!GroupPermissions.CanCreateGroups(User))
        {
            return Forbid();
        }
        var slug = Form.ReadSlug(ModelState, "Form.");
        var details = Form.Read(ModelState, "Form.");
        if (slug is null || details is null)
        {
            return this.Invalid();
        }
        return await this.ChangeAsync(async () =>
        {
            var group = await groups.CreateAsync(slug, details, User, cancellationToken);
            return new Changed($"/groups/{group.Slug}", "The group has been created. Invite its chair and secretariat from Manage members");
        }, "Form.Slug");
    }
}
