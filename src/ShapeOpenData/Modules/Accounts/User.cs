using Microsoft.AspNetCore.Identity;
using ShapeOpenData.Modules.Shared;

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

/// <summary>A publisher acts for these organisations only.</summary>
public sealed class PublisherMembership
{
    public int UserId { get; set; }
    public int OrganisationId { get; set; }
    public User? User { get; set; }
    public Organisations.Organisation? Organisation { get; set; }
}
