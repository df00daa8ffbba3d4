using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Comments;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations.Pages;

/// <summary>
/// A consultation: what is asked, until when, its document section by section with the comments on each, the ways to
/// take part, and once published its outcome.
/// </summary>
public sealed class ShowModel(AppDbContext db, TimeProvider clock, CommentThreads comments, Following following) : ConsultationPage(db, clock)
{
    public sealed record SectionRow(int Id, int Number, string Heading, string Html, int Comments);

    public DocumentVersion? Version { get; private set; }
    public IReadOnlyList<SectionRow> Sections { get; private set; } = [];
    public int Versions { get; private set; }
    public int Statements { get; private set; }
    public int Participants { get; private set; }
    public int Responses { get; private set; }
    public bool IsFollowing { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        Version = await CurrentVersionAsync(cancellationToken);
        var sections = Version?.Sections ?? [];
        var counts = await comments.CountsAsync(ConsultationsModule.SectionItemType, [.. sections.Select(s => s.Id)], cancellationToken);
        Sections = [.. sections.Select(s => new SectionRow(s.Id, s.Number, s.Heading, Markdown.ToSafeHtml(s.Body), counts.GetValueOrDefault(s.Id)))];
        var id = Consultation.Id;
        Versions = await Db.DocumentVersions.CountAsync(v => v.ConsultationId == id && v.PublishedAt != null, cancellationToken);
        Statements = await Db.Statements.CountAsync(s => s.ConsultationId == id && s.Moderation.HiddenAt == null && !s.Moderation.AwaitingApproval, cancellationToken);
        Participants = await Db.Participants.CountAsync(p => p.ConsultationId == id, cancellationToken);
        Responses = await Db.Responses.CountAsync(r => r.ConsultationId == id, cancellationToken);
        IsFollowing = User.UserId() is { } userId && await following.IsFollowingAsync(userId, ConsultationsModule.ItemType, id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostFollowAsync(string slug, CancellationToken cancellationToken)
    {
        if (!User.IsSignedIn())
        {
            return Challenge();
        }
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        await following.FollowAsync(User, ConsultationsModule.ItemType, Consultation.Id, cancellationToken);
        await Db.SaveChangesAsync(cancellationToken);
        TempData.Success("You are following this consultation. We will tell you when it opens, closes, changes and when its outcome is published");
        return Redirect(Address);
    }

    public async Task<IActionResult> OnPostUnfollowAsync(string slug, CancellationToken cancellationToken)
    {
        if (!User.IsSignedIn())
        {
            return Challenge();
        }
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        await following.UnfollowAsync(User.UserId()!.Value, ConsultationsModule.ItemType, Consultation.Id, cancellationToken);
        TempData.Success("You are no longer following this consultation");
        return Redirect(Address);
    }
}
