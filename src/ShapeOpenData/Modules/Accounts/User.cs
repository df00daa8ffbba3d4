using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace ShapeOpenData.Modules.Accounts;

/// <summary>Someone with an account. Signs in by email; shown to others only by display name and sector.</summary>
public sealed class User : IdentityUser<int>
{
    public const string FormerParticipant = "Former participant";

    public string DisplayName { get; set; } = "";
    public Sector? Sector { get; set; }
    public string? OrganisationName { get; set; }
    public string? Bio { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DeletedAt { get; set; }

    public List<PublisherMembership> PublisherMemberships { get; } = [];

    /// <summary>The name shown beside what they contributed; deleted accounts keep their contributions.</summary>
    public string PublicName => DeletedAt is null ? DisplayName : FormerParticipant;

    /// <summary>
    /// Deleting an account removes everything that identifies the person but keeps the row, so what they
    /// contributed stays in the public record as "Former participant".
    /// </summary>
    public void Anonymise(DateTime now)
    {
        var placeholder = $"deleted-{Id}@deleted.invalid";
        UserName = placeholder;
        Email = placeholder;
        EmailConfirmed = false;
        PhoneNumber = null;
        PasswordHash = null;
        DisplayName = FormerParticipant;
        Sector = null;
        OrganisationName = null;
        Bio = null;
        TwoFactorEnabled = false;
        LockoutEnabled = true;
        LockoutEnd = DateTimeOffset.MaxValue;
        DeletedAt = now;
        PublisherMemberships.Clear();
    }
}

public sealed class Role : IdentityRole<int>
{
    public Role() { }
    public Role(string name) : base(name) { }
}

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

/// <summary>A publisher acts for these organisations only.</summary>
public sealed class PublisherMembership
{
    public int UserId { get; set; }
    public int OrganisationId { get; set; }
    public User? User { get; set; }
    public Organisations.Organisation? Organisation { get; set; }
}

/// <summary>Role names. Everyone signed in is a participant; the others are granted.</summary>
public static class Roles
{
    public const string Participant = "participant";
    public const string Publisher = "publisher";
    public const string Moderator = "moderator";
    public const string ProgrammeTeam = "programme_team";
    public const string Administrator = "administrator";

    /// <summary>Roles granted to people; participant is implicit.</summary>
    public static readonly IReadOnlyList<string> Granted = [Publisher, Moderator, ProgrammeTeam, Administrator];

    public static bool IsKnown(string role) => role == Participant || Granted.Contains(role);
}
