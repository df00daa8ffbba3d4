using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups.Pages.Actions;

/// <summary>The chair or secretariat records an action, from a meeting or not: owner, due date, and the requests it serves.</summary>
[Authorize]
public sealed class NewModel(AppDbContext db, GroupAccess access, ActionWorkflow actions) : GroupPage(db, access)
{
    public static readonly IReadOnlyList<GovukOption> OwnerKinds = [new("person", "A member of the group"), new("organisation", "An organisation")];

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? OwnerKind { get; set; }
    [BindProperty] public string? Person { get; set; }
    [BindProperty] public string? Organisation { get; set; }
    [BindProperty] public DateInput DueOn { get; set; } = new();
    [BindProperty] public string? Requests { get; set; }
    [BindProperty(SupportsGet = true)] public int? Meeting { get; set; }

    public IReadOnlyList<GovukOption> Members { get; private set; } = [];
    public IReadOnlyList<GovukOption> Organisations { get; private set; } = [];
    public string? MeetingTitle { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] string group, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(group, cancellationToken))
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

    public Task<IActionResult> OnPostAsync([FromQuery] string group, CancellationToken cancellationToken)
    {
        var text = ModelState.Required(nameof(Text), Text, "Enter what is to be done", GroupAction.TextMaxLength, "The action");
        var due = DueOn.Read(ModelState, nameof(DueOn), "the date it is due");
        int? person = null, organisation = null;
        switch (OwnerKind)
        {
            case "person" when int.TryParse(Person, NumberStyles.None, CultureInfo.InvariantCulture, out var id):
                person = id;
                break;
            case "person":
                ModelState.AddModelError(nameof(Person), "Select the member who owns the action");
                break;
            case "organisation" when int.TryParse(Organisation, NumberStyles.None, CultureInfo.InvariantCulture, out var id):
                organisation = id;
                break;
            case "organisation":
                ModelState.AddModelError(nameof(Organisation), "Select the organisation that owns the action");
                break;
            default:
                ModelState.AddModelError(nameof(OwnerKind), "Select who owns the action");
                break;
        }
        var requests = new List<int>();
        foreach (var part in (Requests ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(part.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                requests.Add(number);
            }
            else
            {
                ModelState.AddModelError(nameof(Requests), "Enter request numbers separated by commas, like 12, 40");
                break;
            }
        }
        return ActAsync(group, "The action has been recorded and its owner told",
            () => actions.AddAsync(group, Meeting, new NewAction(text!, person, organisation, due!.Value, requests), User, cancellationToken),
            nameof(Text), Meeting is { } meeting ? MeetingWorkflow.UrlOf(meeting) : $"/groups/{group}", cancellationToken, runnersOnly: true);
    }

    protected override async Task OnInvalidAsync(CancellationToken cancellationToken)
    {
        var members = await (from m in Db.GroupMembers
                             join u in Db.Users on m.UserId equals u.Id
                             where m.GroupId == Group.Id && m.State == MemberState.Active
                             orderby u.DisplayName
                             select new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        Members = [new("", "Choose a member"), .. members.Select(m => new GovukOption(m.Id.ToString(CultureInfo.InvariantCulture), m.DisplayName))];
        var organisations = await Db.Organisations.OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        Organisations = [new("", "Choose an organisation"), .. organisations.Select(o => new GovukOption(o.Id.ToString(CultureInfo.InvariantCulture), o.Name))];
        MeetingTitle = Meeting is { } meeting
            ? await Db.Meetings.Where(m => m.Id == meeting && m.GroupId == Group.Id).Select(m => m.Title).SingleOrDefaultAsync(cancellationToken)
            : null;
    }
}
