using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Groups;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Groups;

/// <summary>Places at a meeting, the waiting list, and never more people than places, on whichever database the run uses.</summary>
[Collection(SharedService.Engagement)]
public sealed class MeetingRegistrationTests(ServiceFactory service)
{
    private async Task<List<Person>> PeopleAsync(int count)
    {
        var people = new List<Person>();
        for (var i = 0; i < count; i++)
        {
            people.Add(await service.CreatePersonAsync(withPassword: false));
        }
        return people;
    }

    private Task<Registration> RegisterAsync(Meeting meeting, Person person) =>
        service.MeetingsAsync(person, (meetings, actor) => meetings.RegisterAsync(meeting.Id, actor));

    [Fact]
    public async Task Registering_GivesPlacesUpToTheCapacity_ThenPlacesOnTheWaitingList()
    {
        var (group, chair) = await service.CreateGroupAsync();
        var meeting = await service.ScheduleAsync(group, chair, capacity: 2);
        var people = await PeopleAsync(3);

        var states = new List<RegistrationState>();
        foreach (var person in people)
        {
            states.Add((await RegisterAsync(meeting, person)).State);
        }

        Assert.Equal([RegistrationState.Registered, RegistrationState.Registered, RegistrationState.Waiting], states);
        var saved = await service.MeetingAsync(meeting.Id);
        Assert.Equal(2, saved.RegisteredCount);
        Assert.True(saved.IsFull);
        // Registering again changes nothing: still one row, still waiting.
        Assert.Equal(RegistrationState.Waiting, (await RegisterAsync(meeting, people[2])).State);
        Assert.Equal(3, (await service.MeetingAsync(meeting.Id)).Registrations.Count);
    }

