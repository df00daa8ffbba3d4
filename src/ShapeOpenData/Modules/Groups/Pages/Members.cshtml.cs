using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups.Pages;

/// <summary>
/// The chair, secretariat and programme team decide requests to join, set roles, remove members and invite by email.
/// Members are shown by name and sector: their email addresses only to administrators (who may look at the page too).
/// </summary>
[Authorize]
public sealed class MembersModel(AppDbContext db, GroupAccess access, GroupWorkflow groups) : GroupPage(db, access)
{
    public static readonly IReadOnlyList<GovukOption> Roles = GovukOption.FromEnum<GroupRole>();

    /// <param name="Email">Null unless the reader may see members' addresses.</param>
    /// <param name="Message">Why they want to join; null when there is none, or a moderator hid it from the reader.</param>
    /// <param name="Notice">What a moderator did to the message, shown in its place: "Hidden by a moderator: …".</param>
    public sealed record Person(int MemberId, int UserId, string Name, string? Email, Sector? Sector, GroupRole Role, string? Message, DateTime Since, string? Notice = null);

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Role { get; set; }

    public IReadOnlyList<Person> Requests { get; private set; } = [];
    public IReadOnlyList<Person> Members { get; private set; } = [];

    public bool ShowsAddresses => GroupPermissions.CanSeeMemberAddresses(User);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        if (!GroupPermissions.CanSeeMembersPage(User, Membership))
        {
            return Forbid();
        }
        Role = GroupRole.Member.ToCode();
        await OnInvalidAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(string slug, int member, CancellationToken cancellationToken) =>
        ActAsync(slug, "The request has been approved and the new member told", () => groups.DecideAsync(slug, member, true, User, cancellationToken),
            "requests", Here(slug), cancellationToken, runnersOnly: true);

    public Task<IActionResult> OnPostDeclineAsync(string slug, int member, CancellationToken cancellationToken) =>
        ActAsync(slug, "The request has been declined and the person told", () => groups.DecideAsync(slug, member, false, User, cancellationToken),
            "requests", Here(slug), cancellationToken, runnersOnly: true);

    public Task<IActionResult> OnPostRoleAsync(string slug, int member, [FromForm(Name = "role")] string? role, CancellationToken cancellationToken)
    {
        var chosen = ModelState.Choice<GroupRole>("members", role, "Select a role");
        return ActAsync(slug, "The role has been changed", () => groups.SetRoleAsync(slug, member, chosen!.Value, User, cancellationToken),
            "members", Here(slug), cancellationToken, runnersOnly: true);
    }

    public Task<IActionResult> OnPostRemoveAsync(string slug, int user, CancellationToken cancellationToken) =>
        ActAsync(slug, "They have been removed from the group", () => groups.RemoveAsync(slug, user, User, cancellationToken),
            "members", Here(slug), cancellationToken, runnersOnly: true);

    public Task<IActionResult> OnPostInviteAsync(string slug, CancellationToken cancellationToken)
    {
        var email = ModelState.Email(nameof(Email), Email);
        var role = ModelState.Choice<GroupRole>(nameof(Role), Role, "Select the role they are invited to");
        return ActAsync(slug, $"An invitation has been emailed to {email}", () => groups.InviteAsync(slug, email!, role!.Value, User, cancellationToken),
            nameof(Email), Here(slug), cancellationToken, runnersOnly: true);
    }

    protected override async Task OnInvalidAsync(CancellationToken cancellationToken)
    {
        // Addresses are not even read for someone who may not see them.
        var withAddresses = ShowsAddresses;
        var people = await (from m in Db.GroupMembers
                            join u in Db.Users on m.UserId equals u.Id
                            where m.GroupId == Group.Id
                            orderby m.CreatedAt
                            select new { m.State, m.Moderation, Person = new Person(m.Id, u.Id, u.DisplayName, withAddresses ? u.Email : null, u.Sector, m.Role, m.Message, m.JoinedAt ?? m.CreatedAt) })
            .ToListAsync(cancellationToken);
        // A hidden message leaves its notice for the managers; its words stay for moderators (and the programme team, who moderate too).
        var moderates = User.Moderates();
        Requests = [.. people.Where(p => p.State == MemberState.Requested).Select(p => p.Person with
        {
            Message = p.Moderation.IsPublic || moderates ? p.Person.Message : null,
            Notice = p.Moderation.Notice,
        })];
        Members = [.. people.Where(p => p.State == MemberState.Active).Select(p => p.Person).OrderBy(p => p.Role).ThenBy(p => p.Name)];
    }

    private static string Here(string slug) => $"/groups/{slug}/members";
}
