using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups.Pages.Actions;

/// <summary>Open actions across every group the reader may see, soonest due first, by group and owner, overdue flagged.</summary>
public sealed class IndexModel(AppDbContext db, GroupAccess access, TimeProvider clock) : PageModel
{
    public static readonly IReadOnlyList<GovukOption> States = [new("open", "Open"), new("done", "Done"), new("dropped", "Dropped"), new("all", "All")];

    [BindProperty(SupportsGet = true)] public string? Group { get; set; }

    /// <summary><c>person-12</c> or <c>organisation-department-for-transport</c>.</summary>
    [BindProperty(SupportsGet = true)] public string? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; } = "open";

    public IReadOnlyList<GovukOption> Groups { get; private set; } = [];
    public IReadOnlyList<GovukOption> Owners { get; private set; } = [];
    public IReadOnlyList<ActionRows.Row> Actions { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.Today();
        var visibility = await access.VisibilityAsync(User, cancellationToken);
        var visible = db.GroupActions.AsNoTracking().Where(visibility.Actions);
        var groups = await visible.Select(a => new { a.Group!.Slug, a.Group.Name }).Distinct().OrderBy(g => g.Name).ToListAsync(cancellationToken);
        Groups = [new("", "All groups"), .. groups.Select(g => new GovukOption(g.Slug, g.Name))];
        var people = await visible.Where(a => a.OwnerUserId != null).Select(a => a.OwnerUserId).Distinct()
            .Join(db.Users, id => id, u => u.Id, (_, u) => new { u.Id, u.DisplayName }).OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
        var organisations = await visible.Where(a => a.OwnerOrganisationId != null).Select(a => a.OwnerOrganisationId).Distinct()
            .Join(db.Organisations, id => id, o => o.Id, (_, o) => new { o.Slug, o.Name }).OrderBy(o => o.Name).ToListAsync(cancellationToken);
        Owners = [new("", "Anyone"),
            .. organisations.Select(o => new GovukOption($"organisation-{o.Slug}", o.Name)),
            .. people.Select(p => new GovukOption($"person-{p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}", p.DisplayName))];

        var actions = visible;
        if (!string.IsNullOrEmpty(Group))
        {
            actions = actions.Where(a => a.Group!.Slug == Group);
        }
        if (Owner?.StartsWith("person-", StringComparison.Ordinal) == true && int.TryParse(Owner["person-".Length..], out var personId))
        {
            actions = actions.Where(a => a.OwnerUserId == personId);
        }
        else if (Owner?.StartsWith("organisation-", StringComparison.Ordinal) == true)
        {
            var slug = Owner["organisation-".Length..];
            actions = actions.Where(a => db.Organisations.Any(o => o.Id == a.OwnerOrganisationId && o.Slug == slug));
        }
        if (Codes.TryParse<ActionState>(State, out var state))
        {
            actions = actions.Where(a => a.State == state);
        }
        else
        {
            State = "all";
        }
        Actions = await ActionRows.QueryAsync(db, actions, cancellationToken);
    }
}
