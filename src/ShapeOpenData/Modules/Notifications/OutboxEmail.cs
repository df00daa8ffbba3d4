namespace ShapeOpenData.Modules.Notifications;

/// <summary>
/// An email waiting to go, saved in the same transaction as the change it tells of, so it survives a crash
/// and is sent at least once. <see cref="Key"/> names the event: one email per event and person, enforced
/// by a unique index.
/// </summary>
public sealed class OutboxEmail
{
    public long Id { get; set; }
    public string Key { get; set; } = "";
    public int UserId { get; set; }
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>What its one-click unsubscribe link stops, like <c>follow:request:12</c>; the link is signed when the email is sent.</summary>
    public string? UnsubscribeScope { get; set; }

    /// <summary>
    /// The item it tells of (<see cref="FollowableItem"/>): it goes only to someone who may still see that item when it
    /// is sent. None for email about the person's own account or membership.
    /// </summary>
    public string? AboutType { get; set; }
    public int? AboutId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }

    /// <summary>A worker has it until then; another worker may take it after.</summary>
    public DateTime? LockedUntil { get; set; }
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

/// <summary>How someone wants to hear from the service. No row means "email me straight away".</summary>
public sealed class NotificationSettings
{
    public int UserId { get; set; }
    public bool EmailOff { get; set; }
}
