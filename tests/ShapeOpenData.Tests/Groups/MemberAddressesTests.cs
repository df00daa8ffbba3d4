using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Groups;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Groups;

/// <summary>
/// Members' email addresses are for administrators only. A chair sees members by name and sector, and writes to them
/// through the service, which emails each member without showing anyone's address.
/// </summary>
[Collection(SharedService.Engagement)]
public sealed class MemberAddressesTests(ServiceFactory service)
{
    /// <summary>A group with a signed-in chair and two members, one of them an academic.</summary>
    private async Task<(Group Group, Person Chair, WebSession Session, Person[] Members)> GroupWithMembersAsync()
    {
        var (group, chair) = await service.CreateGroupAsync();
        var members = new[] { await service.CreatePersonAsync(name: "Ada Academic"), await service.CreatePersonAsync(name: "Bo Business") };
        foreach (var member in members)
        {
            await service.AddMemberAsync(group, member);
        }
        await service.WithDatabaseAsync(db => db.Users.Where(u => u.Id == members[0].Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Sector, Sector.Academic)));
        var session = service.NewSession();
        await session.SignInAsync(chair);
        return (group, chair, session, members);
    }

    [Fact]
    public async Task ChairsMembersPage_ShowsNamesAndSectors_ButNoEmailAddresses()
    {
        var (group, chair, session, members) = await GroupWithMembersAsync();

        var page = await session.GetAsync($"/groups/{group.Slug}/members");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        foreach (var person in members.Append(chair))
        {
            Assert.DoesNotContain(person.Email, page.Body, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotContain("@example.com", page.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Ada Academic", page.Text, StringComparison.Ordinal);
        Assert.Contains("Academic or research", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdministratorsMembersPage_ShowsEmailAddresses()
    {
        var (group, _, _, members) = await GroupWithMembersAsync();
        var administrator = service.NewSession();
        await administrator.SignInAsync(await service.CreatePersonAsync(Roles.Administrator, twoFactor: true));

        var page = await administrator.GetAsync($"/groups/{group.Slug}/members");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(members.Select(m => m.Email).Order(), page.Document.QuerySelectorAll(".sod-member-email").Select(c => c.TextContent.Trim())
            .Where(e => members.Any(m => m.Email == e)).Order());
    }

    [Fact]
    public async Task ChairsMessage_IsEmailedToEachMember_AndTheChairNeverSeesTheirAddresses()
    {
        var (group, chair, session, members) = await GroupWithMembersAsync();
        var subject = $"Papers for Tuesday {Guid.NewGuid():N}";

        var form = await session.GetAsync($"/groups/{group.Slug}/members/email");
        var sent = await session.SubmitAsync(form, ("Subject", subject), ("Message", "Please read the attached papers before we meet."));

        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal($"/groups/{group.Slug}/members", sent.Url);
        Assert.Equal("Your message is being emailed to the members", sent.Flash);
        foreach (var page in new[] { form, sent })
        {
            Assert.DoesNotContain(members[0].Email, page.Body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(members[1].Email, page.Body, StringComparison.OrdinalIgnoreCase);
        }
        foreach (var member in members)
        {
            var email = await service.Mail.WaitForAsync(member.Email, subject);
            Assert.Equal($"{group.Name}: {subject}", email.Subject);
            Assert.Equal([member.Email], email.To.Mailboxes.Select(m => m.Address));
            Assert.Empty(email.Cc);
            Assert.Empty(email.Bcc);
            Assert.Contains($"{chair.Name} has sent this message to the members of {group.Name}", email.TextBody, StringComparison.Ordinal);
            Assert.Contains("Please read the attached papers before we meet.", email.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain(members.Single(m => m != member).Email, email.TextBody, StringComparison.OrdinalIgnoreCase);
        }
        await service.DrainOutboxAsync();
        Assert.DoesNotContain(service.Mail.To(chair.Email), m => (m.Subject ?? "").Contains(subject, StringComparison.Ordinal));
        var audited = (await service.AuditTrailAsync(GroupsModule.GroupItemType, group.Id)).Last();
        Assert.Equal(("messaged_members", (int?)chair.Id), (audited.Action, audited.ActorId));
        Assert.Contains(subject, audited.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_WithoutASubjectOrTooLong_SaysWhatIsWrong()
    {
        var (group, _, session, _) = await GroupWithMembersAsync();
        var form = await session.GetAsync($"/groups/{group.Slug}/members/email");

        var empty = await session.SubmitAsync(form, ("Subject", " "), ("Message", "Hello"));
        var tooLong = await session.SubmitAsync(form, ("Subject", "Hello"), ("Message", new string('a', 5_001)));

        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal([("Enter a subject", "Subject")], empty.Errors);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Equal([("The message must be 5000 characters or fewer", "Message")], tooLong.Errors);
    }

    /// <summary>Five a day (<c>GroupMessage.PerGroupPerDay</c>): a chair's account cannot be used to flood the members.</summary>
    [Fact]
    public async Task Messages_AreLimitedPerGroupPerDay()
    {
        var (group, _, session, _) = await GroupWithMembersAsync();
        var form = await session.GetAsync($"/groups/{group.Slug}/members/email");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await session.SubmitAsync(form, ("Subject", $"Note {i}"), ("Message", "Hello"))).Status);
        }

        var refused = await session.SubmitAsync(form, ("Subject", "One too many"), ("Message", "Hello"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal([("The members of this group have had 5 messages in the last 24 hours. Send this one tomorrow", "Message")], refused.Errors);
    }

    [Fact]
    public async Task AMemberWhoDoesNotRunTheGroup_CannotEmailTheMembers()
    {
        var (group, _, _, members) = await GroupWithMembersAsync();
        var member = service.NewSession();
        await member.SignInAsync(members[0]);

        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/groups/{group.Slug}/members/email")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/groups/{group.Slug}/members")).Status);
    }
}
