namespace ShapeOpenData.Modules.Notifications;

/// <summary>
/// What a person was told, kept for their notification centre (<c>/notifications</c>): written with the email, in the
/// same unit of work, and kept whether or not they take email. Read once they say so.
/// </summary>
public sealed class Notice
{
    public const int SubjectMaxLength = 300;
    public const int BodyMaxLength = 4_000;

    public long Id { get; private set; }
    public int UserId { get; private set; }

    /// <summary>The event, as the email's key: one notice per event and person.</summary>
    public string Key { get; private set; } = "";
    public string Subject { get; private set; } = "";

    /// <summary>The email's words, cut to <see cref="BodyMaxLength"/>; emptied when anyone's account is erased, as sent emails are.</summary>
    public string Body { get; private set; } = "";

    /// <summary>The item it tells of, when there is one: the centre links to it while the person may still see it.</summary>
    public string? AboutType { get; private set; }
    public int? AboutId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? ReadAt { get; private set; }

    /// <summary><see cref="Delivery.Daily"/> or <see cref="Delivery.Weekly"/> while it waits for the person's next digest; null otherwise.</summary>
    public Delivery? AwaitingDigest { get; private set; }

    /// <summary>The digest that took it, like <c>daily-2026-12-04</c>, once one has.</summary>
    public string? DigestKey { get; private set; }

    public static Notice For(int userId, Notification notification, DateTime now, Delivery delivery) => new()
    {
        UserId = userId, Key = notification.Key, Subject = notification.Subject,
        Body = notification.Body.Length > BodyMaxLength ? notification.Body[..BodyMaxLength] : notification.Body,
        AboutType = notification.About?.Type, AboutId = notification.About?.Id, CreatedAt = now,
        AwaitingDigest = delivery is Delivery.Daily or Delivery.Weekly ? delivery : null,
    };

    /// <summary>The email's first paragraph: what happened, without the links that follow it.</summary>
    public string Opening => Body.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", 2)[0].Trim();

    public void TakenInto(string digestKey) => (AwaitingDigest, DigestKey) = (null, digestKey);
}
