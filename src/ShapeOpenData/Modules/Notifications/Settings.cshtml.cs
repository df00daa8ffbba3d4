using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Notifications;

/// <summary>
/// How a person hears from the service: for each kind of thing, straight away, in a daily or weekly digest, or not at all;
/// and one switch that stops all email. Whatever an unsubscribe link turned off is turned back on here.
/// </summary>
[Authorize]
public sealed class SettingsModel(Preferences preferences, IOptions<DeliveryOptions> options) : PageModel
{
    public static readonly IReadOnlyList<GovukOption> Options =
        [.. Codes.All<Choice>().Select(c => new GovukOption(c.ToCode(), c.ToText()))];

    /// <summary>Each kind's choice, by kind code, as its code.</summary>
    [BindProperty] public Dictionary<string, string> Choices { get; set; } = [];

    public bool EmailOff { get; private set; }

    public int DigestHour => options.Value.DigestHour;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId()!.Value;
        Choices = (await preferences.ChoicesAsync(userId, cancellationToken)).ToDictionary(c => c.Key, c => c.Value.ToCode());
        EmailOff = await preferences.EmailOffAsync(userId, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId()!.Value;
        var chosen = new Dictionary<string, Choice>();
        foreach (var kind in NotificationKinds.All)
        {
            if (Codes.TryParse<Choice>(Choices.GetValueOrDefault(kind.Code), out var choice))
            {
                chosen[kind.Code] = choice;
            }
            else
            {
                ModelState.AddModelError($"Choices[{kind.Code}]", $"Select how you want to hear about {kind.Name.ToLowerInvariant()}");
                Choices[kind.Code] = ""; // The page shows the question again, unanswered.
            }
        }
        if (!ModelState.IsValid)
        {
            EmailOff = await preferences.EmailOffAsync(userId, cancellationToken);
            return this.Invalid();
        }
        await preferences.SetAsync(userId, chosen, cancellationToken);
        TempData.Success("Your choices are saved");
        return Redirect("/account/notifications");
    }

    public async Task<IActionResult> OnPostEmailAsync([FromForm] bool emailOff, CancellationToken cancellationToken)
    {
        await preferences.SetEmailOffAsync(User.UserId()!.Value, emailOff, cancellationToken);
        TempData.Success(emailOff ? "We will not email you any more" : "We will email you again, as you chose below");
        return Redirect("/account/notifications");
    }
}
