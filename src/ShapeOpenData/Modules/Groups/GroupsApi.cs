using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Api;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups;

/// <summary>
/// <c>/api/v1/groups</c>, <c>/api/v1/meetings</c> and <c>/api/v1/actions</c>. Every group is listed (its existence, purpose
/// and size are public); terms of reference, members, meetings, minutes, decisions and actions of a members-only group only to its members
/// and the programme team, as on the pages. A meeting's online link is given only to someone with a place.
/// </summary>
public static partial class GroupsApi
{
    public static void Map(WebApplication app)
    {
        var groups = app.MapGroup("/api/v1/groups").WithTags("Groups");
        groups.MapGet("", ListGroupsAsync).WithName("ListGroups").WithSummary("Groups")
            .WithDescription("Every group, by name. termsOfReference and members are null for a members-only group unless you are a member.");
        groups.MapGet("{slug}", ShowGroupAsync).WithName("GetGroup").WithSummary("One group");

        var meetings = app.MapGroup("/api/v1/meetings").WithTags("Meetings");
        meetings.MapGet("", ListMeetingsAsync).WithName("ListMeetings").WithSummary("Meetings")
            .WithDescription("Meetings you may see: soonest first, or most recent first with when=past. Times carry the offset of the meeting's time zone.");
        meetings.MapGet("{id:int}", ShowMeetingAsync).WithName("GetMeeting").WithSummary("One meeting, with its minutes and decisions")
            .WithDescription("onlineLink is given only when you have a place (send your API token).");

        var actions = app.MapGroup("/api/v1/actions").WithTags("Actions");
        actions.MapGet("", ListActionsAsync).WithName("ListActions").WithSummary("Actions")
            .WithDescription("Actions you may see, soonest due first. Open ones unless state says otherwise.");
    }

    private static async Task<Results<Ok<Paged<GroupResponse>>, ValidationProblem>> ListGroupsAsync(
        [Description("Only this kind: working_group, steering_group, network or forum.")] string? kind,
        [Description(Paging.PageDescription)] int? page,
        [Description(Paging.PageSizeDescription)] int? pageSize,
        ClaimsPrincipal viewer, AppDbContext db, GroupAccess access, CancellationToken cancellationToken)
    {
        if (Paging.Check(page, pageSize) is { } invalid) return invalid;
        var query = db.Groups.AsNoTracking();
        if (kind is not null)
        {
            if (!Codes.TryParse<GroupKind>(kind, out var parsed)) return ApiModule.Invalid("kind", "Use a kind: " + Codes.List<GroupKind>());
            query = query.Where(g => g.Kind == parsed);
        }
        var found = await Paging.PageAsync(query.OrderBy(g => g.Name).ThenBy(g => g.Id).Select(ReadGroup), page, pageSize, cancellationToken);
        var responses = await GroupResponsesAsync(found.Items, viewer, db, access, cancellationToken);
        return TypedResults.Ok(new Paged<GroupResponse>(responses, found.Page, found.PageSize, found.Total));
    }

    private static async Task<Results<Ok<GroupResponse>, ProblemHttpResult>> ShowGroupAsync(
        [Description("The group's slug.")] string slug, ClaimsPrincipal viewer, AppDbContext db, GroupAccess access, CancellationToken cancellationToken)
    {
        var group = await db.Groups.AsNoTracking().Where(g => g.Slug == slug).Select(ReadGroup).SingleOrDefaultAsync(cancellationToken);
        return group is null
            ? ApiModule.NotFound($"There is no group '{slug}'")
            : TypedResults.Ok((await GroupResponsesAsync([group], viewer, db, access, cancellationToken))[0]);
    }

    private static async Task<Results<Ok<Paged<MeetingListItem>>, ValidationProblem>> ListMeetingsAsync(
        [Description("A group's slug: only its meetings.")] string? group,
        [Description("upcoming (not yet ended) or past (ended).")] string? when,
        [Description("Only meetings starting on or after this day (UK time), as YYYY-MM-DD.")] string? from,
        [Description("Only meetings starting on or before this day (UK time), as YYYY-MM-DD.")] string? to,
        [Description(Paging.PageDescription)] int? page,
        [Description(Paging.PageSizeDescription)] int? pageSize,
        ClaimsPrincipal viewer, AppDbContext db, GroupAccess access, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Paging.Check(page, pageSize) is { } invalid) return invalid;
        if (when is not null and not ("upcoming" or "past")) return ApiModule.Invalid("when", "Use upcoming or past");
        if (from is not null && DayOf(from) is null) return ApiModule.Invalid("from", "Give the day as YYYY-MM-DD, like 2027-01-31");
        if (to is not null && DayOf(to) is null) return ApiModule.Invalid("to", "Give the day as YYYY-MM-DD, like 2027-01-31");

