using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Accounts;

/// <param name="Email">Their email address; also how they sign in.</param>
/// <param name="Name">Their display name.</param>
/// <param name="Password">Optional: without one they choose it through "forgotten password".</param>
/// <param name="Role">A role code (<see cref="Roles"/>); participant when empty.</param>
/// <param name="OrganisationSlug">The organisation a publisher publishes for.</param>
public sealed record NewPerson(string Email, string Name, string? Password = null, string? Role = null, string? OrganisationSlug = null);

/// <summary>
/// Adds people with confirmed accounts and their roles: the command line, bulk import and demo content
/// share it. Adding someone who already has an account grants the role and organisation instead, so an
/// import can be run again safely. Each grant is audited, with the person's roles before and after.
/// </summary>
public sealed class Onboarding(UserManager<User> users, AppDbContext db, TimeProvider clock)
{
    public async Task<(User? User, IReadOnlyList<string> Errors)> AddAsync(NewPerson person, CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        var email = person.Email.Trim();
        var role = string.IsNullOrWhiteSpace(person.Role) ? Roles.Participant : person.Role.Trim().ToLowerInvariant();
        if (!System.Net.Mail.MailAddress.TryCreate(email, out _)) errors.Add($"'{email}' is not an email address");
        if (string.IsNullOrWhiteSpace(person.Name) || person.Name.Trim().Length > 100) errors.Add("a name of 1 to 100 characters is needed");
        if (!Roles.IsKnown(role)) errors.Add($"'{role}' is not a role; use one of {Roles.Participant}, {string.Join(", ", Roles.Granted)}");

        int? organisationId = null;
        if (!string.IsNullOrWhiteSpace(person.OrganisationSlug))
        {
            organisationId = await db.Organisations.Where(o => o.Slug == person.OrganisationSlug.Trim())
                .Select(o => (int?)o.Id).SingleOrDefaultAsync(cancellationToken);
            if (organisationId is null) errors.Add($"there is no organisation '{person.OrganisationSlug}'");
        }
        else if (role == Roles.Publisher)
        {
            errors.Add("a publisher needs an organisation");
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return await db.InOneTransactionAsync(async () =>
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new User
                {
                    UserName = email, Email = email, EmailConfirmed = true, DisplayName = person.Name.Trim(), CreatedAt = clock.UtcNow(),
                };
                var created = string.IsNullOrEmpty(person.Password) ? await users.CreateAsync(user) : await users.CreateAsync(user, person.Password);
                if (!created.Succeeded)
                {
                    return (null, [.. created.Errors.Select(e => e.Description)]);
                }
            }
            await GrantAsync(user, role, organisationId, cancellationToken);
            return ((User?)user, (IReadOnlyList<string>)[]);
        }, cancellationToken);
    }

    /// <summary>Grants the role and organisation the person lacks, audited as done by the service (the command line, an import, demo content).</summary>
    private async Task GrantAsync(User user, string role, int? organisationId, CancellationToken cancellationToken)
    {
        var grantRole = role != Roles.Participant && !await users.IsInRoleAsync(user, role);
        var addOrganisation = organisationId is { } id && !await db.PublisherMemberships.AnyAsync(m => m.UserId == user.Id && m.OrganisationId == id, cancellationToken);
        if (!grantRole && !addOrganisation)
        {
            return;
        }
        var before = await RolesSnapshot.OfAsync(db, user.Id, cancellationToken);
        if (grantRole)
        {
            await users.AddToRoleAsync(user, role);
        }
        if (addOrganisation)
        {
            db.PublisherMemberships.Add(new PublisherMembership { UserId = user.Id, OrganisationId = organisationId!.Value });
            await db.SaveChangesAsync(cancellationToken);
            // Open sessions pick up the new organisation at their next check.
            await users.UpdateSecurityStampAsync(user);
        }
        db.AuditEntries.Add(AuditEntry.Of(AccountsModule.AccountItemType, user.Id, "granted", null, clock.UtcNow(), before,
            await RolesSnapshot.OfAsync(db, user.Id, cancellationToken)));
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>A person's roles and the organisations they publish for (by short name), as the audit log records them.</summary>
public sealed record RolesSnapshot(IReadOnlyList<string> Roles, IReadOnlyList<string> PublisherFor)
{
    public static async Task<RolesSnapshot> OfAsync(AppDbContext db, int userId, CancellationToken cancellationToken) => new(
        await (from userRole in db.UserRoles
               join role in db.Roles on userRole.RoleId equals role.Id
               where userRole.UserId == userId
               orderby role.Name
               select role.Name!).ToListAsync(cancellationToken),
        await db.PublisherMemberships.Where(m => m.UserId == userId).Select(m => m.Organisation!.Slug).OrderBy(slug => slug).ToListAsync(cancellationToken));
}

/// <summary>The roles exist in every installation.</summary>
internal sealed class RoleReferenceData : IReferenceData
{
    public int Order => 0;

    public async Task EnsureAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Roles.Select(r => r.Name!).ToListAsync(cancellationToken);
        foreach (var name in Roles.Granted.Except(existing))
        {
            db.Roles.Add(new Role(name) { NormalizedName = name.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
