using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests.New;

/// <summary>Check your answers, see when a reply would be due, and send.</summary>
public sealed class CheckModel(AppDbContext db, TimeProvider clock, SimilarRequests similar, RequestWorkflow workflow, Jurisdiction.Jurisdiction jurisdiction)
    : DraftPage(db, clock)
{
    /// <summary>Which question page each answer comes from, for "Change" links and errors.</summary>
    public static readonly IReadOnlyDictionary<string, string> Pages = new Dictionary<string, string>
    {
        [nameof(RequestAnswers.Title)] = "", [nameof(RequestAnswers.Description)] = "", [nameof(RequestAnswers.Holder)] = "holder",
        [nameof(RequestAnswers.Themes)] = "themes", [nameof(RequestAnswers.IntendedUse)] = "use", [nameof(RequestAnswers.Benefits)] = "use",
        [nameof(RequestAnswers.Barriers)] = "barriers", [nameof(RequestAnswers.Regime)] = "formal", [nameof(RequestAnswers.Confidential)] = "private",
        [nameof(RequestAnswers.ReceivedOn)] = "received",
    };

    public RequestAnswers Answered => Answers;
    public string? HolderName { get; private set; }
    public string RegimeName { get; private set; } = "";
    public DateOnly DueOn { get; private set; }
    public IReadOnlyList<SimilarRequest> Similar { get; private set; } = [];
    public IReadOnlyList<(string Message, string Href)> Problems { get; private set; } = [];

    protected override string StepName => "check";

    public static string ChangeHref(string answer) => $"/requests/new/{Pages[answer]}?change=true".Replace("new/?", "new?", StringComparison.Ordinal);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAnswersAsync(cancellationToken);
        return Answers.Title is null ? Redirect("/requests/new") : await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAnswersAsync(cancellationToken);
        var errors = await Answers.ErrorsAsync(Db, User, Today, cancellationToken);
        if (errors.Count > 0)
        {
            Problems = [.. errors.Select(e => (e.Value, ChangeHref(e.Key)))];
            return await ShowAsync(cancellationToken, invalid: true);
        }
        var (details, regime) = await Answers.ToRequestAsync(Db, User, Today, cancellationToken);
        try
        {
            var request = await workflow.SubmitAsync(details, regime, User, cancellationToken);
            await Db.RequestDrafts.Where(d => d.UserId == request.RequesterId || d.UserId == request.RecordedById).ExecuteDeleteAsync(cancellationToken);
            return Redirect($"/requests/new/done/{request.Id}");
        }
        catch (DuplicateTitleException duplicate)
        {
            Problems = [(duplicate.Message, ChangeHref(nameof(RequestAnswers.Title)))];
            return await ShowAsync(cancellationToken, invalid: true);
        }
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken, bool invalid = false)
    {
        var rules = await jurisdiction.GetAsync(cancellationToken);
        var regime = rules.Find(Answers.Regime == RequestAnswers.NotFormal ? DatasetRequest.ServiceStandard : Answers.Regime) ?? rules.ServiceStandard;
        RegimeName = Answers.Regime == RequestAnswers.NotFormal ? "Not a formal request" : regime.Name;
        var receivedOn = Answers.ReceivedVia is null or "service" ? Today : Answers.ReceivedOn ?? Today;
        DueOn = regime.DueOn(rules.Calendar, receivedOn);
        HolderName = await Db.Organisations.Where(o => o.Slug == Answers.Holder).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
        Similar = await similar.FindAsync(Answers.Title, cancellationToken: cancellationToken);
        return invalid ? this.Invalid() : Page();
    }
}
