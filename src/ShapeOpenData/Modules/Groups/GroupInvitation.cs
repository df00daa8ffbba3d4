namespace ShapeOpenData.Modules.Groups;

/// <summary>An invitation sent by email; the link in it carries a secret whose hash is kept here.</summary>
public sealed class GroupInvitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public int Id { get; private set; }
    public int GroupId { get; private set; }
    public string Email { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public GroupRole Role { get; private set; }
    public int? InvitedById { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? AcceptedAt { get; private set; }

    /// <summary>Not yet used, and not yet run out.</summary>
    public bool IsOpen(DateTime now) => AcceptedAt is null && ExpiresAt > now;

    private GroupInvitation() { }

    internal static GroupInvitation To(int groupId, string email, string tokenHash, GroupRole role, int? invitedById, DateTime now) => new()
    {
        GroupId = groupId, Email = email.Trim(), TokenHash = tokenHash, Role = role, InvitedById = invitedById,
        CreatedAt = now, ExpiresAt = now + Lifetime,
    };

    internal void MarkAccepted(DateTime now) => AcceptedAt = now;
}
