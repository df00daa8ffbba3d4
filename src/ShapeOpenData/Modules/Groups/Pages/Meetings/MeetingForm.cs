using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups.Pages.Meetings;

/// <summary>The fields of a meeting, shared by the schedule and change pages. Times are read in the chosen time zone.</summary>
public sealed partial class MeetingForm
{
    public static readonly IReadOnlyList<GovukOption> TimeZones =
        [new(MeetingTimes.DefaultTimeZone, "UK time (GMT or BST)"), new("UTC", "UTC")];

    public string? Title { get; set; }
    public DateInput Date { get; set; } = new();
    public string? Starts { get; set; }
    public string? Ends { get; set; }
    public string? TimeZone { get; set; } = MeetingTimes.DefaultTimeZone;
    public string? Place { get; set; }
    public string? OnlineLink { get; set; }
    public string? Agenda { get; set; }
    public string? Capacity { get; set; }

    public static MeetingForm From(Meeting meeting)
    {
        var start = MeetingTimes.ToLocal(meeting.StartsAt, meeting.TimeZone);
        var end = MeetingTimes.ToLocal(meeting.EndsAt, meeting.TimeZone);
        return new()
        {
            Title = meeting.Title, Date = DateInput.From(DateOnly.FromDateTime(start)),
            Starts = start.ToString("HH:mm", CultureInfo.InvariantCulture), Ends = end.ToString("HH:mm", CultureInfo.InvariantCulture),
            TimeZone = meeting.TimeZone, Place = meeting.Place, OnlineLink = meeting.OnlineLink, Agenda = meeting.Agenda,
            Capacity = meeting.Capacity?.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The details, or null with an error on each field that is wrong.</summary>
    public MeetingDetails? Read(ModelStateDictionary state, string prefix)
    {
        var title = state.Required(prefix + nameof(Title), Title, "Enter a title", Meeting.TitleMaxLength, "The title");
        var day = Date.Read(state, prefix + nameof(Date), "the date of the meeting");
        var starts = ReadTime(state, prefix + nameof(Starts), Starts, "the start time");
        var ends = ReadTime(state, prefix + nameof(Ends), Ends, "the end time");
        var zone = TimeZone is not null && MeetingTimes.TimeZones.Contains(TimeZone) ? TimeZone : null;
        if (zone is null)
        {
            state.AddModelError(prefix + nameof(TimeZone), "Select the time zone");
        }
        var place = state.Optional(prefix + nameof(Place), Place, Meeting.PlaceMaxLength, "The place");
        var link = state.Optional(prefix + nameof(OnlineLink), OnlineLink, Meeting.LinkMaxLength, "The link");
        if (link is not null && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
        {
            state.AddModelError(prefix + nameof(OnlineLink), "Enter the online link as a full https address, like https://meet.example.com/abc");
        }
        if (place is null && link is null && state.IsValid)
        {
            state.AddModelError(prefix + nameof(Place), "Enter a place, an online link, or both");
        }
        var agenda = state.Optional(prefix + nameof(Agenda), Agenda, Meeting.AgendaMaxLength, "The agenda") ?? "";
        int? capacity = null;
        if (!string.IsNullOrWhiteSpace(Capacity))
        {
            if (int.TryParse(Capacity.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var places) && places is > 0 and <= Meeting.MaxCapacity)
            {
                capacity = places;
            }
            else
            {
                state.AddModelError(prefix + nameof(Capacity), $"Enter the number of places as a whole number from 1 to {Meeting.MaxCapacity:N0}, or leave it empty for no limit");
            }
        }
        if (!state.IsValid)
        {
            return null;
        }
        var startsAt = MeetingTimes.ToUtc(day!.Value, starts!.Value, zone!, out var startProblem);
        var endsAt = MeetingTimes.ToUtc(day.Value, ends!.Value, zone!, out var endProblem);
        if (startProblem is not null || endProblem is not null)
        {
            state.AddModelError(prefix + (startProblem is null ? nameof(Ends) : nameof(Starts)), (startProblem ?? endProblem)!);
            return null;
        }
        if (endsAt <= startsAt)
        {
            state.AddModelError(prefix + nameof(Ends), "The end time must be after the start time");
            return null;
        }
        return new MeetingDetails(title!, startsAt, endsAt, zone!, place, link, agenda, capacity);
    }

    /// <summary>"14:00", "14.00", "2pm", "2:30pm", "9am".</summary>
    private static TimeOnly? ReadTime(ModelStateDictionary state, string key, string? value, string description)
    {
        var text = value?.Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            state.AddModelError(key, $"Enter {description}");
            return null;
        }
        var match = TimePattern().Match(text);
        if (match.Success)
        {
            var hour = int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture);
            var minute = match.Groups["minute"].Success ? int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture) : 0;
            var meridiem = match.Groups["meridiem"].Value;
            if (meridiem.Length > 0 && hour is >= 1 and <= 12)
            {
                hour = hour % 12 + (meridiem == "pm" ? 12 : 0);
            }
            if (hour < 24 && minute < 60 && (meridiem.Length == 0 || int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture) is >= 1 and <= 12))
            {
                return new TimeOnly(hour, minute);
            }
        }
        state.AddModelError(key, $"Enter {description} like 14:30 or 2:30pm");
        return null;
    }

    [GeneratedRegex(@"^(?<hour>\d{1,2})(?:[:.](?<minute>\d{2}))?(?<meridiem>am|pm)?$")]
    private static partial Regex TimePattern();
}

/// <summary>A page with the meeting fields, bound as <see cref="Form"/>.</summary>
public interface IMeetingFormPage
{
    MeetingForm Form { get; }
}
