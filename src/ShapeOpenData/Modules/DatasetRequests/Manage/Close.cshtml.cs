using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests.Manage;

/// <summary>Closes a request with an outcome and the fields that outcome needs (DESIGN §4.2).</summary>
public sealed class CloseModel(RequestQueries queries, RequestWorkflow workflow, Jurisdiction.Jurisdiction jurisdiction, Items items)
    : ManagePage(queries)
{
    /// <summary>Every outcome but "withdrawn", which only the requester chooses.</summary>
    public static readonly IReadOnlyList<GovukOption> Outcomes = [.. GovukOption.FromEnum<Outcome>().Where(o => o.Value != DatasetRequests.Outcome.Withdrawn.ToCode())];
    public static readonly IReadOnlyList<GovukOption> Reasons = GovukOption.FromEnum<RefusalReason>();

    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? DatasetSearch { get; set; }
    [BindProperty] public string? DatasetSlug { get; set; }
    [BindProperty] public string? DataUrl { get; set; }
    [BindProperty] public DateInput ExpectedOn { get; set; } = new();
    [BindProperty] public string? RefusalReason { get; set; }
    [BindProperty] public string? DuplicateOf { get; set; }
    [BindProperty] public string? Explanation { get; set; }

    public string ComplaintRoute { get; private set; } = "";

    /// <summary>The most datasets offered to choose from.</summary>
    public const int MaxCandidates = 10;

    /// <summary>Datasets that match what was typed, when it was not clear which one was meant.</summary>
    public IReadOnlyList<GovukOption> DatasetCandidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var refused = await LoadAsync(id, cancellationToken);
        await LoadComplaintRouteAsync(cancellationToken);
        return refused ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var closing = await ReadAsync(cancellationToken);
        var result = await RunAsync(id, "The request has been closed", () => workflow.CloseAsync(id, User, closing!, cancellationToken),
            cancellationToken, FieldFor(closing?.Outcome));
        await LoadComplaintRouteAsync(cancellationToken);
        return result;
    }

    /// <summary>The outcome and its fields, with a message on each field that is missing or wrong.</summary>
    private async Task<Closing?> ReadAsync(CancellationToken cancellationToken)
    {
        var outcome = ModelState.Choice<Outcome>(nameof(Outcome), Outcome, "Select the outcome");
        Uri? url = null;
        DateOnly? expected = null;
        RefusalReason? reason = null;
        int? duplicateOf = null;
        int? dataset = null;
        switch (outcome)
        {
            case DatasetRequests.Outcome.Released or DatasetRequests.Outcome.AlreadyAvailable:
                dataset = await ReadDatasetAsync(cancellationToken);
                if (dataset is not null || !ModelState.IsValid)
                {
                    break;
                }
                if (string.IsNullOrWhiteSpace(DataUrl))
                {
                    ModelState.AddModelError(nameof(DatasetSearch), "Find the dataset in the catalogue, or enter the address where the data is published");
                }
                else if (!Uri.TryCreate(DataUrl.Trim(), UriKind.Absolute, out url) || url.Scheme != "https")
                {
                    ModelState.AddModelError(nameof(DataUrl), "Enter the address where the data is published, starting with https://");
                }
                else if (url.ToString().Length > DatasetRequest.OutcomeUrlMaxLength)
                {
                    ModelState.AddModelError(nameof(DataUrl), $"The address must be {DatasetRequest.OutcomeUrlMaxLength} characters or fewer");
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
        var explanation = ModelState.Optional(nameof(Explanation), Explanation, DatasetRequest.ExplanationMaxLength, "The explanation");
        return outcome is null ? null : new Closing(outcome.Value, url, expected, reason, explanation, duplicateOf, dataset);
    }

    /// <summary>
    /// The dataset chosen from the matches, or the one dataset that what was typed names. When several match,
    /// the page shows them to choose from; this is what search-as-you-type shows too, without JavaScript.
    /// </summary>
    private async Task<int?> ReadDatasetAsync(CancellationToken cancellationToken)
    {
        var datasets = items.Traceable(ItemTypes.Dataset);
        TracedItem? chosen = null;
        if (!string.IsNullOrEmpty(DatasetSlug))
        {
            chosen = await datasets.FindAsync(DatasetSlug, cancellationToken);
            if (chosen is null) ModelState.AddModelError(nameof(DatasetSearch), "That dataset is not in the catalogue. Search again");
        }
        else if (!string.IsNullOrWhiteSpace(DatasetSearch))
        {
            chosen = await datasets.FindAsync(DatasetSearch, cancellationToken);
            var candidates = chosen is null ? await items.Searchable(ItemTypes.Dataset).SearchAsync(DatasetSearch, MaxCandidates, cancellationToken) : [];
            if (candidates.Count == 1)
            {
                chosen = candidates[0].Item;
            }
            else if (chosen is null)
            {
                DatasetCandidates = [.. candidates.Select(c => new GovukOption(c.Item.Key, c.Item.Title, c.Summary))];
                ModelState.AddModelError(nameof(DatasetSearch), candidates.Count == 0
                    ? $"No dataset in the catalogue matches \"{DatasetSearch.Trim()}\". Try other words, or give the address of the data"
                    : "Several datasets match. Select the one that answers the request");
            }
        }
        if (chosen is not null && !string.IsNullOrWhiteSpace(DataUrl))
        {
            ModelState.AddModelError(nameof(DataUrl), "Leave the address empty when you choose a dataset from the catalogue");
        }
        return chosen?.Id;
    }

    private static string FieldFor(Outcome? outcome) => outcome switch
    {
        DatasetRequests.Outcome.Released or DatasetRequests.Outcome.AlreadyAvailable => nameof(DatasetSearch),
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
