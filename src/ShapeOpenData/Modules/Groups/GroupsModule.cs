using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Organisations;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups;

/// <summary>
/// Groups and meetings (DESIGN §4.4): working groups, the steering group, networks and forums; their meetings
/// and public events with places and a waiting list; minutes in versions, decisions and actions in the open;
/// calendars, feeds, exports and the API over the public part of it.
/// </summary>
public static class GroupsModule
{
    /// <summary>Item types in follows and the audit log.</summary>
    public const string GroupItemType = ItemTypes.Group;
    public const string MeetingItemType = ItemTypes.Meeting;
    public const string ActionItemType = ItemTypes.Action;

    /// <summary>The message sent with a request to join, in moderation.</summary>
    public const string JoinMessageItemType = "join_message";

    public static WebApplicationBuilder AddGroups(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<GroupOptions>(builder.Configuration.GetSection("Groups"));
        services.AddScoped<GroupAccess>();
        // Anyone holding an invitation link can join as the person invited (with their address): out of logs and traces.
        services.AddSecretInUrl("/groups/{slug}/invitations/{token}", "token");
        services.AddScoped<GroupWorkflow>();
        services.AddScoped<MeetingWorkflow>();
        services.AddScoped<ActionWorkflow>();
        services.AddScoped<GroupMessages>();
        services.AddScoped<GroupReminders>();
        services.AddScoped<IDemoContent, DemoGroups>();
        services.AddScheduledWork("sent meeting and action reminders", TimeSpan.FromMinutes(10), (s, ct) => s.GetRequiredService<GroupReminders>().SendDueAsync(ct));
        services.AddScoped<IFollowable, GroupItems>();
        services.AddScoped<IPageSection, ActionsServingRequest>();
        services.AddScoped<ITraceable, ActionTraces>();
        services.AddScoped<IKeptLinks, ActionsServeRequests>();
        services.AddScoped<IFollowable, MeetingItems>();
        services.AddSingleton<ISearchSource, GroupSearch>();
        services.AddSingleton<ISearchSource, MeetingSearch>();
        services.AddScoped<IPersonalData, GroupsPersonalData>();
        services.AddScoped<IModeratable, JoinMessageModeration>();
        services.AddSingleton(new NavigationItem("Groups", "/groups", 30));
        services.AddSingleton(new NavigationItem("Meetings", "/meetings", 35));
        return builder;
    }

    public static WebApplication MapGroups(this WebApplication app)
    {
        GroupsApi.Map(app);
        MeetingCalendars.Map(app);
        GroupFeeds.Map(app);
        return app;
    }
}

internal sealed class GroupItems(AppDbContext db, GroupAccess access) : IFollowable
{
    public string Type => GroupsModule.GroupItemType;

    /// <summary>Following a group tells of its meetings and minutes: its content, which may be for members only.</summary>
    public async Task<bool> CanSeeAsync(int id, ClaimsPrincipal person, CancellationToken cancellationToken) =>
        await db.Groups.FindAsync([id], cancellationToken) is { } group
        && GroupPermissions.CanSeeContent(person, group, await access.MembershipAsync(id, person, cancellationToken));

    public async Task<(string Title, string Url)?> DescribeAsync(int id, CancellationToken cancellationToken) =>
        await db.Groups.Where(g => g.Id == id).Select(g => new { g.Name, g.Slug }).SingleOrDefaultAsync(cancellationToken) is { } group
            ? (group.Name, $"/groups/{group.Slug}")
            : null;
}

internal sealed class MeetingItems(AppDbContext db, GroupAccess access) : IFollowable
{
    public string Type => GroupsModule.MeetingItemType;

    /// <summary>A public event is for everyone; a group's meeting for those who may see the group's content.</summary>
    public async Task<bool> CanSeeAsync(int id, ClaimsPrincipal person, CancellationToken cancellationToken)
    {
        if (await db.Meetings.FindAsync([id], cancellationToken) is not { } meeting)
        {
            return false;
        }
        return meeting.GroupId is not { } groupId
            || (await db.Groups.FindAsync([groupId], cancellationToken) is { } group
                && GroupPermissions.CanSeeContent(person, group, await access.MembershipAsync(groupId, person, cancellationToken)));
    }

    public async Task<(string Title, string Url)?> DescribeAsync(int id, CancellationToken cancellationToken) =>
        await db.Meetings.Where(m => m.Id == id).Select(m => m.Title).SingleOrDefaultAsync(cancellationToken) is { } title
            ? (title, MeetingWorkflow.UrlOf(id))
            : null;
}

