using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups.Pages.Actions;

/// <summary>
/// One action: who owns it, when it is due, what came of it, the requests it serves and what other modules show of it;
/// its owner reports progress here.
/// </summary>
public sealed class ShowModel(AppDbContext db, GroupAccess access, ActionWorkflow actions, TimeProvider clock, Items items, PageSections sections) : PageModel
{
    public static readonly IReadOnlyList<GovukOption> States = GovukOption.FromEnum<ActionState>();

    [BindProperty] public string? State { get; set; }
    [BindProperty] public string? Note { get; set; }

    public GroupAction Action { get; private set; } = null!;
    public string Owner { get; private set; } = "";
    public string? MeetingTitle { get; private set; }
    public IReadOnlyList<TracedItem> Requests { get; private set; } = [];

    /// <summary>What other modules show on an action's page, like what it led to.</summary>
    public IReadOnlyList<PageSection> Sections { get; private set; } = [];
    public bool CanUpdate { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        State = Action.State.ToCode();
        Note = Action.Note;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (!CanUpdate)
        {
            return Forbid();
        }
        var state = ModelState.Choice<ActionState>(nameof(State), State, "Select the action's state");
        var note = ModelState.Optional(nameof(Note), Note, GroupAction.NoteMaxLength, "The note");
        return await this.ChangeAsync(() => actions.UpdateAsync(id, state!.Value, note, User, cancellationToken),
            $"The action is now {state?.ToText().ToLowerInvariant()}", ActionWorkflow.UrlOf(id), nameof(Note));
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        Action = await actions.FindAsync(id, User, cancellationToken);
        Today = clock.Today();
        CanUpdate = GroupPermissions.CanUpdate(User, Action, await access.MembershipAsync(Action.GroupId, User, cancellationToken));
        Owner = await db.Users.Where(u => u.Id == Action.OwnerUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken)
            ?? await db.Organisations.Where(o => o.Id == Action.OwnerOrganisationId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken)
            ?? "No owner";
        MeetingTitle = await db.Meetings.Where(m => m.Id == Action.MeetingId).Select(m => m.Title).SingleOrDefaultAsync(cancellationToken);
        var ids = Action.Requests.Select(r => r.RequestId).ToList();
        Requests = [.. (await items.Traceable(ItemTypes.Request).PublicAsync(ids, cancellationToken)).OrderBy(r => r.Id)];
        Sections = await sections.ForAsync(ItemTypes.Action, id, User, cancellationToken);
    }
}
