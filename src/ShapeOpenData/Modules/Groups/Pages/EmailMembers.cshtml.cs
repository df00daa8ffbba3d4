using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups.Pages;

/// <summary>
/// The chair, secretariat and programme team write to every member: the service emails each one, with the sender's
/// name, and nobody sees the members' addresses.
/// </summary>
[Authorize]
public sealed class EmailMembersModel(AppDbContext db, GroupAccess access, GroupMessages messages) : GroupPage(db, access)
{
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Message { get; set; }

    /// <summary>The other active members, who will be emailed.</summary>
    public int Recipients { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        if (!CanRun)
        {
            return Forbid();
        }
        await OnInvalidAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        var subject = ModelState.Required(nameof(Subject), Subject, "Enter a subject", GroupMessage.SubjectMaxLength, "The subject");
        var message = ModelState.Required(nameof(Message), Message, "Enter your message", GroupMessage.TextMaxLength, "The message");
        return ActAsync(slug, "Your message is being emailed to the members", () => messages.SendAsync(slug, subject, message, User, cancellationToken),
            nameof(Message), $"/groups/{slug}/members", cancellationToken, runnersOnly: true);
    }

    protected override async Task OnInvalidAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        Recipients = await Db.GroupMembers.CountAsync(m => m.GroupId == Group.Id && m.State == MemberState.Active && m.UserId != userId, cancellationToken);
    }
}
