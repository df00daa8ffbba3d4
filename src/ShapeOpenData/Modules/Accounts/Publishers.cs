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
}
