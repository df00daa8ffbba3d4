using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Groups;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Tests.Groups;

namespace ShapeOpenData.Tests.Notifications;

/// <summary>
/// Nobody hears by email of what they may not see: they cannot follow it, and every email is checked against what its
/// recipient may see when it is written and again when it is sent. The outbox worker sleeps here, so each test decides
/// when email goes (<see cref="ServiceFactory.DrainOutboxAsync"/>) and can change who may see what in between.
/// </summary>
public sealed class NotificationVisibilityTests(SleepingOutboxServiceFactory service) : IClassFixture<SleepingOutboxServiceFactory>
{
    private List<string> SubjectsTo(Person person) => [.. service.Mail.To(person.Email).Select(m => m.Subject ?? "")];

    [Fact]
    public async Task FollowingAMembersOnlyGroup_AsANonMember_IsRefused_AndNothingIsStored()
    {
        var (group, chair) = await service.CreateGroupAsync(membersOnly: true);
        var outsider = await service.CreatePersonAsync();
        var session = service.NewSession(followRedirects: false);
        await session.SignInAsync(outsider);
        var page = await session.GetAsync($"/groups/{group.Slug}");

        // Post what the "Follow this group" button posts, with the page's own form token.
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        var follow = await session.Http.PostAsync($"/groups/{group.Slug}?handler=Follow", form);

        Assert.Contains(follow.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.False(await service.WithDatabaseAsync(db => db.Follows.AnyAsync(f => f.UserId == outsider.Id)));
        Assert.Null(page.Document.QuerySelector("form#follow"));
        await service.ScheduleAsync(group, chair, title: "Members-only planning");
        await service.DrainOutboxAsync();
        Assert.DoesNotContain(SubjectsTo(outsider), s => s.Contains("Members-only planning", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SomeoneFollowingAMembersOnlyGroup_WithoutBeingAMember_IsNotToldOfItsMeetings()
    {
        var (group, chair) = await service.CreateGroupAsync(membersOnly: true);
        var member = await service.CreatePersonAsync(withPassword: false);
        await service.AddMemberAsync(group, member);
        // A follow left from before it became members-only, or made before following was checked.
        var outsider = await service.HearingAtOnceAsync(await service.CreatePersonAsync(withPassword: false));
        await service.WithDatabaseAsync(db =>
        {
            db.Follows.Add(new ShapeOpenData.Modules.Follows.Follow { TargetType = GroupsModule.GroupItemType, TargetId = group.Id, UserId = outsider.Id, CreatedAt = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });

        await service.ScheduleAsync(group, chair, title: "Closed budget session");
        await service.DrainOutboxAsync();

        await service.Mail.WaitForAsync(member.Email, "New meeting of");
        Assert.DoesNotContain(SubjectsTo(outsider), s => s.Contains("Closed budget session", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMemberRemovedAfterAnEmailWasQueued_IsNotSentIt()
    {
        var (group, chair) = await service.CreateGroupAsync(membersOnly: true);
        var (staying, removed) = (await service.CreatePersonAsync(withPassword: false), await service.CreatePersonAsync(withPassword: false));
        await service.AddMemberAsync(group, staying);
        await service.AddMemberAsync(group, removed);

        await service.ScheduleAsync(group, chair, title: "Sensitive review");
        Assert.True(await service.WithDatabaseAsync(db => db.OutboxEmails.AnyAsync(m => m.UserId == removed.Id && m.SentAt == null)));
        await service.GroupsAsync(chair, (groups, actor) => groups.RemoveAsync(group.Slug, removed.Id, actor));
        await service.DrainOutboxAsync();

        await service.Mail.WaitForAsync(staying.Email, "New meeting of");
        Assert.DoesNotContain(SubjectsTo(removed), s => s.Contains("New meeting of", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFollowerOfAConfidentialRequest_MovedToAnotherOrganisation_StopsHearingOfIt()
    {
        var requester = await service.CreatePersonAsync(withPassword: false);
        var id = await service.SubmitRequestAsync(requester, organisation: "cabinet-office", confidential: true);
        var formerPublisher = await service.HearingAtOnceAsync(await service.CreatePersonAsync(Roles.Publisher, "cabinet-office", twoFactor: true));
        var newPublisher = await service.CreatePersonAsync(Roles.Publisher, "home-office", twoFactor: true, withPassword: false);
        var session = service.NewSession();
        await session.SignInAsync(formerPublisher);
        await session.SubmitAsync(await session.GetAsync($"/requests/{id}"), selector: "form#follow");
        Assert.True(await service.WithDatabaseAsync(db => db.Follows.AnyAsync(f => f.UserId == formerPublisher.Id && f.TargetId == id)));
        var programme = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true, withPassword: false));

        // Queued while they could still see it, sent after it moved; then a change made after it moved.
        (await programme.PostAsJsonAsync($"/api/v1/requests/{id}/review", new { note = "Looking into it" })).EnsureSuccessStatusCode();
        (await programme.PostAsJsonAsync($"/api/v1/requests/{id}/assign", new { organisation = "home-office" })).EnsureSuccessStatusCode();
        await service.DrainOutboxAsync();

        await service.Mail.WaitForAsync(requester.Email, "Review started");
        await service.Mail.WaitForAsync(requester.Email, "Assigned");
        await service.Mail.WaitForAsync(newPublisher.Email, "Assigned");
        Assert.Empty(SubjectsTo(formerPublisher));
    }

    [Fact]
    public async Task ARemovedMembersPlace_GoesToTheWaitingList_AndTheReminderWithTheLinkNeverReachesThem()
    {
        var (group, chair) = await service.CreateGroupAsync(membersOnly: true);
        var (removed, waiting) = (await service.CreatePersonAsync(withPassword: false), await service.CreatePersonAsync(withPassword: false));
        await service.AddMemberAsync(group, removed);
        await service.AddMemberAsync(group, waiting);
        var meeting = await service.ScheduleAsync(group, chair, service.StartingIn(TimeSpan.FromHours(12)), capacity: 1, title: "Board briefing");
        await service.RegisterAsync(meeting, removed);
        Assert.Equal(RegistrationState.Waiting, (await service.RegisterAsync(meeting, waiting)).State);

        await service.GroupsAsync(chair, (groups, actor) => groups.RemoveAsync(group.Slug, removed.Id, actor));
        await service.WithServicesAsync(s => s.GetRequiredService<GroupReminders>().SendDueAsync(CancellationToken.None));
        await service.DrainOutboxAsync();

        var registrations = (await service.MeetingAsync(meeting.Id)).Registrations;
        Assert.Equal(RegistrationState.Cancelled, registrations.Single(r => r.UserId == removed.Id).State);
        Assert.Equal(RegistrationState.Registered, registrations.Single(r => r.UserId == waiting.Id).State);
        await service.Mail.WaitForAsync(waiting.Email, "You have a place: Board briefing");
        await service.Mail.WaitForAsync(waiting.Email, "Tomorrow: Board briefing");
        Assert.DoesNotContain(service.Mail.To(removed.Email), m => (m.Subject ?? "").StartsWith("Tomorrow", StringComparison.Ordinal)
            || (m.TextBody ?? "").Contains("meet.example.gov.uk", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AConfidentialRequest_CannotBeFollowedBySomeoneWhoMayNotSeeIt()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync(withPassword: false), confidential: true);
        var outsider = await service.CreatePersonAsync();
        var session = service.NewSession(followRedirects: false);
        await session.SignInAsync(outsider);
        var anyPage = await session.GetAsync("/requests");
        var token = anyPage.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);

        var follow = await session.Http.PostAsync($"/requests/{id}?handler=Follow", form);

        Assert.Equal(HttpStatusCode.NotFound, follow.StatusCode);
        Assert.False(await service.WithDatabaseAsync(db => db.Follows.AnyAsync(f => f.UserId == outsider.Id)));
    }
}
