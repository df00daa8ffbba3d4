using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests.Manage;

/// <summary>Closes a request with an outcome and the fields that outcome needs (DESIGN §4.2).</summary>
public sealed class CloseModel(RequestQueries queries, RequestWorkflow workflow, Jurisdiction.Jurisdiction jurisdiction) : ManagePage(queries)
{
    /// <summary>Every outcome but "withdrawn", which only the requester chooses.</summary>
    public static readonly IReadOnlyList<GovukOption> Outcomes = [.. GovukOption.FromEnum<Outcome>().Where(o => o.Value != DatasetRequests.Outcome.Withdrawn.ToCode())];
    public static readonly IReadOnlyList<GovukOption> Reasons = GovukOption.FromEnum<RefusalReason>();

    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? DataUrl { get; set; }
    [BindProperty] public DateInput ExpectedOn { get; set; } = new();
    [BindProperty] public string? RefusalReason { get; set; }
    [BindProperty] public string? DuplicateOf { get; set; }
    [BindProperty] public string? Explanation { get; set; }

    public string ComplaintRoute { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var refused = await LoadAsync(id, cancellationToken);
        await LoadComplaintRouteAsync(cancellationToken);
        return refused ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var closing = Read();
        var result = await RunAsync(id, "The request has been closed", () => workflow.CloseAsync(id, User, closing!, cancellationToken),
            cancellationToken, FieldFor(closing?.Outcome));
        await LoadComplaintRouteAsync(cancellationToken);
        return result;
    }

    /// <summary>The outcome and its fields, with a message on each field that is missing or wrong.</summary>
    private Closing? Read()
    {
        var outcome = ModelState.Choice<Outcome>(nameof(Outcome), Outcome, "Select the outcome");
        Uri? url = null;
        DateOnly? expected = null;
        RefusalReason? reason = null;
        int? duplicateOf = null;
        switch (outcome)
        {
            case DatasetRequests.Outcome.Released or DatasetRequests.Outcome.AlreadyAvailable:
                if (!Uri.TryCreate(DataUrl?.Trim(), UriKind.Absolute, out url) || url.Scheme != "https")
                {
                    ModelState.AddModelError(nameof(DataUrl), "Enter the address where the data is published, starting with https://");
                }
                break;
            case DatasetRequests.Outcome.Scheduled:
                expected = ExpectedOn.Read(ModelState, nameof(ExpectedOn), "the date the data is expected");
                break;
            case DatasetRequests.Outcome.Refused:
                reason = ModelState.Choice<RefusalReason>(nameof(RefusalReason), RefusalReason, "Select the reason for refusing");
                if (string.IsNullOrWhiteSpace(Explanation)) ModelState.AddModelError(nameof(Explanation), "Explain why the request is refused");
                break;
            case DatasetRequests.Outcome.Duplicate:
                if (!int.TryParse(DuplicateOf?.Trim().TrimStart('#'), out var other)) ModelState.AddModelError(nameof(DuplicateOf), "Enter the number of the request this one duplicates");
                else duplicateOf = other;
                break;
        }
        var explanation = ModelState.Optional(nameof(Explanation), Explanation, 5_000, "The explanation");
        return outcome is null ? null : new Closing(outcome.Value, url, expected, reason, explanation, duplicateOf);
    }

    private static string FieldFor(Outcome? outcome) => outcome switch
    {
        DatasetRequests.Outcome.Released or DatasetRequests.Outcome.AlreadyAvailable => nameof(DataUrl),
        DatasetRequests.Outcome.Scheduled => nameof(ExpectedOn),
        DatasetRequests.Outcome.Duplicate => nameof(DuplicateOf),
        _ => nameof(Outcome),
    };

    private async Task LoadComplaintRouteAsync(CancellationToken cancellationToken)
    {
        if (DatasetRequest is null) return;
        var rules = await jurisdiction.GetAsync(cancellationToken);
        ComplaintRoute = (rules.Find(DatasetRequest.RegimeCode) ?? rules.ServiceStandard).ComplaintRoute;
    }
}
