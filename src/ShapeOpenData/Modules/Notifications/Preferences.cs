using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Notifications;

/// <summary>
/// The kinds of email a person chooses how to hear about, each covering some types of item. Email about anything else
/// (their account, a moderation decision, a task given to them) always goes straight away, unless they stop all email.
/// </summary>
public static class NotificationKinds
{
    public sealed record Kind(string Code, string Name, string Hint, IReadOnlyList<string> Types);

    public static readonly IReadOnlyList<Kind> All =
    [
        new("requests", "Dataset requests", "Requests you asked for, support or follow.", [ItemTypes.Request]),
        new("quality-reports", "Problems reported with data", "Reports you made, and reports on datasets you follow.", [ItemTypes.QualityReport, ItemTypes.Dataset]),
        new("consultations", "Consultations", "Consultations you responded to or follow, their statements and new versions.",
            [ItemTypes.Consultation, ItemTypes.ConsultationSection, ItemTypes.Statement, ItemTypes.DocumentVersion, ItemTypes.SurveyResponse]),
        new("groups", "Working groups and meetings", "Groups you belong to or follow, their meetings and actions.", [ItemTypes.Group, ItemTypes.Meeting, ItemTypes.Action]),
        new("commitments", "Commitments", "Engagement plans, commitments and milestones you follow.", [ItemTypes.Plan, ItemTypes.Commitment, ItemTypes.Milestone]),
        new("updates", "Policy updates", "Updates you follow or made a suggestion on.", [ItemTypes.Update, ItemTypes.Suggestion]),
    ];

    private static readonly Dictionary<string, Kind> ByType = All.SelectMany(k => k.Types.Select(t => (t, k))).ToDictionary(p => p.t, p => p.k);

    /// <summary>The kind an email about an item of <paramref name="type"/> belongs to; null for email that is always sent.</summary>
    public static Kind? Of(string? type) => type is not null && ByType.TryGetValue(type, out var kind) ? kind : null;

    public static Kind? Named(string code) => All.FirstOrDefault(k => k.Code == code);
}

/// <summary>How a person wants to hear about one kind of thing.</summary>
public enum Choice
{
    /// <summary>The default: straight away for what they asked for or take part in, a daily digest for what they only follow.</summary>
    [Display(Name = "Straight away for what you asked for or take part in, and a daily digest of the rest you follow")]
    Recommended = 0,

    [Display(Name = "Everything straight away")]
    Immediately = 1,

    [Display(Name = "Everything in a daily digest")]
    Daily = 2,

    [Display(Name = "Everything in a weekly digest, on Mondays")]
    Weekly = 3,

    /// <summary>Straight away for what they asked for or take part in; nothing for what they only follow.</summary>
    [Display(Name = "Only what you asked for or take part in, straight away")]
    AskedOnly = 4,

    [Display(Name = "No email")]
    Off = 5,
}

/// <summary>When a notice reaches the person's inbox.</summary>
public enum Delivery
{
    Never = 0,
    Immediately = 1,
    Daily = 2,
    Weekly = 3,
}

public static class Choices
{
    public static Delivery DeliveryFor(this Choice choice, bool asked) => choice switch
    {
        Choice.Recommended => asked ? Delivery.Immediately : Delivery.Daily,
        Choice.Immediately => Delivery.Immediately,
        Choice.Daily => Delivery.Daily,
        Choice.Weekly => Delivery.Weekly,
        Choice.AskedOnly => asked ? Delivery.Immediately : Delivery.Never,
        _ => Delivery.Never,
    };

    /// <summary>The same choice without digests: what the digest's unsubscribe link leaves.</summary>
    public static Choice WithoutDigests(this Choice choice) => choice switch
    {
        Choice.Recommended => Choice.AskedOnly,
        Choice.Daily or Choice.Weekly => Choice.Off,
        _ => choice,
    };
}

/// <summary>A person's choice for one kind (<see cref="NotificationKinds"/>); no row means <see cref="Choice.Recommended"/>.</summary>
public sealed class NotificationPreference
{
    public const int KindMaxLength = 40;

    public int UserId { get; set; }
    public string Kind { get; set; } = "";
    public Choice Choice { get; set; }
}

/// <summary>Reads and changes a person's choices and their "stop all email" switch; each change saved at once.</summary>
public sealed class Preferences(AppDbContext db)
{
    /// <summary>The person's choice for every kind, the default where they made none.</summary>
    public async Task<IReadOnlyDictionary<string, Choice>> ChoicesAsync(int userId, CancellationToken cancellationToken)
    {
        var made = await db.NotificationPreferences.Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, p => p.Choice, cancellationToken);
        return NotificationKinds.All.ToDictionary(k => k.Code, k => made.GetValueOrDefault(k.Code));
    }

    public async Task<bool> EmailOffAsync(int userId, CancellationToken cancellationToken) =>
        (await db.NotificationSettings.FindAsync([userId], cancellationToken))?.EmailOff == true;

    public async Task SetAsync(int userId, IReadOnlyDictionary<string, Choice> choices, CancellationToken cancellationToken)
    {
        var made = await db.NotificationPreferences.Where(p => p.UserId == userId).ToListAsync(cancellationToken);
        foreach (var (kind, choice) in choices)
        {
            if (made.FirstOrDefault(p => p.Kind == kind) is { } preference)
            {
                preference.Choice = choice;
            }
            else
            {
                db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, Kind = kind, Choice = choice });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>What the digest's unsubscribe link does: every kind keeps its straight-away email and loses its digests.</summary>
    public async Task StopDigestsAsync(int userId, CancellationToken cancellationToken)
    {
        var choices = await ChoicesAsync(userId, cancellationToken);
        await SetAsync(userId, choices.ToDictionary(c => c.Key, c => c.Value.WithoutDigests()), cancellationToken);
    }

    public async Task SetEmailOffAsync(int userId, bool off, CancellationToken cancellationToken)
    {
        var settings = await db.NotificationSettings.FindAsync([userId], cancellationToken);
        if (settings is null)
        {
            db.NotificationSettings.Add(new NotificationSettings { UserId = userId, EmailOff = off });
        }
        else
        {
            settings.EmailOff = off;
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
