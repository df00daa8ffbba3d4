using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Moderation;

/// <summary>Reporting any piece of content, once, with a reason; the page says what happens next.</summary>
[Authorize]
public sealed class ReportModel(ModerationDesk desk, IOptions<ModerationOptions> options) : PageModel
{
    public static readonly IReadOnlyList<GovukOption> Reasons =
    [
        new("spam", "Spam or advertising"),
        new("abuse", "Abusive or offensive", "For example, it insults or threatens someone."),
        new("personal_data", "Personal data", "It shares someone's name, contact details or other information about them."),
        new("off_topic", "Off topic", "It has nothing to do with what is being discussed."),
        new("other", "Another reason"),
    ];

    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Detail { get; set; }

    public ModeratedItem Item { get; private set; } = null!;
    public string Label { get; private set; } = "";
    public double AutoHideReports => options.Value.AutoHideReports;

    public async Task<IActionResult> OnGetAsync(string type, int id, CancellationToken cancellationToken)
    {
        await LoadAsync(type, id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string type, int id, CancellationToken cancellationToken)
    {
        await LoadAsync(type, id, cancellationToken);
        var reason = ModelState.Choice<ModerationReason>(nameof(Reason), Reason, "Select what is wrong with it");
        ModelState.Optional(nameof(Detail), Detail, ModerationReport.DetailMaxLength, "What is wrong");
        return await this.ChangeAsync(async () =>
        {
            var hidden = await desk.ReportAsync(type, id, reason!.Value, Detail, User, cancellationToken);
            return new Changed(Item.Item.Url, hidden
                ? "Thank you. Several people have reported this, so it is hidden until a moderator looks at it. We will email you what they decide."
                : "Thank you. A moderator will look at your report, usually within 2 working days, and we will email you what they decide.");
        }, nameof(Reason));
    }

    private async Task LoadAsync(string type, int id, CancellationToken cancellationToken)
    {
        Item = await desk.FindAsync(type, id, User, cancellationToken);
        Label = desk.Kind(type).Label.ToLowerInvariant();
    }
}
