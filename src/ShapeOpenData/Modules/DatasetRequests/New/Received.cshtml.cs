using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests.New;

/// <summary>
/// Publishers and the programme team only: a request that arrived by email or post is recorded with its
/// date of receipt, and the clock runs from that date.
/// </summary>
public sealed class ReceivedModel(AppDbContext db, TimeProvider clock) : DraftPage(db, clock)
{
    public static readonly IReadOnlyList<GovukOption> Choices = GovukOption.FromEnum<ReceivedVia>();

    [BindProperty] public string? ReceivedVia { get; set; }
    [BindProperty] public DateInput ReceivedOn { get; set; } = new();

    protected override string StepName => "received";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!DatasetRequestPermissions.CanRecordOnBehalf(User))
        {
            return Forbid();
        }
        await LoadAnswersAsync(cancellationToken);
        ReceivedVia = Answers.ReceivedVia ?? "service";
        ReceivedOn = Answers.ReceivedOn is { } on ? DateInput.From(on) : new DateInput();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!DatasetRequestPermissions.CanRecordOnBehalf(User))
        {
            return Forbid();
        }
        if (!Codes.TryParse<ReceivedVia>(ReceivedVia, out var via))
        {
            ModelState.AddModelError(nameof(ReceivedVia), "Select how the request arrived");
            return this.Invalid();
        }
        DateOnly? receivedOn = null;
        if (via != DatasetRequests.ReceivedVia.Service)
        {
            receivedOn = ReceivedOn.Read(ModelState, nameof(ReceivedOn), "the date the request was received");
            if (receivedOn > Today) ModelState.AddModelError(nameof(ReceivedOn), "The date the request was received must be today or in the past");
            if (!ModelState.IsValid) return this.Invalid();
        }
        await LoadAnswersAsync(cancellationToken);
        (Answers.ReceivedVia, Answers.ReceivedOn) = (via.ToCode(), receivedOn);
        await SaveAnswersAsync(cancellationToken);
        return Continue();
    }
}
