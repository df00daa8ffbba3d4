using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.Shared;

// Who is signed in, as every module asks it: the claims Accounts puts in the cookie, read the same way everywhere.

/// <summary>Who someone is, for the sector mix of supporters and participants.</summary>
public enum Sector
{
    [Display(Name = "Business")] Business,
    [Display(Name = "Civil society")] CivilSociety,
    [Display(Name = "Academic or research")] Academic,
    [Display(Name = "Public sector")] PublicSector,
    [Display(Name = "Media")] Media,
    [Display(Name = "Individual")] Individual,
}

/// <summary>Role names. Everyone signed in is a participant; the others are granted.</summary>
public static class Roles
{
    public const string Participant = "participant";
    public const string Publisher = "publisher";
    public const string Moderator = "moderator";
    public const string ProgrammeTeam = "programme_team";
    public const string Administrator = "administrator";

    /// <summary>Records independent assessments of commitments, on the OGP Independent Reporting Mechanism's scales.</summary>
    public const string Assessor = "assessor";

    /// <summary>Roles granted to people; participant is implicit.</summary>
    public static readonly IReadOnlyList<string> Granted = [Publisher, Moderator, ProgrammeTeam, Administrator, Assessor];

    public static bool IsKnown(string role) => role == Participant || Granted.Contains(role);
}

/// <summary>The claims Accounts adds to a signed-in person's cookie (see AccountClaimsFactory).</summary>
public static class PersonClaims
{
    public const string DisplayName = "display_name";
    public const string PublisherFor = "publisher_for";
    public const string TwoFactorNeeded = "two_factor_needed";
    public const string Sector = "sector";
}

public static class ClaimsPrincipalExtensions
{
    public static bool IsSignedIn(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;

    /// <summary>The signed-in person's id, or null for anonymous visitors.</summary>
    public static int? UserId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(PersonClaims.DisplayName) ?? "";

    /// <summary>Who they use data for, as they said in their profile.</summary>
    public static Sector? Sector(this ClaimsPrincipal user) =>
        Codes.TryParse<Sector>(user.FindFirstValue(PersonClaims.Sector), out var sector) ? sector : null;

    public static bool IsPublisherFor(this ClaimsPrincipal user, int organisationId) =>
        user.HasClaim(PersonClaims.PublisherFor, organisationId.ToString(CultureInfo.InvariantCulture));

    /// <summary>The ids of the organisations this person publishes for.</summary>
    public static List<int> PublisherOrganisations(this ClaimsPrincipal user) =>
        [.. user.FindAll(PersonClaims.PublisherFor).Select(c => int.Parse(c.Value, CultureInfo.InvariantCulture))];

    public static bool IsAdministrator(this ClaimsPrincipal user) => user.IsInRole(Roles.Administrator);

    public static bool IsProgrammeTeam(this ClaimsPrincipal user) => user.IsInRole(Roles.ProgrammeTeam);

    public static bool IsModerator(this ClaimsPrincipal user) => user.IsInRole(Roles.Moderator);

    public static bool IsAssessor(this ClaimsPrincipal user) => user.IsInRole(Roles.Assessor);

    public static bool NeedsTwoFactorForStaffRoles(this ClaimsPrincipal user) => user.HasClaim(PersonClaims.TwoFactorNeeded, "true");
}
