using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Comments;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Modules.Supports;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>One request: what was asked, where it is on the clock, its timeline, who needs it, and its comments.</summary>
public sealed class ShowModel(
    RequestQueries queries, AppDbContext db, CommentThreads comments, Following following, Supporting supporting,
    Jurisdiction.Jurisdiction jurisdiction, PageSections sections, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Use { get; set; }

    public DatasetRequest DatasetRequest { get; private set; } = null!;
    public Jurisdiction.LegalRegime Regime { get; private set; } = null!;
    public IReadOnlyDictionary<Sector, int> Sectors { get; private set; } = new Dictionary<Sector, int>();
    public bool IsSupporting { get; private set; }
    public bool IsFollowing { get; private set; }
    public CommentPage Comments { get; private set; } = null!;
    public IReadOnlyDictionary<int, string> Names { get; private set; } = new Dictionary<int, string>();
    public string? DuplicateOfTitle { get; private set; }
    public TracedItem? Dataset { get; private set; }

    /// <summary>What other modules show on a request's page, like the actions groups agreed that serve it.</summary>
    public IReadOnlyList<PageSection> Sections { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public bool CanManage => DatasetRequestPermissions.CanManage(User, DatasetRequest);
    public bool CanAnswer => DatasetRequest.IsPaused && DatasetRequestPermissions.CanAnswerQuestion(User, DatasetRequest);
    public bool CanWithdraw => DatasetRequestPermissions.CanWithdraw(User, DatasetRequest);

    /// <summary>
    /// Whether the reader sees what the requester wrote, and may support, follow or comment: not when a moderator has
    /// hidden it, unless they still read it (then with the notice).
    /// </summary>
    public bool ReadsWords => DatasetRequestPermissions.CanView(User, DatasetRequest);

    /// <summary>Anyone signed in may report a request they did not make, while it is up.</summary>
    public bool CanReport => User.IsSignedIn() && !DatasetRequestPermissions.IsRequester(User, DatasetRequest) && DatasetRequest.Moderation.IsPublic;

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "comments")] int commentPage, CancellationToken cancellationToken) =>
        await LoadAsync(id, commentPage, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSupportAsync(int id, CancellationToken cancellationToken) =>
        await ActAsync(id, async () =>
        {
            var result = await supporting.SupportAsync(DatasetRequestsModule.ItemType, id, User, Use, cancellationToken);
            TempData.Success(result.Changed ? "Thank you. You support this request, and we will email you when it changes" : "You already support this request");
        }, "support", cancellationToken);

    public async Task<IActionResult> OnPostWithdrawSupportAsync(int id, CancellationToken cancellationToken) =>
        await ActAsync(id, async () =>
        {
            await supporting.WithdrawAsync(DatasetRequestsModule.ItemType, id, User, cancellationToken);
            TempData.Success("You no longer support this request");
        }, "support", cancellationToken);

    public async Task<IActionResult> OnPostFollowAsync(int id, CancellationToken cancellationToken) =>
        await ActAsync(id, async () =>
        {
            await following.FollowAsync(User, DatasetRequestsModule.ItemType, id, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            TempData.Success("You are following this request. We will tell you when it changes");
        }, "follow", cancellationToken);

    public async Task<IActionResult> OnPostUnfollowAsync(int id, CancellationToken cancellationToken) =>
        await ActAsync(id, async () =>
        {
            await following.UnfollowAsync(User.UserId()!.Value, DatasetRequestsModule.ItemType, id, cancellationToken);
            TempData.Success("You are no longer following this request");
        }, "follow", cancellationToken);

    private async Task<IActionResult> ActAsync(int id, Func<Task> act, string anchor, CancellationToken cancellationToken)
    {
        if (!User.IsSignedIn())
        {
            return Challenge();
        }
        if (await queries.FindAsync(id, User, cancellationToken) is null)
        {
            return NotFound();
        }
        return await this.ChangeAsync(act, "", $"/requests/{id}#{anchor}", nameof(Use), () => LoadAsync(id, 1, cancellationToken));
    }

    private async Task<bool> LoadAsync(int id, int commentPage, CancellationToken cancellationToken)
    {
        if (await queries.FindPageAsync(id, User, cancellationToken) is not { } request)
        {
            return false;
        }
        DatasetRequest = request;
        Today = clock.Today();
        var rules = await jurisdiction.GetAsync(cancellationToken);
        Regime = rules.Find(request.RegimeCode) ?? rules.ServiceStandard;
        Sectors = (await queries.SectorMixAsync([id], cancellationToken)).GetValueOrDefault(id) ?? [];
        if (User.UserId() is { } userId)
        {
            IsSupporting = await supporting.IsSupportingAsync(userId, DatasetRequestsModule.ItemType, id, cancellationToken);
            IsFollowing = await following.IsFollowingAsync(userId, DatasetRequestsModule.ItemType, id, cancellationToken);
        }
        Comments = await comments.PageAsync(DatasetRequestsModule.ItemType, id, commentPage, User, User.IsSignedIn() && ReadsWords, cancellationToken);
        var actors = request.Events.Where(e => e.ActorId is not null).Select(e => e.ActorId!.Value).Distinct().ToList();
        Names = await db.PublicNamesAsync(actors, cancellationToken);
        Dataset = await queries.AnsweringDatasetAsync(request, cancellationToken);
        Sections = await sections.ForAsync(ItemTypes.Request, id, User, cancellationToken);
        DuplicateOfTitle = await queries.DuplicateOfTitleAsync(request, User, cancellationToken);
        return true;
    }
}
