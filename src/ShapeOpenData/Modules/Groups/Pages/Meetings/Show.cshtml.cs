using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Modules.Accounts;

namespace ShapeOpenData.Modules.Groups.Pages.Meetings;

/// <summary>
/// A meeting: when and where, the agenda, places and the waiting list; afterwards its minutes (every version),
/// decisions, attendance and actions. The online link is shown only to people with a place.
/// </summary>
public sealed class ShowModel(AppDbContext db, MeetingWorkflow meetings, TimeProvider clock) : MeetingPage(meetings)
{
    public sealed record Attendee(string Name, RegistrationState State, bool Attended);

    public IReadOnlyList<ActionRows.Row> Actions { get; private set; } = [];
    public IReadOnlyList<Attendee> Attendees { get; private set; } = [];
    public int WaitingCount { get; private set; }
    public DateTime Now { get; private set; }
    public DateOnly Today { get; private set; }

    public bool CanSeeOnlineLink => GroupPermissions.CanSeeOnlineLink(Meeting, Registration?.State, CanManage);
    public bool IsOver => Meeting.EndsAt <= Now;

    /// <summary>Whole days from the end of the meeting to the first minutes.</summary>
    public int? DaysToMinutes => Meeting.Minutes.MinBy(m => m.Number) is { } first ? Math.Max(0, (int)(first.PublishedAt - Meeting.EndsAt).TotalDays) : null;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        await LoadPageAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostRegisterAsync(int id, CancellationToken cancellationToken) =>
        SignedIn(() => ActAsync(id, "", async () =>
        {
            var registration = await Meetings.RegisterAsync(id, User, cancellationToken);
            TempData.Success(registration.State == RegistrationState.Registered
                ? "You have a place. We will email you a reminder the day before"
                : "The meeting is full, so you are on the waiting list. If a place comes up it will be yours in turn, and we will email you");
        }, "register", cancellationToken, managersOnly: false));

    public Task<IActionResult> OnPostCancelRegistrationAsync(int id, CancellationToken cancellationToken) =>
        SignedIn(() => ActAsync(id, "Your registration has been cancelled", () => Meetings.CancelRegistrationAsync(id, User, cancellationToken),
            "register", cancellationToken, managersOnly: false));

    protected override Task OnInvalidAsync(CancellationToken cancellationToken) => LoadPageAsync(cancellationToken);

    private Task<IActionResult> SignedIn(Func<Task<IActionResult>> act) => User.IsSignedIn() ? act() : Task.FromResult<IActionResult>(Challenge());

    private async Task LoadPageAsync(CancellationToken cancellationToken)
    {
        Now = clock.UtcNow();
        Today = clock.Today();
        WaitingCount = Meeting.Registrations.Count(r => r.State == RegistrationState.Waiting);
        Actions = await ActionRows.QueryAsync(db, db.GroupActions.Where(a => a.MeetingId == Meeting.Id), cancellationToken);
        if (CanManage)
        {
            var ids = Meeting.Registrations.Where(r => r.IsCurrent).Select(r => r.UserId).ToList();
            var names = await db.PublicNamesAsync(ids, cancellationToken);
            Attendees = [.. Meeting.Registrations.Where(r => r.IsCurrent).OrderBy(r => r.State).ThenBy(r => r.JoinedQueueAt)
                .Select(r => new Attendee(names.GetValueOrDefault(r.UserId, Accounts.User.FormerParticipant), r.State, r.Attended))];
        }
    }
}
