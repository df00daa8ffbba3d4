using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Follows;

namespace ShapeOpenData.Modules.Notifications;

/// <summary>
/// The link at the foot of every notification email. Mail programs that support one-click unsubscribe
/// (RFC 8058) POST here without a form, so no antiforgery token is asked for: the signed link is the proof.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(
    UnsubscribeLinks links, Following following, AppDbContext db, IEnumerable<IFollowable> followables, ItemReaders readers) : PageModel
{
    public string? What { get; private set; }
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

    /// <summary>Stops what the link is for: following one item, or all email.</summary>
    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        var link = links.Read(token);
        if (!NotificationPermissions.CanUnsubscribe(link))
        {
            return NotFound();
        }
        await DescribeAsync(link, cancellationToken);
        if (link.Followed is { } followed)
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
        (Done, All) = (true, true);
        return Page();
    }

    private async Task StopAllAsync(int userId, CancellationToken cancellationToken)
    {
        var settings = await db.NotificationSettings.FindAsync([userId], cancellationToken);
        if (settings is null)
        {
            db.NotificationSettings.Add(new NotificationSettings { UserId = userId, EmailOff = true });
        }
        else
        {
            settings.EmailOff = true;
        }
        await db.SaveChangesAsync(cancellationToken);
        All = true;
    }

    /// <summary>Names the item only to someone who may still see it: a link outlives a confidential request's move elsewhere.</summary>
    private async Task DescribeAsync(UnsubscribeLink link, CancellationToken cancellationToken)
    {
        if (link.Followed is { } followed
            && followables.FirstOrDefault(f => f.Type == followed.Type) is { } followable
            && await readers.MaySeeAsync(followed, link.UserId, cancellationToken)
            && await followable.DescribeAsync(followed.Id, cancellationToken) is { } target)
        {
            (What, WhatUrl) = (target.Title, target.Url);
        }
    }
}
