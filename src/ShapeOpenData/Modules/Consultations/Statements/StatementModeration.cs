using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations.Statements;

/// <summary>
/// Consultation statements as moderators act on them: approve one that waits, hide one (its counts and votes stay, but
/// nobody is offered it or can vote on it), restore it, or edit personal data out of its wording. Readers report them
/// like comments. Anyone who may see the consultation finds a public statement; a held or hidden one only its author
/// and moderators.
/// </summary>
internal sealed class StatementModeration(AppDbContext db, TimeProvider clock) : IModeratable
{
    public const string TextField = "text";

    public string Type => ConsultationsModule.StatementItemType;

    public string Label => "Statement";

    public async Task<ModeratedItem?> FindAsync(int id, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        var found = await db.Statements.AsNoTracking().Where(s => s.Id == id)
            .Join(db.Consultations, s => s.ConsultationId, c => c.Id, (s, c) => new
            {
                Statement = s, Consultation = c,
                AuthorId = db.Participants.Where(p => p.Id == s.ParticipantId).Select(p => p.UserId).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null || !ConsultationPermissions.CanSee(reader, found.Consultation))
        {
            return null;
        }
        var statement = found.Statement;
        var isAuthor = found.AuthorId is not null && found.AuthorId == reader.UserId();
        if (!statement.Moderation.IsPublic && !reader.Moderates() && !isAuthor)
        {
            return null;
        }
        var context = $"Statement {statement.Number} on {found.Consultation.Title}";
        var url = StatementLinks.UrlOf(found.Consultation.Slug, statement.Number);
        return new ModeratedItem(new TracedItem(Type, statement.Id, statement.Number.ToString(CultureInfo.InvariantCulture), context, url), context,
            [new(TextField, Label, statement.Text, Statement.TextMaxLength)], found.AuthorId, statement.Moderation,
            ByStaff: found.AuthorId is { } authorId && await IsStaffAsync(authorId, cancellationToken));
    }

    public async Task ApplyAsync(int id, ModerationChange change, CancellationToken cancellationToken)
    {
        var statement = await db.Statements.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFoundException("There is no such statement");
        if (change is ModerationChange.Redact redact)
        {
            statement.Redact(redact.Fields.GetValueOrDefault(TextField) ?? statement.Text, clock.UtcNow());
            return;
        }
        statement.Moderation.Apply(change, clock.UtcNow());
    }

    /// <summary>Publishers, moderators, the programme team and administrators are never held, nor hidden automatically.</summary>
    private Task<bool> IsStaffAsync(int authorId, CancellationToken cancellationToken) =>
        (from userRole in db.UserRoles
         join role in db.Roles on userRole.RoleId equals role.Id
         where userRole.UserId == authorId && Roles.Granted.Contains(role.Name!)
         select role).AnyAsync(cancellationToken);
}

/// <summary>Addresses of statements on the consultation's statements page.</summary>
public static class StatementLinks
{
    /// <summary>The page of the list that holds the statement, at the statement.</summary>
    public static string UrlOf(string slug, int number) =>
        $"{ConsultationWorkflow.UrlOf(slug)}/statements?statement={number.ToString(CultureInfo.InvariantCulture)}#statement-{number.ToString(CultureInfo.InvariantCulture)}";
}