    [Fact]
    public async Task GivingUpAPlace_PassesItToTheFirstPersonWaiting_WhoIsEmailed()
    {
        var (group, chair) = await service.CreateGroupAsync();
        var meeting = await service.ScheduleAsync(group, chair, capacity: 1, title: "Data ethics workshop");
        var (holder, first, second) = (await service.CreatePersonAsync(withPassword: false), await service.CreatePersonAsync(withPassword: false),
            await service.CreatePersonAsync(withPassword: false));
        await RegisterAsync(meeting, holder);
        await RegisterAsync(meeting, first);
        await RegisterAsync(meeting, second);

        await service.MeetingsAsync(holder, (meetings, actor) => meetings.CancelRegistrationAsync(meeting.Id, actor));

        var email = await service.Mail.WaitForAsync(first.Email, "You have a place: Data ethics workshop");
        Assert.Contains("it is yours: you were first on the waiting list", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://meet.example.gov.uk/abc-defg", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/meetings/{meeting.Id}", email.TextBody, StringComparison.Ordinal);
        var saved = await service.MeetingAsync(meeting.Id);
        Assert.Equal(RegistrationState.Cancelled, saved.Registrations.Single(r => r.UserId == holder.Id).State);
        Assert.Equal(RegistrationState.Registered, saved.Registrations.Single(r => r.UserId == first.Id).State);
        Assert.Equal(RegistrationState.Waiting, saved.Registrations.Single(r => r.UserId == second.Id).State);
        Assert.Equal(1, saved.RegisteredCount);
        await service.DrainOutboxAsync();
        Assert.Empty(service.Mail.To(second.Email));
    }

    /// <summary>Twelve at once for three places: on PostgreSQL the losers of each round all fail together and retry.</summary>
    [Fact]
    public async Task TwelvePeopleRegisteringAtOnceForThreePlaces_GiveExactlyThreePlaces_AndEveryoneAnAnswer()
    {
        var (group, chair) = await service.CreateGroupAsync();
        var meeting = await service.ScheduleAsync(group, chair, capacity: 3);
        var people = await PeopleAsync(12);
        var principals = await Task.WhenAll(people.Select(service.PrincipalAsync));

        var registrations = await Task.WhenAll(principals.Select(actor => Task.Run(() =>
            service.WithServicesAsync(s => s.GetRequiredService<MeetingWorkflow>().RegisterAsync(meeting.Id, actor)))));

        Assert.Equal(3, registrations.Count(r => r.State == RegistrationState.Registered));
        Assert.Equal(9, registrations.Count(r => r.State == RegistrationState.Waiting));
        var saved = await service.MeetingAsync(meeting.Id);
        Assert.Equal(3, saved.Registrations.Count(r => r.State == RegistrationState.Registered));
        Assert.Equal(9, saved.Registrations.Count(r => r.State == RegistrationState.Waiting));
        Assert.Equal(3, saved.RegisteredCount);
    }

    [Fact]
    public async Task FewerPlacesThanPeopleRegistered_IsRefused()
    {
        var (group, chair) = await service.CreateGroupAsync();
        var meeting = await service.ScheduleAsync(group, chair, capacity: 5);
        foreach (var person in await PeopleAsync(3))
        {
            await RegisterAsync(meeting, person);
        }
        MeetingDetails WithPlaces(int places) => new(meeting.Title, meeting.StartsAt, meeting.EndsAt, meeting.TimeZone, meeting.Place, meeting.OnlineLink, meeting.Agenda, places);

        var refused = await Assert.ThrowsAsync<RuleException>(() =>
            service.MeetingsAsync(chair, (meetings, actor) => meetings.ChangeAsync(meeting.Id, WithPlaces(2), actor)));

        Assert.Equal("3 people already have a place. Set at least 3 places, or leave it empty for no limit", refused.Message);
        Assert.Equal(5, (await service.MeetingAsync(meeting.Id)).Capacity);
        await service.MeetingsAsync(chair, (meetings, actor) => meetings.ChangeAsync(meeting.Id, WithPlaces(3), actor));
        Assert.Equal(3, (await service.MeetingAsync(meeting.Id)).Capacity);
    }

    [Fact]
    public async Task MorePlaces_GoToThePeopleWaitingInTurn_NotToSomeoneWhoRegistersAfter()
    {
        var (group, chair) = await service.CreateGroupAsync();
        var meeting = await service.ScheduleAsync(group, chair, capacity: 1, title: "Open data surgery");
        var people = await PeopleAsync(4);
        foreach (var person in people.Take(3))
        {
            await RegisterAsync(meeting, person);
        }

        await service.MeetingsAsync(chair, (meetings, actor) => meetings.ChangeAsync(meeting.Id,
            new MeetingDetails(meeting.Title, meeting.StartsAt, meeting.EndsAt, meeting.TimeZone, meeting.Place, meeting.OnlineLink, meeting.Agenda, 2), actor));
        var latecomer = await RegisterAsync(meeting, people[3]);

        await service.Mail.WaitForAsync(people[1].Email, "You have a place: Open data surgery");
        Assert.Equal(RegistrationState.Waiting, latecomer.State);
        var saved = await service.MeetingAsync(meeting.Id);
        Assert.Equal([RegistrationState.Registered, RegistrationState.Registered, RegistrationState.Waiting, RegistrationState.Waiting],
            people.Select(p => saved.Registrations.Single(r => r.UserId == p.Id).State));
        Assert.Equal(2, saved.RegisteredCount);
    }

    [Fact]
    public async Task AMembersOnlyGroupsMeeting_CannotBeFoundOrJoinedByOthers()
    {
        var (group, chair) = await service.CreateGroupAsync(membersOnly: true);
        var meeting = await service.ScheduleAsync(group, chair);
        var member = await service.CreatePersonAsync(withPassword: false);
        await service.AddMemberAsync(group, member);
        var outsider = await service.CreatePersonAsync(withPassword: false);

        await Assert.ThrowsAsync<NotFoundException>(() => RegisterAsync(meeting, outsider));

        Assert.Equal(RegistrationState.Registered, (await RegisterAsync(meeting, member)).State);
        Assert.False(await service.WithDatabaseAsync(db => db.Registrations.AnyAsync(r => r.UserId == outsider.Id)));
    }
}
