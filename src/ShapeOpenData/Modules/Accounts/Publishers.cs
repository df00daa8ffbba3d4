using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Accounts;

public static class Publishers
{
    /// <summary>Who publishes for an organisation now: members who still hold the publisher role.</summary>
    public static Task<List<int>> PublishersOfAsync(this AppDbContext db, int organisationId, CancellationToken cancellationToken) =>
        (from membership in db.PublisherMemberships
         join userRole in db.UserRoles on membership.UserId equals userRole.UserId
         join role in db.Roles on userRole.RoleId equals role.Id
         where membership.OrganisationId == organisationId && role.Name == Roles.Publisher
         select membership.UserId).ToListAsync(cancellationToken);

    /// <summary>
    /// Who answers for an organisation's data: its publishers, or the programme team while it has none (a publisher
    /// new from a catalogue import, or "publisher not stated").
    /// </summary>
    public static async Task<List<int>> AnswerersForAsync(this AppDbContext db, int organisationId, CancellationToken cancellationToken)
    {
        var publishers = await db.PublishersOfAsync(organisationId, cancellationToken);
        return publishers.Count > 0 ? publishers : await
            (from userRole in db.UserRoles
             join role in db.Roles on userRole.RoleId equals role.Id
             where role.Name == Roles.ProgrammeTeam
             select userRole.UserId).ToListAsync(cancellationToken);
    }
}
