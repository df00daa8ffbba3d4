using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups.Pages.Meetings;

/// <summary>After the meeting: who of those registered came, and how many attended in all.</summary>
[Authorize]
public sealed class AttendanceModel(AppDbContext db, MeetingWorkflow meetings) : MeetingPage(meetings)
{
    [BindProperty] public List<string> Attended { get; set; } = [];
    [BindProperty] public string? Count { get; set; }

    public IReadOnlyList<GovukOption> Registered { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var result = await ManagedPageAsync(id, cancellationToken);
        if (Meeting is not null)
        {
            await OnInvalidAsync(cancellationToken);
            Attended = [.. Meeting.Registrations.Where(r => r.Attended).Select(r => r.UserId.ToString(CultureInfo.InvariantCulture))];
            Count = Meeting.AttendanceCount?.ToString(CultureInfo.InvariantCulture);
        }
        return result;
    }

    public Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var attended = Attended.Select(a => int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var userId) ? userId : 0).ToList();
        if (!int.TryParse(Count?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > 100_000)
        {
            ModelState.AddModelError(nameof(Count), "Enter how many people attended, as a whole number");
        }
        return ActAsync(id, "Attendance has been recorded", () => Meetings.RecordAttendanceAsync(id, count, attended, User, cancellationToken), nameof(Count), cancellationToken);
    }

    protected override async Task OnInvalidAsync(CancellationToken cancellationToken)
    {
        var ids = Meeting.Registrations.Where(r => r.State == RegistrationState.Registered).Select(r => r.UserId).ToList();
        var people = await db.Users.Where(u => ids.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        Registered = [.. people.Select(u => new GovukOption(u.Id.ToString(CultureInfo.InvariantCulture), u.DisplayName))];
    }
}
