using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Modules.Follows;

namespace ShapeOpenData.Modules.Notifications;

/// <summary>
/// The link at the foot of every notification email. Mail programs that support one-click unsubscribe
/// (RFC 8058) POST here without a form, so no antiforgery token is asked for: the signed link is the proof. It stops
/// what the email was: one kind of email, digests, or (in links sent before there were kinds) following one item.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(
    UnsubscribeLinks links, Following following, Preferences preferences, IEnumerable<IFollowable> followables, ItemReaders readers) : PageModel
{
    /// <summary>What the link stops, in words: "emails about dataset requests".</summary>
    public string What { get; private set; } = "all emails from this service";
    public string? WhatUrl { get; private set; }
    public bool Done { get; private set; }
    public bool All { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var link = links.Read(token);
        if (!NotificationPermissions.CanUnsubscribe(link))
        {
            return NotFound();
        }
        await DescribeAsync(link, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        var link = links.Read(token);
        if (!NotificationPermissions.CanUnsubscribe(link))
        {
            return NotFound();
        }
        await DescribeAsync(link, cancellationToken);
        if (link.Kind is { } kind)
        {
            await preferences.SetAsync(link.UserId, new Dictionary<string, Choice> { [kind.Code] = Choice.Off }, cancellationToken);
        }
        else if (link.Digests)
        {
            await preferences.StopDigestsAsync(link.UserId, cancellationToken);
        }
        else if (link.Followed is { } followed)
        {
            await following.UnfollowAsync(link.UserId, followed.Type, followed.Id, cancellationToken);
        }
        else
        {
            await StopAllAsync(link.UserId, cancellationToken);
        }
        Done = true;
        return Page();
    }

    public async Task<IActionResult> OnPostAllAsync(string token, CancellationToken cancellationToken)
    {
        var link = links.Read(token);
        if (!NotificationPermissions.CanUnsubscribe(link))
        {
            return NotFound();
        }
        await StopAllAsync(link.UserId, cancellationToken);
        Done = true;
        return Page();
    }

    private async Task StopAllAsync(int userId, CancellationToken cancellationToken)
    {
        await preferences.SetEmailOffAsync(userId, true, cancellationToken);
        (All, What) = (true, "all emails from this service");
    }

    /// <summary>Names a followed item only to someone who may still see it: a link outlives a confidential request's move elsewhere.</summary>
    private async Task DescribeAsync(UnsubscribeLink link, CancellationToken cancellationToken)
    {
        if (link.Kind is { } kind)
        {
            What = $"emails about {kind.Name.ToLowerInvariant()}";
        }
        else if (link.Digests)
        {
            What = "daily and weekly digests";
        }
        else if (link.Followed is { } followed)
        {
            What = "emails about this item";
            if (followables.FirstOrDefault(f => f.Type == followed.Type) is { } followable
                && await readers.MaySeeAsync(followed, link.UserId, cancellationToken)
                && await followable.DescribeAsync(followed.Id, cancellationToken) is { } target)
            {
                (What, WhatUrl) = ($"emails about {target.Title}", target.Url);
            }
        }
    }
}
