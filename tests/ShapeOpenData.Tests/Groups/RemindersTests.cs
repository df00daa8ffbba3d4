using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Groups;

namespace ShapeOpenData.Tests.Groups;

/// <summary>Reminders the day before a meeting and a few days before an action is due, each sent once, on a clock the test moves.</summary>
public sealed class RemindersTests(ClockedServiceFactory service) : IClassFixture<ClockedServiceFactory>
{
    private Task<int> SendDueAsync() => service.WithServicesAsync(s => s.GetRequiredService<GroupReminders>().SendDueAsync(CancellationToken.None));

    private int Emails(Person person, string subject) =>
        service.Mail.To(person.Email).Count(m => (m.Subject ?? "").Contains(subject, StringComparison.Ordinal));

    [Fact]
    public async Task TheDayBeforeAMeeting_PeopleWithAPlaceAreRemindedOnce_AndNotThoseWaiting()
    {
        var (group, chair) = await service.CreateGroupAsync();
        var meeting = await service.ScheduleAsync(group, chair, service.StartingIn(TimeSpan.FromDays(3)), capacity: 1, title: "Metadata clinic");
        var (placed, waiting) = (await service.CreatePersonAsync(withPassword: false), await service.CreatePersonAsync(withPassword: false));
        await service.MeetingsAsync(placed, (meetings, actor) => meetings.RegisterAsync(meeting.Id, actor));
        await service.MeetingsAsync(waiting, (meetings, actor) => meetings.RegisterAsync(meeting.Id, actor));

        await SendDueAsync();
        Assert.Null((await service.MeetingAsync(meeting.Id)).ReminderSentAt);

        service.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(1));
        await SendDueAsync();
        await SendDueAsync();

        var reminder = await service.Mail.WaitForAsync(placed.Email, "Tomorrow: Metadata clinic");
        Assert.Contains("you have a place at Metadata clinic", reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://meet.example.gov.uk/abc-defg", reminder.TextBody, StringComparison.Ordinal);
        await service.DrainOutboxAsync();
        Assert.Equal(1, Emails(placed, "Tomorrow: Metadata clinic"));
        Assert.Equal(0, Emails(waiting, "Tomorrow"));
    }

    [Fact]
    public async Task AnActionsOwner_IsRemindedFiveDaysBeforeItIsDue_Once()
    {
        var (group, chair) = await service.CreateGroupAsync(name: "Skills Data Group");
        var owner = await service.CreatePersonAsync(withPassword: false);
        await service.AddMemberAsync(group, owner);
        var today = service.Clock.Today();
        var action = await service.ActionsAsync(chair, (actions, actor) =>
            actions.AddAsync(group.Slug, null, new NewAction("Publish apprenticeship starts", owner.Id, null, today.AddDays(10), []), actor));

        service.Clock.Advance(TimeSpan.FromDays(4));
        await SendDueAsync();
        Assert.Null(await service.WithDatabaseAsync(db => db.GroupActions.Where(a => a.Id == action.Id).Select(a => a.ReminderSentAt).SingleAsync()));

        service.Clock.Advance(TimeSpan.FromDays(1));
        await SendDueAsync();
        await SendDueAsync();

        var reminder = await service.Mail.WaitForAsync(owner.Email, "Action due");
        Assert.Contains("Skills Data Group", reminder.Subject, StringComparison.Ordinal);
        Assert.Contains("Publish apprenticeship starts", reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/actions/{action.Id}", reminder.TextBody, StringComparison.Ordinal);
        await service.DrainOutboxAsync();
        Assert.Equal(1, Emails(owner, "Action due"));
    }

    [Fact]
    public async Task AnActionAlreadyDone_IsNotReminded()
    {
        var (group, chair) = await service.CreateGroupAsync();
        var owner = await service.CreatePersonAsync(withPassword: false);
        await service.AddMemberAsync(group, owner);
        var action = await service.ActionsAsync(chair, (actions, actor) =>
            actions.AddAsync(group.Slug, null, new NewAction("Tidy the glossary", owner.Id, null, service.Clock.Today().AddDays(2), []), actor));
        await service.ActionsAsync(owner, (actions, actor) => actions.UpdateAsync(action.Id, ActionState.Done, "Tidied.", actor));

        await SendDueAsync();

        await service.Mail.WaitForAsync(owner.Email, "New action for you");
        await service.DrainOutboxAsync();
        Assert.Equal(0, Emails(owner, "Action due"));
    }
}
