using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests.New;

/// <summary>Who holds the data, if the requester knows.</summary>
public sealed class HolderModel(AppDbContext db, TimeProvider clock) : DraftPage(db, clock)
{
    [BindProperty] public string? Holder { get; set; }

    public IReadOnlyList<GovukOption> Organisations { get; private set; } = [];

    protected override string StepName => "holder";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAnswersAsync(cancellationToken);
        Holder = Answers.Holder;
        await LoadOrganisationsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var slugs = await Db.Organisations.Select(o => o.Slug).ToListAsync(cancellationToken);
        if (RequestAnswers.HolderError(Holder, slugs) is { } error)
        {
            ModelState.AddModelError(nameof(Holder), error);
            await LoadOrganisationsAsync(cancellationToken);
            return this.Invalid();
        }
        await LoadAnswersAsync(cancellationToken);
        Answers.Holder = Holder;
        await SaveAnswersAsync(cancellationToken);
        return Continue();
    }

    private async Task LoadOrganisationsAsync(CancellationToken cancellationToken) =>
        Organisations = [new GovukOption("", "Select an organisation"), new GovukOption(RequestAnswers.UnknownHolder, "I do not know"),
            .. await Db.Organisations.OrderBy(o => o.Name).Select(o => new GovukOption(o.Slug, o.Name, null)).ToListAsync(cancellationToken)];
}
