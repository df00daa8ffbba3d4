using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.Groups.Pages;

/// <summary>Every group, open ones first: what it is for, how to join, and how many members it has.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(string Slug, string Name, GroupKind Kind, string Purpose, MembershipPolicy Policy, bool MembersOnly, bool IsClosed, int Members);

    public IReadOnlyList<Row> Groups { get; private set; } = [];
    public bool CanCreate => GroupPermissions.CanCreateGroups(User);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Groups = await db.Groups.AsNoTracking().OrderBy(g => g.IsClosed).ThenBy(g => g.Kind == GroupKind.SteeringGroup ? 0 : 1).ThenBy(g => g.Name)
            .Select(g => new Row(g.Slug, g.Name, g.Kind, g.Purpose, g.Policy, g.MembersOnly, g.IsClosed, g.Members.Count(m => m.State == MemberState.Active)))
            .ToListAsync(cancellationToken);
}