        var visibility = await access.VisibilityAsync(viewer, cancellationToken);
        var query = db.Meetings.AsNoTracking().Where(visibility.Meetings);
        if (!string.IsNullOrEmpty(group))
        {
            query = query.Where(m => m.Group != null && m.Group.Slug == group);
        }
        if (DayOf(from) is { } first)
        {
            var start = StartOfDay(first);
            query = query.Where(m => m.StartsAt >= start);
        }
        if (DayOf(to) is { } last)
        {
            var end = StartOfDay(last.AddDays(1));
            query = query.Where(m => m.StartsAt < end);
        }
        var now = clock.UtcNow();
        query = when switch
        {
            "upcoming" => query.Where(m => m.EndsAt > now).OrderBy(m => m.StartsAt).ThenBy(m => m.Id),
            "past" => query.Where(m => m.EndsAt <= now).OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id),
            _ => query.OrderBy(m => m.StartsAt).ThenBy(m => m.Id),
        };
        var found = await Paging.PageAsync(query.Select(m => new
        {
            m.Id, m.Uid, m.Title, Group = m.Group == null ? null : m.Group.Slug, GroupName = m.Group == null ? null : m.Group.Name, m.StartsAt, m.EndsAt,
            m.TimeZone, m.Place, Online = m.OnlineLink != null, m.State, m.CancellationReason, m.Capacity, m.RegisteredCount,
        }), page, pageSize, cancellationToken);
        return TypedResults.Ok(new Paged<MeetingListItem>([.. found.Items.Select(m => new MeetingListItem(
            m.Id, MeetingCalendars.UidOf(m.Uid), m.Title, m.Group, m.GroupName, InZone(m.StartsAt, m.TimeZone), InZone(m.EndsAt, m.TimeZone), m.TimeZone,
            m.Place, m.Online, m.State.ToCode(), m.CancellationReason, m.Capacity, m.RegisteredCount,
            MeetingWorkflow.UrlOf(m.Id), MeetingCalendars.UrlOf(m.Id)))], found.Page, found.PageSize, found.Total));
    }

    private static async Task<Results<Ok<MeetingDetail>, ProblemHttpResult>> ShowMeetingAsync(
        [Description("The meeting's number.")] int id, ClaimsPrincipal viewer, AppDbContext db, GroupAccess access, CancellationToken cancellationToken)
    {
        var visibility = await access.VisibilityAsync(viewer, cancellationToken);
        var meeting = await db.Meetings.AsNoTracking().Where(visibility.Meetings).Include(m => m.Group).Include(m => m.Minutes).Include(m => m.Decisions)
            .AsSplitQuery().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return ApiModule.NotFound($"There is no meeting {id}");
        }
        var registration = viewer.UserId() is { } userId
            ? await db.Registrations.Where(r => r.MeetingId == id && r.UserId == userId && r.State != RegistrationState.Cancelled)
                .Select(r => (RegistrationState?)r.State).SingleOrDefaultAsync(cancellationToken)
            : null;
        var seesLink = GroupPermissions.CanSeeOnlineLink(meeting, registration,
            GroupPermissions.CanManage(viewer, meeting, meeting.GroupId is { } groupId ? await access.MembershipAsync(groupId, viewer, cancellationToken) : null));
        return TypedResults.Ok(new MeetingDetail(
            meeting.Id, MeetingCalendars.UidOf(meeting.Uid), meeting.Title, meeting.Group?.Slug, meeting.Group?.Name,
            InZone(meeting.StartsAt, meeting.TimeZone), InZone(meeting.EndsAt, meeting.TimeZone), meeting.TimeZone,
            meeting.Place, meeting.OnlineLink is not null, seesLink ? meeting.OnlineLink : null, meeting.Agenda, meeting.State.ToCode(),
            meeting.CancellationReason, meeting.Capacity, meeting.RegisteredCount, registration?.ToCode(), meeting.AttendanceCount, meeting.Sequence,
            [.. meeting.Minutes.OrderBy(v => v.Number).Select(v => new MinutesResponse(v.Number, v.Text, v.Note, v.PublishedAt))],
            [.. meeting.Decisions.OrderBy(d => d.Number).Select(d => new DecisionResponse(d.Number, d.Text, d.MinutesVersion, d.RecordedAt))],
            meeting.CreatedAt, meeting.UpdatedAt, MeetingWorkflow.UrlOf(meeting.Id), MeetingCalendars.UrlOf(meeting.Id)));
    }

    private static async Task<Results<Ok<Paged<ActionResponse>>, ValidationProblem>> ListActionsAsync(
        [Description("A group's slug: only its actions.")] string? group,
        [Description("me for your own actions (send your API token), or an organisation's slug for the actions it owns.")] string? owner,
        [Description("open (the default), done, dropped or all.")] string? state,
        [Description("true for overdue actions only: open and past their due date.")] bool? overdue,
        [Description(Paging.PageDescription)] int? page,
        [Description(Paging.PageSizeDescription)] int? pageSize,
        ClaimsPrincipal viewer, AppDbContext db, GroupAccess access, Items items, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Paging.Check(page, pageSize) is { } invalid) return invalid;
        var wanted = ActionState.Open;
        if (state is not null and not "all" && !Codes.TryParse(state, out wanted)) return ApiModule.Invalid("state", $"Use a state: {Codes.List<ActionState>()} or all");
        if (owner == "me" && viewer.UserId() is null) return ApiModule.Invalid("owner", "Send your API token to see your own actions");

        var visibility = await access.VisibilityAsync(viewer, cancellationToken);
        var query = db.GroupActions.AsNoTracking().Where(visibility.Actions);
        if (state != "all")
        {
            query = query.Where(a => a.State == wanted);
        }
        if (!string.IsNullOrEmpty(group))
        {
            query = query.Where(a => a.Group!.Slug == group);
        }
        if (owner == "me")
        {
            var userId = viewer.UserId();
            query = query.Where(a => a.OwnerUserId == userId);
        }
        else if (!string.IsNullOrEmpty(owner))
        {
            query = query.Where(a => db.Organisations.Any(o => o.Id == a.OwnerOrganisationId && o.Slug == owner));
        }
        var today = clock.Today();
        if (overdue == true)
        {
            query = query.Where(a => a.State == ActionState.Open && a.DueOn < today);
        }
        var found = await Paging.PageAsync(ActionsAsRead(db, query.OrderBy(a => a.DueOn).ThenBy(a => a.Id)), page, pageSize, cancellationToken);
        var shown = await WithPublicRequestsAsync(found.Items, items, cancellationToken);
        return TypedResults.Ok(new Paged<ActionResponse>([.. shown.Select(a => a.ToResponse(today))], found.Page, found.PageSize, found.Total));
    }

    /// <summary>An action as lists and exports give it, read in one query.</summary>
    internal sealed record ActionFacts(
        int Id, string Text, string Group, string GroupName, int? MeetingId, string? OwnerName, string? OwnerOrganisation, string? OwnerOrganisationName,
        DateOnly DueOn, ActionState State, string? Note, List<int> Requests, DateTime CreatedAt, DateTime UpdatedAt)
    {
        public ActionResponse ToResponse(DateOnly today) => new(
            Id, Text, Group, GroupName, MeetingId, OwnerName ?? OwnerOrganisationName, OwnerOrganisation, DueOn, State.ToCode(), Note,
            State == ActionState.Open && DueOn < today, Requests, CreatedAt, UpdatedAt, ActionWorkflow.UrlOf(Id));
    }

    /// <summary>Actions with only the requests that are public: an action may serve one that was later made confidential.</summary>
    internal static async Task<IReadOnlyList<ActionFacts>> WithPublicRequestsAsync(IReadOnlyList<ActionFacts> actions, Items items, CancellationToken cancellationToken)
    {
        var requests = actions.SelectMany(a => a.Requests).Distinct().ToList();
        var public_ = (await items.Traceable(ItemTypes.Request).PublicAsync(requests, cancellationToken)).Select(r => r.Id).ToHashSet();
        return [.. actions.Select(a => a with { Requests = [.. a.Requests.Where(public_.Contains)] })];
    }

    internal static IQueryable<ActionFacts> ActionsAsRead(AppDbContext db, IQueryable<GroupAction> actions) =>
        actions.Select(a => new ActionFacts(
            a.Id, a.Text, a.Group!.Slug, a.Group.Name, a.MeetingId,
            db.Users.Where(u => u.Id == a.OwnerUserId).Select(u => u.DeletedAt == null ? u.DisplayName : User.FormerParticipant).FirstOrDefault(),
            db.Organisations.Where(o => o.Id == a.OwnerOrganisationId).Select(o => o.Slug).FirstOrDefault(),
            db.Organisations.Where(o => o.Id == a.OwnerOrganisationId).Select(o => o.Name).FirstOrDefault(),
            a.DueOn, a.State, a.Note,
            a.Requests.OrderBy(r => r.RequestId).Select(r => r.RequestId).ToList(),
            a.CreatedAt, a.UpdatedAt));

    /// <summary>A group's public facts, read in the query; members are added for those who may see them.</summary>
    private sealed record GroupFacts(
        int Id, string Slug, string Name, GroupKind Kind, string Purpose, string TermsOfReference, MembershipPolicy Policy, bool MembersOnly, bool IsClosed,
        int MemberCount, DateTime CreatedAt);

    private static readonly System.Linq.Expressions.Expression<Func<Group, GroupFacts>> ReadGroup = g => new GroupFacts(
        g.Id, g.Slug, g.Name, g.Kind, g.Purpose, g.TermsOfReference, g.Policy, g.MembersOnly, g.IsClosed,
        g.Members.Count(m => m.State == MemberState.Active), g.CreatedAt);

    private static async Task<List<GroupResponse>> GroupResponsesAsync(
        IReadOnlyList<GroupFacts> groups, ClaimsPrincipal viewer, AppDbContext db, GroupAccess access, CancellationToken cancellationToken)
    {
        var visibility = await access.VisibilityAsync(viewer, cancellationToken);
        var shown = groups.Where(g => visibility.CanSee(g.Id, g.MembersOnly)).Select(g => g.Id).ToList();
        var members = (await (
                from member in db.GroupMembers
                join user in db.Users on member.UserId equals user.Id
                where shown.Contains(member.GroupId) && member.State == MemberState.Active
                select new { member.Id, member.GroupId, Name = user.DeletedAt == null ? user.DisplayName : User.FormerParticipant, member.Role, member.JoinedAt })
            .ToListAsync(cancellationToken))
            .OrderBy(m => m.Role).ThenBy(m => m.JoinedAt).ThenBy(m => m.Id)  // chair first: roles are stored as codes, so ordered here
            .ToLookup(m => m.GroupId, m => new MemberResponse(m.Name, m.Role.ToCode(), m.JoinedAt));
        // Terms of reference are members-only content, as on the group's page: GroupPermissions.CanSeeContent.
        return [.. groups.Select(g => new GroupResponse(
            g.Slug, g.Name, g.Kind.ToCode(), g.Purpose, shown.Contains(g.Id) ? g.TermsOfReference : null, g.Policy.ToCode(), g.MembersOnly, g.IsClosed,
            g.MemberCount, shown.Contains(g.Id) ? [.. members[g.Id]] : null, g.CreatedAt, $"/groups/{g.Slug}", $"/groups/{g.Slug}/meetings.ics"))];
    }

    /// <summary>A UTC instant as the wall clock in <paramref name="timeZone"/> shows it, with that zone's offset then.</summary>
    private static DateTimeOffset InZone(DateTime utc, string timeZone)
    {
        var local = MeetingTimes.ToLocal(utc, timeZone);
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), local - utc);
    }

    private static DateOnly? DayOf(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>Midnight in the UK: the clocks never change at midnight there.</summary>
    private static DateTime StartOfDay(DateOnly day) => MeetingTimes.ToUtc(day, TimeOnly.MinValue, MeetingTimes.DefaultTimeZone, out _);
}
