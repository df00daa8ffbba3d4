using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Groups;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Groups;

/// <summary>
/// A change saved in parts (the entity for its id, then its audit entry and emails) is one transaction: a crash
/// between the parts leaves nothing half-written, on either database.
/// </summary>
[Collection(SharedService.Engagement)]
public sealed class OneUnitOfWorkTests(ServiceFactory service)
{
    [Fact]
    public async Task CreatingAGroup_CrashingBeforeItsAuditEntry_LeavesNoGroup()
    {
        var programme = await service.PrincipalAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true, withPassword: false));
        var slug = $"crash-{Guid.NewGuid():N}"[..16];

        await service.CrashAtSaveAsync(2, () => service.WithServicesAsync(s => s.GetRequiredService<GroupWorkflow>().CreateAsync(slug,
            new GroupDetails("Crash group", GroupKind.WorkingGroup, "Purpose.", "Terms.", MembershipPolicy.Open, false, IsClosed: false), programme)));

        Assert.False(await service.WithDatabaseAsync(db => db.Groups.AnyAsync(g => g.Slug == slug)));
    }

    [Fact]
    public async Task SchedulingAMeeting_CrashingBeforeItsAuditEntryAndEmails_LeavesNoMeeting()
    {
        var (group, chair) = await service.CreateGroupAsync();
        var title = $"Crash meeting {Guid.NewGuid():N}";

        await service.CrashAtSaveAsync(2, () => service.ScheduleAsync(group, chair, title: title));

        Assert.False(await service.WithDatabaseAsync(db => db.Meetings.AnyAsync(m => m.Title == title)));
    }

    [Fact]
    public async Task ChangingAMeeting_CrashingBeforeThePromotedPersonIsTold_KeepsTheMeetingAsItWas()
    {
        var (group, chair) = await service.CreateGroupAsync();
        var meeting = await service.ScheduleAsync(group, chair, capacity: 1);
        await service.RegisterAsync(meeting, await service.CreatePersonAsync());
        await service.RegisterAsync(meeting, await service.CreatePersonAsync()); // on the waiting list
        var details = new MeetingDetails(meeting.Title, meeting.StartsAt, meeting.EndsAt, meeting.TimeZone, meeting.Place, meeting.OnlineLink, meeting.Agenda, Capacity: 2);

        await service.CrashAtSaveAsync(2, () => service.AsAsync(chair, (meetings, user) => meetings.ChangeAsync(meeting.Id, details, user)));

        var now = await service.MeetingAsync(meeting.Id);
        Assert.Equal((1, meeting.Sequence, 1), (now.Capacity, now.Sequence, now.Registrations.Count(r => r.State == RegistrationState.Registered)));
    }

    [Fact]
    public async Task AddingAnAction_CrashingBeforeItsAuditEntryAndEmail_LeavesNoAction()
    {
        var (group, chair) = await service.CreateGroupAsync();
        var text = $"Crash action {Guid.NewGuid():N}";

        await service.CrashAtSaveAsync(2, () => service.AddActionAsync(group, chair,
            new NewAction(text, chair.Id, null, DateOnly.FromDateTime(service.UtcNow().AddDays(30)), [])));

        Assert.False(await service.WithDatabaseAsync(db => db.GroupActions.AnyAsync(a => a.Text == text)));
    }
}
