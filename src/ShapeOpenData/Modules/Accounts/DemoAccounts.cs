using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Accounts;

/// <summary>
/// Demo people in every role. They share one password: <c>Demo:Password</c> when set, otherwise a random
/// one printed once when they are made, in Development only.
/// </summary>
internal sealed partial class DemoAccounts(
    Onboarding onboarding, UserManager<User> users, IConfiguration configuration, IHostEnvironment environment, ILogger<DemoAccounts> logger) : IDemoContent
{
    public const string Domain = "demo.shape-open-data.example";

    public static readonly IReadOnlyList<(string Email, string Name, string? Role, string? Organisation, Sector Sector)> People =
    [
        ($"admin@{Domain}", "Ada Administrator", Roles.Administrator, null, Sector.PublicSector),
        ($"programme@{Domain}", "Priya Programme", Roles.ProgrammeTeam, null, Sector.PublicSector),
        ($"moderator@{Domain}", "Morgan Moderator", Roles.Moderator, null, Sector.PublicSector),
        ($"assessor@{Domain}", "Iris Assessor (independent reviewer)", Roles.Assessor, null, Sector.Academic),
        ($"publisher.dfe@{Domain}", "Pat Publisher (DfE)", Roles.Publisher, "department-for-education", Sector.PublicSector),
        ($"publisher.dft@{Domain}", "Tom Publisher (DfT)", Roles.Publisher, "department-for-transport", Sector.PublicSector),
        ($"publisher.defra@{Domain}", "Dee Publisher (Defra)", Roles.Publisher, "department-for-environment-food-rural-affairs", Sector.PublicSector),
        ($"startup@{Domain}", "Sam from a transport start-up", null, null, Sector.Business),
        ($"charity@{Domain}", "Charlie at a housing charity", null, null, Sector.CivilSociety),
        ($"researcher@{Domain}", "Dr Rao, university researcher", null, null, Sector.Academic),
        ($"journalist@{Domain}", "Jo, data journalist", null, null, Sector.Media),
        ($"council@{Domain}", "Kim at a county council", null, null, Sector.PublicSector),
        ($"resident@{Domain}", "Alex, local resident", null, null, Sector.Individual),
    ];

    public int Order => 0;

    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var configured = configuration["Demo:Password"];
        var password = string.IsNullOrEmpty(configured) ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)) : configured;
        foreach (var (email, name, role, organisation, sector) in People)
        {
            var (user, errors) = await onboarding.AddAsync(new NewPerson(email, name, password, role, organisation), cancellationToken);
            if (user is null)
            {
                throw new InvalidOperationException($"Demo account {email}: {string.Join("; ", errors)}");
            }
            user.Sector = sector;
            await users.UpdateAsync(user);
        }
        if (string.IsNullOrEmpty(configured))
        {
            // On a developer's machine the made-up password is printed so they can sign in. Anywhere else logs are
            // collected and kept, and the demo people may have staff roles on a reachable service: never log it there.
            if (environment.IsDevelopment())
            {
                LogPassword(logger, Domain, password);
            }
            else
            {
                LogPasswordNotShown(logger, Domain);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Demo accounts created (…@{Domain}). Their password is: {Password}")]
    private static partial void LogPassword(ILogger logger, string domain, string password);

    [LoggerMessage(LogLevel.Warning, "Demo accounts created (…@{Domain}) with a made-up password that is shown only in Development. Set Demo:Password before seeding to choose it.")]
    private static partial void LogPasswordNotShown(ILogger logger, string domain);

    /// <summary>A demo person's roles and organisations as claims, without the two-factor check (they are not real people).</summary>
    public static async Task<ClaimsPrincipal> PrincipalAsync(AppDbContext db, User user)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(PersonClaims.DisplayName, user.DisplayName),
        };
        if (user.Sector is { } sector) claims.Add(new Claim(PersonClaims.Sector, sector.ToCode()));
        var roles = await (from userRole in db.UserRoles join role in db.Roles on userRole.RoleId equals role.Id where userRole.UserId == user.Id select role.Name).ToListAsync();
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r!)));
        var organisations = await db.PublisherMemberships.Where(m => m.UserId == user.Id).Select(m => m.OrganisationId).ToListAsync();
        claims.AddRange(organisations.Select(o => new Claim(PersonClaims.PublisherFor, o.ToString(CultureInfo.InvariantCulture))));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "demo"));
    }
}
