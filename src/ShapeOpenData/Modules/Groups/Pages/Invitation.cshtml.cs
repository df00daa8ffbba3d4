using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups.Pages;

/// <summary>The link in an invitation email: sign in (or create an account) with the invited address, then accept.</summary>
public sealed class InvitationModel(AppDbContext db, GroupAccess access, GroupWorkflow groups) : GroupPage(db, access)
{
    public GroupInvitation? Invitation { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        Invitation = await groups.InvitationAsync(slug, token, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string token, CancellationToken cancellationToken)
    {
        if (!User.IsSignedIn())
        {
            return Challenge();
        }
        return await ActAsync(slug, "", async () =>
        {
            var group = await groups.AcceptInvitationAsync(slug, token, User, cancellationToken);
            TempData.Success($"You are now a member of {group.Name}");
        }, "accept", $"/groups/{slug}", cancellationToken);
    }

    protected override async Task OnInvalidAsync(CancellationToken cancellationToken) =>
        Invitation = await groups.InvitationAsync(Group.Slug, (string)RouteData.Values["token"]!, cancellationToken);
}
