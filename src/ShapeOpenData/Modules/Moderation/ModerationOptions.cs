namespace ShapeOpenData.Modules.Moderation;

/// <summary>The <c>Moderation</c> settings.</summary>
public sealed class ModerationOptions
{
    /// <summary>Reports from different people that hide content until a moderator reviews it.</summary>
    public double AutoHideReports { get; set; } = 3;

    /// <summary>Hold the first posts of new accounts for a moderator to approve.</summary>
    public bool PreModerateFirstPosts { get; set; }

    /// <summary>An account is new for this many days after it is created.</summary>
    public int NewAccountDays { get; set; } = 30;

    /// <summary>Someone whose content has been hidden this often in <see cref="FlagWindowDays"/> is flagged to moderators.</summary>
    public int FlagAfterHidden { get; set; } = 3;

    public int FlagWindowDays { get; set; } = 90;

    /// <summary>A reporter with this many reports dismissed, more than were upheld, counts half towards hiding automatically.</summary>
    public int DismissedBeforeCountingLess { get; set; } = 3;

    public static bool CountsLess(int dismissed, int upheld, ModerationOptions options) =>
        dismissed >= options.DismissedBeforeCountingLess && dismissed > upheld;
}
