using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;

namespace ShapeOpenData.Modules.Updates;

/// <summary>
/// A person in policy updates: the updates they posted, the suggestions they made and those they answered. All are part
/// of the public record, so erasing the account keeps them, shown as by a former participant (as comments are).
/// </summary>
internal sealed class UpdatesPersonalData(AppDbContext db) : IPersonalData
{
    public string Section => "updates";

    public async Task<object?> ExportAsync(int userId, CancellationToken cancellationToken) => new
    {
        UpdatesPosted = await db.PolicyUpdates.Where(u => u.AuthorId == userId).OrderBy(u => u.Id)
            .Select(u => new { u.Slug, u.Title, u.Summary, u.Body, u.PublishedAt, u.UpdatedAt }).ToListAsync(cancellationToken),
        Suggestions = (await (
                from s in db.Suggestions
                join u in db.PolicyUpdates on s.UpdateId equals u.Id
                where s.AuthorId == userId
                orderby s.Id
                select new { Update = u.Slug, s.Text, s.CreatedAt, s.Answer, s.Reason, s.AnsweredAt })
            .ToListAsync(cancellationToken)).Select(s => new { s.Update, s.Text, s.CreatedAt, Answer = s.Answer?.ToCode(), s.Reason, s.AnsweredAt }),
        SuggestionsAnswered = (await (
                from s in db.Suggestions
                join u in db.PolicyUpdates on s.UpdateId equals u.Id
                where s.AnsweredById == userId
                orderby s.Id
                select new { Update = u.Slug, s.Answer, s.Reason, s.AnsweredAt })
            .ToListAsync(cancellationToken)).Select(s => new { s.Update, Answer = s.Answer?.ToCode(), s.Reason, s.AnsweredAt }),
    };

    public Task EraseAsync(LeavingPerson person, CancellationToken cancellationToken) => Task.CompletedTask;
}
