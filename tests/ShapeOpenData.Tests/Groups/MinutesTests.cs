using ShapeOpenData.Modules.Groups;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Groups;

/// <summary>After the meeting: attendance, minutes in versions that are never edited, and decisions. The clock is moved past each meeting.</summary>
public sealed class MinutesTests(ClockedServiceFactory service) : IClassFixture<ClockedServiceFactory>
{
    private const string Text = "## Present\n\nThe chair and four members.\n\n## Discussion\n\nWe looked at bus data.";

    /// <summary>A meeting of a new open group tomorrow, with one person registered and one following the group.</summary>
    private async Task<(Meeting Meeting, Person Chair, Person Attendee, Person Follower)> MeetingAsync(string title = "Quarterly meeting")
    {
        var (group, chair) = await service.CreateGroupAsync(MembershipPolicy.Open);
        var meeting = await service.ScheduleAsync(group, chair, service.StartingIn(TimeSpan.FromDays(1)), title: title);
        var attendee = await service.CreatePersonAsync(withPassword: false);
        await service.MeetingsAsync(attendee, (meetings, actor) => meetings.RegisterAsync(meeting.Id, actor));
        var follower = await service.CreatePersonAsync(withPassword: false);
        await service.GroupsAsync(follower, (groups, actor) => groups.JoinAsync(group.Slug, null, actor));
        return (meeting, chair, attendee, follower);
    }

    private Task<MinutesVersion> PublishAsync(Meeting meeting, Person by, string text, string? note = null, params string[] decisions) =>
        service.MeetingsAsync(by, (meetings, actor) => meetings.PublishMinutesAsync(meeting.Id, text, note, decisions, actor));

    [Fact]
    public async Task Minutes_CannotBePublishedBeforeTheMeeting()
    {
        var (meeting, chair, _, _) = await MeetingAsync();

        var refused = await Assert.ThrowsAsync<RuleException>(() => PublishAsync(meeting, chair, Text));

        Assert.Equal("Minutes can be published once the meeting has taken place", refused.Message);
        Assert.Empty((await service.MeetingAsync(meeting.Id)).Minutes);
    }

    [Fact]
    public async Task MinutesAfterTheMeeting_AreVersionOne_WithNumberedDecisions_AndAttendeesAndFollowersAreEmailed()
    {
        var (meeting, chair, attendee, follower) = await MeetingAsync("Bus data review");
        service.Clock.Advance(TimeSpan.FromDays(2));

        var version = await PublishAsync(meeting, chair, Text, null, "Publish bus punctuality monthly.", "  ", "Review the licence in the spring.");

        Assert.Equal(1, version.Number);
        var saved = await service.MeetingAsync(meeting.Id);
        Assert.Equal(MeetingState.Held, saved.State);
        Assert.Equal([(1, "Publish bus punctuality monthly."), (2, "Review the licence in the spring.")],
            saved.Decisions.OrderBy(d => d.Number).Select(d => (d.Number, d.Text)));
        foreach (var person in new[] { attendee, follower })
        {
            var email = await service.Mail.WaitForAsync(person.Email, "Minutes published: Bus data review");
            Assert.Contains($"/meetings/{meeting.Id}", email.TextBody, StringComparison.Ordinal);
        }
        await service.DrainOutboxAsync();
        Assert.DoesNotContain(service.Mail.To(chair.Email), m => (m.Subject ?? "").Contains("Minutes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACorrection_NeedsANote_AndIsVersionTwo_LeavingVersionOneAsItWas()
    {
        var (meeting, chair, attendee, _) = await MeetingAsync("Standards meeting");
        service.Clock.Advance(TimeSpan.FromDays(2));
        await PublishAsync(meeting, chair, Text, null, "Adopt ISO 8601 dates.");

        var noNote = await Assert.ThrowsAsync<RuleException>(() => PublishAsync(meeting, chair, Text + " And rail data."));
        Assert.Equal("Say what this correction changes", noNote.Message);

        var corrected = await PublishAsync(meeting, chair, Text + " And rail data.", "Added the rail data discussion.", "Publish rail data too.");

        Assert.Equal(2, corrected.Number);
        var saved = await service.MeetingAsync(meeting.Id);
        Assert.Equal(2, saved.Minutes.Count);
        var first = saved.Minutes.Single(m => m.Number == 1);
        Assert.Equal(Text, first.Text);
        Assert.Null(first.Note);
        Assert.Equal("Added the rail data discussion.", saved.Minutes.Single(m => m.Number == 2).Note);
        Assert.Equal([1, 2], saved.Decisions.OrderBy(d => d.Number).Select(d => d.MinutesVersion));
        var email = await service.Mail.WaitForAsync(attendee.Email, "Minutes corrected (version 2): Standards meeting");
        Assert.Contains("Added the rail data discussion.", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordingAttendance_AfterTheStart_MakesTheMeetingHeld()
    {
        var (meeting, chair, attendee, _) = await MeetingAsync();
        Task Record() => service.MeetingsAsync(chair, (meetings, actor) => meetings.RecordAttendanceAsync(meeting.Id, 12, [attendee.Id], actor));

        var early = await Assert.ThrowsAsync<RuleException>(Record);
        Assert.Equal("Attendance can be recorded once the meeting has started", early.Message);
        service.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(30));
        await Record();

        var saved = await service.MeetingAsync(meeting.Id);
        Assert.Equal(MeetingState.Held, saved.State);
        Assert.Equal(12, saved.AttendanceCount);
        Assert.True(saved.Registrations.Single(r => r.UserId == attendee.Id).Attended);
        var tooFew = await Assert.ThrowsAsync<RuleException>(() =>
            service.MeetingsAsync(chair, (meetings, actor) => meetings.RecordAttendanceAsync(meeting.Id, 0, [attendee.Id], actor)));
        Assert.EndsWith("so at least 1 attended", tooFew.Message, StringComparison.Ordinal);
        Assert.Equal(12, (await service.MeetingAsync(meeting.Id)).AttendanceCount);
    }

    [Fact]
    public async Task OnlyThoseWhoRunTheGroup_PublishMinutes()
    {
        var (meeting, _, attendee, _) = await MeetingAsync();
        service.Clock.Advance(TimeSpan.FromDays(2));

        await Assert.ThrowsAsync<ForbiddenException>(() => PublishAsync(meeting, attendee, Text));

        Assert.Empty((await service.MeetingAsync(meeting.Id)).Minutes);
    }
}