internal sealed class GroupMapping : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> group)
    {
        group.Property(g => g.Slug).HasMaxLength(100).IsRequired();
        group.HasIndex(g => g.Slug).IsUnique();
        group.Property(g => g.Name).HasMaxLength(Group.NameMaxLength).IsRequired();
        group.Property(g => g.Kind).HasConversion<CodeConverter<GroupKind>>().HasMaxLength(20);
        group.Property(g => g.Policy).HasConversion<CodeConverter<MembershipPolicy>>().HasMaxLength(20);
        group.Property(g => g.Purpose).HasMaxLength(Group.PurposeMaxLength).IsRequired();
        group.Property(g => g.TermsOfReference).HasMaxLength(Group.TermsMaxLength).IsRequired();
        group.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GroupMemberMapping : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> member)
    {
        // One membership (or request) per person and group: the database decides.
        member.HasIndex(m => new { m.GroupId, m.UserId }).IsUnique();
        member.HasIndex(m => m.UserId);
        member.Property(m => m.Role).HasConversion<CodeConverter<GroupRole>>().HasMaxLength(20);
        member.Property(m => m.State).HasConversion<CodeConverter<MemberState>>().HasMaxLength(20);
        member.Property(m => m.Message).HasMaxLength(GroupMember.MessageMaxLength);
        member.HasModeration(m => m.Moderation);
        member.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GroupInvitationMapping : IEntityTypeConfiguration<GroupInvitation>
{
    public void Configure(EntityTypeBuilder<GroupInvitation> invitation)
    {
        invitation.Property(i => i.Email).HasMaxLength(254).IsRequired();
        invitation.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
        invitation.HasIndex(i => i.TokenHash).IsUnique();
        invitation.Property(i => i.Role).HasConversion<CodeConverter<GroupRole>>().HasMaxLength(20);
        invitation.HasOne<Group>().WithMany().HasForeignKey(i => i.GroupId).OnDelete(DeleteBehavior.Cascade);
        invitation.HasOne<User>().WithMany().HasForeignKey(i => i.InvitedById).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class MeetingMapping : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> meeting)
    {
        meeting.HasIndex(m => m.Uid).IsUnique();
        meeting.HasIndex(m => m.StartsAt);
        meeting.HasIndex(m => new { m.GroupId, m.StartsAt });
        meeting.Property(m => m.Title).HasMaxLength(Meeting.TitleMaxLength).IsRequired();
        meeting.Property(m => m.TimeZone).HasMaxLength(60).IsRequired();
        meeting.Property(m => m.Place).HasMaxLength(Meeting.PlaceMaxLength);
        meeting.Property(m => m.OnlineLink).HasMaxLength(Meeting.LinkMaxLength);
        meeting.Property(m => m.Agenda).HasMaxLength(Meeting.AgendaMaxLength).IsRequired();
        meeting.Property(m => m.State).HasConversion<CodeConverter<MeetingState>>().HasMaxLength(20);
        meeting.Property(m => m.CancellationReason).HasMaxLength(1_000);
        meeting.Property(m => m.Version).IsConcurrencyToken();
        meeting.HasOne(m => m.Group).WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Restrict);
        meeting.HasMany(m => m.Registrations).WithOne().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Cascade);
        meeting.HasMany(m => m.Minutes).WithOne().HasForeignKey(v => v.MeetingId).OnDelete(DeleteBehavior.Cascade);
        meeting.HasMany(m => m.Decisions).WithOne().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
        meeting.Ignore(m => m.LatestMinutes);
    }
}

internal sealed class RegistrationMapping : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> registration)
    {
        registration.HasIndex(r => new { r.MeetingId, r.UserId }).IsUnique();
        registration.HasIndex(r => r.UserId);
        registration.Property(r => r.State).HasConversion<CodeConverter<RegistrationState>>().HasMaxLength(20);
        registration.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MinutesVersionMapping : IEntityTypeConfiguration<MinutesVersion>
{
    public void Configure(EntityTypeBuilder<MinutesVersion> version)
    {
        version.ToTable("MinutesVersions");
        version.HasIndex(v => new { v.MeetingId, v.Number }).IsUnique();
        version.Property(v => v.Text).HasMaxLength(MinutesVersion.TextMaxLength).IsRequired();
        version.Property(v => v.Note).HasMaxLength(MinutesVersion.NoteMaxLength);
        version.HasOne<User>().WithMany().HasForeignKey(v => v.PublishedById).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class DecisionMapping : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> decision)
    {
        decision.HasIndex(d => new { d.MeetingId, d.Number }).IsUnique();
        decision.Property(d => d.Text).HasMaxLength(Decision.TextMaxLength).IsRequired();
    }
}

internal sealed class GroupActionMapping : IEntityTypeConfiguration<GroupAction>
{
    public void Configure(EntityTypeBuilder<GroupAction> action)
    {
        action.Property(a => a.Text).HasMaxLength(GroupAction.TextMaxLength).IsRequired();
        action.Property(a => a.Note).HasMaxLength(GroupAction.NoteMaxLength);
        action.Property(a => a.State).HasConversion<CodeConverter<ActionState>>().HasMaxLength(20);
        action.HasIndex(a => new { a.State, a.DueOn });
        action.HasIndex(a => a.GroupId);
        action.HasIndex(a => a.MeetingId);
        action.HasOne(a => a.Group).WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Restrict);
        action.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.SetNull);
        action.HasOne<User>().WithMany().HasForeignKey(a => a.OwnerUserId).OnDelete(DeleteBehavior.SetNull);
        action.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        action.HasMany(a => a.Requests).WithOne().HasForeignKey(r => r.ActionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActionRequestMapping : IEntityTypeConfiguration<ActionRequest>
{
    public void Configure(EntityTypeBuilder<ActionRequest> link)
    {
        link.HasKey(l => new { l.ActionId, l.RequestId });
        link.HasIndex(l => l.RequestId);
        // By entity name, as requests name the catalogue's datasets: a foreign key without a dependency.
        link.HasOne("ShapeOpenData.Modules.DatasetRequests.DatasetRequest", null).WithMany().HasForeignKey(nameof(ActionRequest.RequestId)).OnDelete(DeleteBehavior.Cascade);
    }
}
