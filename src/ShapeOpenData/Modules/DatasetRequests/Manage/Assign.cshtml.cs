using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests.Manage;

/// <summary>
/// Assigns a request to the organisation that holds the data, and optionally a named publisher (by email,
/// so the page works without JavaScript). Publishers may only assign within their own organisations.
/// </summary>
public sealed class AssignModel(RequestQueries queries, RequestWorkflow workflow, AppDbContext db) : ManagePage(queries)
{
    [BindProperty] public string? Organisation { get; set; }
    [BindProperty] public string? PublisherEmail { get; set; }
    [BindProperty] public string? Note { get; set; }

    public IReadOnlyList<GovukOption> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        Organisation = DatasetRequest.Organisation?.Slug;
        await LoadOrganisationsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        await LoadOrganisationsAsync(cancellationToken);
        var organisationId = await db.Organisations.Where(o => o.Slug == Organisation).Select(o => (int?)o.Id).SingleOrDefaultAsync(cancellationToken);
        if (organisationId is null) ModelState.AddModelError(nameof(Organisation), "Select the organisation to assign the request to");
        int? publisherId = null;
        if (!string.IsNullOrWhiteSpace(PublisherEmail))
        {
            var normalised = PublisherEmail.Trim().ToUpperInvariant();
            publisherId = await db.Users.Where(u => u.NormalizedEmail == normalised).Select(u => (int?)u.Id).SingleOrDefaultAsync(cancellationToken);
            if (publisherId is null) ModelState.AddModelError(nameof(PublisherEmail), "There is no one with that email address");
        }
        var note = ModelState.Optional(nameof(Note), Note, DatasetRequest.NoteMaxLength, "The note");
        return await RunAsync(id, "The request has been assigned",
            () => workflow.AssignAsync(id, User, organisationId!.Value, publisherId, note, cancellationToken), cancellationToken, nameof(PublisherEmail));
    }

    private async Task LoadOrganisationsAsync(CancellationToken cancellationToken)
    {
        var all = await db.Organisations.OrderBy(o => o.Name).Select(o => new { o.Id, o.Slug, o.Name }).ToListAsync(cancellationToken);
        Organisations = [new GovukOption("", "Select an organisation"),
            .. all.Where(o => DatasetRequestPermissions.CanAssignTo(User, o.Id)).Select(o => new GovukOption(o.Slug, o.Name))];
    }
}
