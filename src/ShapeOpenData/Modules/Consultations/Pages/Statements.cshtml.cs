using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Api;
using ShapeOpenData.Modules.Consultations.Statements;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations.Pages;

/// <summary>
/// A consultation's statements. While it is open, someone signed in is offered one statement at a time (the least voted
/// they have not voted on) to agree with, disagree with or pass, and may add their own; below, every statement with
/// its counts and the reader's own vote, which they may change or withdraw. Once closed, the list alone, to read.
/// Plain forms: it all works without JavaScript.
/// </summary>
public sealed class StatementsModel(AppDbContext db, TimeProvider clock, StatementBoard board, Voting voting) : ConsultationPage(db, clock)
{
    /// <summary>A vote's button values; withdraw takes the vote back.</summary>
    public const string Withdraw = "withdraw";

    /// <summary>The choices in the order they are offered.</summary>
    public static readonly IReadOnlyList<VoteChoice> Choices = [VoteChoice.Agree, VoteChoice.Disagree, VoteChoice.Pass];

    [BindProperty] public string? Text { get; set; }

    public StatementView? Offered { get; private set; }
    public int PublicCount { get; private set; }
    public int Voted { get; private set; }
    public Paged<StatementView> List { get; private set; } = new([], 1, StatementBoard.PageSize, 0);
    public Pagination Pagination { get; private set; } = null!;
    public string StatementsAddress => $"{Address}/statements";

    /// <param name="statement">Show the page of the list holding this statement (by number), as the moderation queue links to it.</param>
    public async Task<IActionResult> OnGetAsync(
        string slug, [FromQuery(Name = "page")] int? page, [FromQuery(Name = "statement")] int? statement, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken) || !Consultation.IsPublished)
        {
            return NotFound();
        }
        var number = Shared.Pagination.PageNumber(ModelState, page);
        await ShowAsync(number, statement, cancellationToken);
        return ModelState.IsValid ? Page() : this.Invalid();
    }

    /// <param name="statement">The statement's id.</param>
    /// <param name="vote">agree, disagree, pass, or withdraw.</param>
    /// <param name="page">(listPage) The page of the list the vote was given on, to go back to; none for the statement offered.</param>
    public async Task<IActionResult> OnPostVoteAsync(
        string slug, [FromForm] int statement, [FromForm] string? vote, [FromForm(Name = "listPage")] int? page, CancellationToken cancellationToken)
    {
        if (!User.IsSignedIn())
        {
            return Challenge();
        }
        if (!await LoadAsync(slug, cancellationToken) || !Consultation.IsPublished)
        {
            return NotFound();
        }
        VoteChoice? choice = Codes.TryParse<VoteChoice>(vote, out var chosen) ? chosen : null;
        if (choice is null && vote != Withdraw)
        {
            ModelState.AddModelError("", "Choose agree, disagree or pass");
        }
        return await this.ChangeAsync(async () =>
        {
            var result = choice is { } given
                ? await voting.VoteAsync(slug, statement, given, User, cancellationToken)
                : await voting.WithdrawAsync(slug, statement, User, cancellationToken);
            var reader = await board.ReaderAsync(Consultation.Id, User, cancellationToken);
            var number = (await board.FindAsync(Consultation.Id, statement, reader, cancellationToken))?.Number ?? 0;
            var then = page is >= 1 and <= Paging.MaxPage ? $"{StatementsAddress}?page={page}#statement-{number}" : StatementsAddress;
            return new Changed(then, Told(number, result.Choice));
        }, "", () => ShowAsync(1, null, cancellationToken));
    }

    public async Task<IActionResult> OnPostSubmitAsync(string slug, CancellationToken cancellationToken)
    {
        if (!User.IsSignedIn())
        {
            return Challenge();
        }
        if (!await LoadAsync(slug, cancellationToken) || !Consultation.IsPublished)
        {
            return NotFound();
        }
        var text = ModelState.Required(nameof(Text), Text?.ReplaceLineEndings(" "), "Enter your statement", Statement.TextMaxLength, "Your statement");
        return await this.ChangeAsync(async () =>
        {
            var added = await board.SubmitAsync(slug, text, User, cancellationToken);
            return new Changed(StatementLinks.UrlOf(slug, added.Number), added.Moderation.AwaitingApproval
                ? "Your statement has been sent to the moderators. Only you can see it until one of them approves it"
                : "Your statement has been added. Others are offered it to vote on");
        }, nameof(Text), () => ShowAsync(1, null, cancellationToken));
    }

    private async Task ShowAsync(int page, int? statementNumber, CancellationToken cancellationToken)
    {
        var reader = await board.ReaderAsync(Consultation.Id, User, cancellationToken);
        if (CanTakePart)
        {
            Offered = await board.NextAsync(Consultation.Id, reader, cancellationToken);
        }
        (PublicCount, Voted) = await board.ProgressAsync(Consultation.Id, reader, cancellationToken);
        if (statementNumber is { } number)
        {
            page = await board.PageOfAsync(Consultation.Id, number, reader, StatementBoard.PageSize, cancellationToken);
        }
        List = await board.PageAsync(Consultation.Id, reader, page, StatementBoard.PageSize, publicOnly: false, cancellationToken);
        var pageCount = Math.Max(1, (List.Total + StatementBoard.PageSize - 1) / StatementBoard.PageSize);
        if (page > pageCount)
        {
            List = await board.PageAsync(Consultation.Id, reader, pageCount, StatementBoard.PageSize, publicOnly: false, cancellationToken);
        }
        Pagination = new Pagination(List.Page, pageCount, p => $"{StatementsAddress}?page={p}", "Pages of statements");
    }

    private static string Told(int number, VoteChoice? choice) => choice switch
    {
        VoteChoice.Agree => $"You agreed with statement {number}",
        VoteChoice.Disagree => $"You disagreed with statement {number}",
        VoteChoice.Pass => $"You passed on statement {number}",
        _ => $"Your vote on statement {number} has been taken back",
    };
}
