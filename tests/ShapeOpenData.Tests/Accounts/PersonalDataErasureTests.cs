using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Catalogue;
using ShapeOpenData.Modules.Comments;
using ShapeOpenData.Modules.Groups;
using ShapeOpenData.Modules.Moderation;
using ShapeOpenData.Modules.Notifications;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Modules.Supports;
using ShapeOpenData.Tests.Commitments;
using ShapeOpenData.Tests.Consultations;
using ShapeOpenData.Tests.EthicsAssessments;
using ShapeOpenData.Tests.Groups;

namespace ShapeOpenData.Tests.Accounts;

/// <summary>
/// "Download my data" and "delete my account" against every table that can hold something of a person: each column
/// that names a person (a foreign key to the people table, or a column named like one) is listed here with where the
/// download shows it and what deletion must leave of it. A column the model gains without an entry here fails the test,
/// so no new table can be forgotten.
/// </summary>
[Collection(SharedService.Catalogue)]
public sealed partial class PersonalDataErasureTests(CatalogueServiceFactory service)
{
    private const string Name = "Lee Leaver-Erasure";
    private const string Bio = "Bio sentence only Lee wrote";
    private const string OrganisationName = "Lee's own consultancy Ltd";
    private const string JoinMessage = "Join message only Lee wrote";
    private const string UseSentence = "Use sentence only Lee wrote";
    private const string ReportReason = "Report reason only Lee wrote";
    private const string DraftTitle = "Draft title only Lee wrote";
    private const string FirstWording = "First wording only Lee wrote";
    private const string ReviewReason = "Review reason only Lee wrote";

    private enum After
    {
        /// <summary>No row names the person any more.</summary>
        Removed,

        /// <summary>The rows stay (a public contribution or a record of work), naming only the anonymised account.</summary>
        Kept,
    }

    /// <param name="Export">Where "download my data" shows it: a path of JSON properties that must not be empty.</param>
    private sealed record Expectation(string Export, After After);

    private static readonly Dictionary<string, Expectation> Expected = new(StringComparer.Ordinal)
    {
        ["AspNetUserClaims.UserId"] = new("account.claims", After.Removed),
        ["AspNetUserLogins.UserId"] = new("account.logins", After.Removed),
        ["AspNetUserRoles.UserId"] = new("account.roles", After.Removed),
        ["AspNetUserTokens.UserId"] = new("account.signInSecretsHeld", After.Removed),
        ["ApiTokens.UserId"] = new("account.apiTokens", After.Removed),
        ["PublisherMemberships.UserId"] = new("account.publishesFor", After.Removed),
        ["AuditEntries.ActorId"] = new("account.activity", After.Kept),
        ["CatalogueImports.RequestedById"] = new("quality_reports.catalogueImportsAskedFor", After.Kept),
        ["QualityReports.ReporterId"] = new("quality_reports.reported", After.Kept),
        ["QualityReportEvents.ActorId"] = new("quality_reports.events", After.Kept),
        ["Comments.AuthorId"] = new("comments.written", After.Kept),
        ["ConsultationParticipants.UserId"] = new("consultations.participations", After.Removed),
        ["CommitmentUpdates.PostedById"] = new("commitments.updatesPosted", After.Kept),
        ["CommitmentAssessments.AssessorId"] = new("commitments.assessmentsRecorded", After.Kept),
        ["OutcomeLinks.LinkedById"] = new("outcomes.linksMade", After.Kept),
        ["PolicyUpdates.AuthorId"] = new("updates.updatesPosted", After.Kept),
        ["UpdateSuggestions.AuthorId"] = new("updates.suggestions", After.Kept),
        ["UpdateSuggestions.AnsweredById"] = new("updates.suggestionsAnswered", After.Kept),
        ["DocumentVersions.PublishedById"] = new("consultations.versionsPublished", After.Kept),
        ["ModerationReports.ReporterId"] = new("moderation.reported", After.Removed),
        ["ModerationDecisions.AuthorId"] = new("moderation.decisionsAboutYou", After.Kept),
        ["ModerationDecisions.ModeratorId"] = new("moderation.decisionsYouMade", After.Kept),
        ["ModerationCases.AuthorId"] = new("moderation.decisionsAboutYou", After.Kept),
        ["Blocks.UserId"] = new("moderation.blocks", After.Kept),
        ["EthicsStageAssessments.AssessedById"] = new("ethics_assessments.stagesAssessed", After.Kept),
        ["EthicsTeamMembers.UserId"] = new("ethics_assessments.teams", After.Removed),
        ["DatasetRequests.RequesterId"] = new("requests.asked", After.Kept),
        ["DatasetRequests.RecordedById"] = new("requests.recorded", After.Kept),
        ["DatasetRequests.AssignedPublisherId"] = new("requests.assigned", After.Kept),
        ["RequestDrafts.UserId"] = new("requests.draft", After.Removed),
        ["RequestEvents.ActorId"] = new("requests.events", After.Kept),
        ["Follows.UserId"] = new("follows", After.Removed),
        ["GroupActions.OwnerUserId"] = new("groups_and_meetings.actionsOwned", After.Kept),
        ["GroupInvitations.Email"] = new("groups_and_meetings.invitationsReceived", After.Removed),
        ["GroupInvitations.InvitedById"] = new("groups_and_meetings.invitationsSent", After.Kept),
        ["GroupMembers.UserId"] = new("groups_and_meetings.groups", After.Removed),
        ["MinutesVersions.PublishedById"] = new("groups_and_meetings.minutesPublished", After.Kept),
        ["Registrations.UserId"] = new("groups_and_meetings.meetings", After.Removed),
        ["NotificationSettings.UserId"] = new("notifications.settings", After.Removed),
        ["NotificationPreferences.UserId"] = new("notifications.preferences", After.Removed),
        ["OutboxEmails.UserId"] = new("notifications.emails", After.Removed),
        ["Notices.UserId"] = new("notifications.notices", After.Removed),
        ["Supports.UserId"] = new("supports", After.Kept),
    };

    [GeneratedRegex("(UserId|ById|AuthorId|ActorId|ReporterId|RequesterId|PublisherId|OwnerId)$")]
    private static partial Regex PersonColumn();

    /// <summary>Every column of the model that names a person: foreign keys to the people table, and columns named like one.</summary>
    private static List<(string Table, string Column)> PersonColumns(AppDbContext db)
    {
        var people = db.Model.FindEntityType(typeof(User))!;
        var found = new SortedSet<(string, string)>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e != people && e.GetTableName() is not null))
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var columns = entity.GetForeignKeys().Where(fk => fk.PrincipalEntityType == people).SelectMany(fk => fk.Properties)
                .Concat(entity.GetProperties().Where(p => (p.ClrType == typeof(int) || p.ClrType == typeof(int?)) && PersonColumn().IsMatch(p.Name)))
                .Concat(entity.GetProperties().Where(p => p.ClrType == typeof(string) && p.Name.EndsWith("Email", StringComparison.Ordinal)));
            foreach (var property in columns)
            {
                found.Add((table.Name, property.GetColumnName(table)!));
            }
        }
        return [.. found];
    }

    // Table and column names come from the model, never from input.
    private static async Task<int> CountAsync(AppDbContext db, string table, string column, object value)
    {
        var sql = $"SELECT COUNT(*) AS \"Value\" FROM \"{table}\" WHERE \"{column}\" = {{0}}";
        return (await db.Database.SqlQueryRaw<int>(sql, value).ToListAsync()).Single();
    }

    [Fact]
    public async Task EveryColumnNamingAPerson_HasAnExpectation()
    {
        var columns = await service.WithDatabaseAsync(db => Task.FromResult(PersonColumns(db).Select(c => $"{c.Table}.{c.Column}").ToList()));

        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), columns.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DownloadShowsEverything_AndDeletingLeavesNothingThatIdentifies()
    {
        var (leaver, waiter, meetingId, commentId) = await ArrangeSomeoneWithDataEverywhereAsync();
        var columns = await service.WithDatabaseAsync(db => Task.FromResult(PersonColumns(db)));
        var held = await service.WithDatabaseAsync(async db =>
        {
            var counts = new Dictionary<string, int>();
            foreach (var (table, column) in columns)
            {
                counts[$"{table}.{column}"] = await CountAsync(db, table, column, column.EndsWith("Email", StringComparison.Ordinal) ? leaver.Email : leaver.Id);
            }
            return counts;
        });
        Assert.Empty(held.Where(c => c.Value == 0).Select(c => c.Key));

        var session = service.NewSession();
        await session.SignInAsync(leaver);
        var download = await session.Http.GetStringAsync("/account/download-data");
        var export = JsonDocument.Parse(download).RootElement;
        Assert.Empty(Expected.Where(e => IsEmpty(At(export, e.Value.Export))).Select(e => $"{e.Key} is not in the download at {e.Value.Export}"));
        foreach (var written in new[] { leaver.Email, Name, Bio, OrganisationName, JoinMessage, UseSentence, ReportReason, DraftTitle, FirstWording, ReviewReason })
        {
            Assert.Contains(JsonSerializer.Serialize(written)[1..^1], download, StringComparison.Ordinal);
        }

        var deleted = await session.SubmitAsync(await session.GetAsync("/account/delete"), ("Password", ServiceFactory.Password));
        Assert.Equal("Your account has been deleted", deleted.Flash);

        var left = await service.WithDatabaseAsync(async db =>
        {
            var counts = new Dictionary<string, int>();
            foreach (var (table, column) in columns)
            {
                counts[$"{table}.{column}"] = await CountAsync(db, table, column, column.EndsWith("Email", StringComparison.Ordinal) ? leaver.Email : leaver.Id);
            }
            return counts;
        });
        Assert.Empty(Expected.Where(e => e.Value.After == After.Removed && left[e.Key] > 0).Select(e => $"{e.Key} still has {left[e.Key]}"));
        Assert.Empty(Expected.Where(e => e.Value.After == After.Kept && left[e.Key] == 0).Select(e => $"{e.Key} lost the public record"));
        Assert.Empty(await TextStillHoldingAsync(leaver.Email, Name, Bio, OrganisationName, JoinMessage, UseSentence, ReportReason, DraftTitle, ReviewReason));
        Assert.Equal(0, await service.WithDatabaseAsync(db => db.CommentRevisions.CountAsync(r => r.CommentId == commentId)));

        // The place they held went to the person waiting, who was told.
        var meeting = await service.MeetingAsync(meetingId);
        Assert.Equal(RegistrationState.Registered, meeting.Registrations.Single(r => r.UserId == waiter.Id).State);
        Assert.Equal(1, meeting.RegisteredCount);
        await service.Mail.WaitForAsync(waiter.Email, "You have a place");
        var goodbye = await service.Mail.WaitForAsync(leaver.Email, "Your Shape open data account has been deleted");
        Assert.Contains("group memberships", goodbye.TextBody, StringComparison.Ordinal);
    }

    private static JsonElement? At(JsonElement root, string path)
    {
        JsonElement? at = root;
        foreach (var name in path.Split('.'))
        {
            at = at is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var next) ? next : null;
        }
        return at;
    }

    private static bool IsEmpty(JsonElement? value) => value switch
    {
        null => true,
        { ValueKind: JsonValueKind.Null or JsonValueKind.False } => true,
        { ValueKind: JsonValueKind.Array } a => a.GetArrayLength() == 0,
        { ValueKind: JsonValueKind.Object } o => !o.EnumerateObject().Any(),
        _ => false,
    };

    /// <summary>Every text column of every table that still holds one of <paramref name="words"/>.</summary>
    private Task<List<string>> TextStillHoldingAsync(params string[] words) => service.WithDatabaseAsync(async db =>
    {
        var found = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string)))
            {
                var column = property.GetColumnName(table);
                for (var i = 0; i < words.Length; i++)
                {
                    var sql = $"SELECT COUNT(*) AS \"Value\" FROM \"{table.Name}\" WHERE LOWER(\"{column}\") LIKE {{0}}";
                    var count = (await db.Database.SqlQueryRaw<int>(sql, $"%{words[i].ToLowerInvariant()}%").ToListAsync()).Single();
                    if (count > 0) found.Add($"{table.Name}.{column} holds \"{words[i]}\"");
                }
            }
        }
        return found;
    });

    /// <summary>
    /// Someone who did a bit of everything: asked, supported, commented and reported, drafted, joined and was invited,
    /// ran a group (minutes, actions, invitations), held a place someone else waits for, worked as a publisher, and ran and
    /// took part in a consultation, and assessed a project's data ethics.
    /// </summary>
    private async Task<(Person Leaver, Person Waiter, int MeetingId, int CommentId)> ArrangeSomeoneWithDataEverywhereAsync()
    {
        var leaver = await service.CreatePersonAsync(Roles.Publisher, "department-for-transport", twoFactor: true, name: Name);
        var other = await service.CreatePersonAsync(withPassword: false);
        var waiter = await service.CreatePersonAsync(withPassword: false);
        await service.WithServicesAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<User>>();
            var user = (await users.FindByIdAsync(leaver.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))!;
            user.Bio = Bio;
            user.OrganisationName = OrganisationName;
            await users.UpdateAsync(user);
            await users.AddClaimAsync(user, new Claim("test-claim", "held"));
            await users.AddLoginAsync(user, new UserLoginInfo("test-provider", $"key-{leaver.Id}", "Test provider"));
            return await s.GetRequiredService<ApiTokens>().IssueAsync(leaver.Id, "Leaver's script");
        });
        var asLeaver = await service.PrincipalAsync(leaver);
        var asOther = await service.PrincipalAsync(other);

        // Requests: one asked, one of someone else's supported, recorded and assigned to them; a draft.
        await service.SubmitRequestAsync(leaver);
        var othersRequest = await service.SubmitRequestAsync(other);
        await service.WithServicesAsync(s => s.GetRequiredService<Supporting>().SupportAsync(DatasetRequestsModule.ItemType, othersRequest, asLeaver, UseSentence));
        await service.WithDatabaseAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"DatasetRequests\" SET \"RecordedById\" = {0}, \"AssignedPublisherId\" = {0} WHERE \"Id\" = {1}", leaver.Id, othersRequest);
            db.RequestDrafts.Add(new RequestDraft { UserId = leaver.Id, Answers = JsonSerializer.Serialize(new { title = DraftTitle }), UpdatedAt = DateTime.UtcNow });
            db.NotificationSettings.Add(new NotificationSettings { UserId = leaver.Id, EmailOff = false });
            db.NotificationPreferences.Add(new NotificationPreference { UserId = leaver.Id, Kind = "updates", Choice = Choice.Weekly });
            db.CatalogueImports.Add(new CatalogueImport { Source = "leaver's import", State = ImportState.Finished, RequestedById = leaver.Id, StartedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        // Comments: one written then reworded, hidden by a moderator and a review asked for; someone else's reported, and
        // (as a moderator themselves) hidden; and a block on their account.
        var moderator = await service.PrincipalAsync(await service.CreatePersonAsync(Roles.Moderator, twoFactor: true));
        var commentId = await service.WithServicesAsync(async s =>
        {
            var threads = s.GetRequiredService<CommentThreads>();
            var desk = s.GetRequiredService<ModerationDesk>();
            var comment = await threads.PostAsync(DatasetRequestsModule.ItemType, othersRequest, null, FirstWording, asLeaver, CancellationToken.None);
            await threads.EditAsync(comment.Id, "Second wording", asLeaver, CancellationToken.None);
            var others = await threads.PostAsync(DatasetRequestsModule.ItemType, othersRequest, null, "Someone else's comment", asOther, CancellationToken.None);
            await desk.ReportAsync("comment", others.Id, ModerationReason.Other, ReportReason, asLeaver, CancellationToken.None);
            await desk.DecideAsync("comment", comment.Id, new Verdict.Hide(ModerationReason.OffTopic, null), moderator, CancellationToken.None);
            var db = s.GetRequiredService<AppDbContext>();
            var hide = await db.ModerationDecisions.SingleAsync(d => d.ItemType == "comment" && d.ItemId == comment.Id);
            await desk.AskForReviewAsync(hide.Id, ReviewReason, asLeaver, CancellationToken.None);
            return comment.Id;
        });
        await service.WithDatabaseAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"AspNetUserRoles\" (\"UserId\", \"RoleId\") SELECT {0}, \"Id\" FROM \"AspNetRoles\" WHERE \"Name\" = 'moderator'", leaver.Id);
            var block = ModerationDecision.Make(ModerationDecision.Account, leaver.Id, DecisionKind.Block, ModerationReason.Spam, null, null, leaver.Id, null, DateTime.UtcNow);
            db.ModerationDecisions.Add(block);
            await db.SaveChangesAsync();
            db.Blocks.Add(Block.Make(leaver.Id, block.Id, ModerationReason.Spam, DateTime.UtcNow, BlockPeriod.OneDay));
            return await db.SaveChangesAsync();
        });
        var asLeaverModerating = await service.PrincipalAsync(leaver);
        await service.WithServicesAsync(async s =>
        {
            var others = await s.GetRequiredService<AppDbContext>().Comments.Where(c => c.Body == "Someone else's comment" && c.TargetId == othersRequest).SingleAsync();
            await s.GetRequiredService<ModerationDesk>().DecideAsync("comment", others.Id, new Verdict.Hide(ModerationReason.Spam, "Lee's note"), asLeaverModerating, CancellationToken.None);
            return true;
        });

        // A quality report on the catalogue.
        var dataset = await service.WithDatabaseAsync(db => db.Datasets.OrderBy(d => d.Id).Select(d => d.Slug).FirstAsync());
        await service.FileReportAsync(leaver, dataset);

        // Groups: asked to join one, invited to another, chair of a third with minutes, an action, an invitation sent and
        // a meeting whose only place they hold while someone waits.
        var (askedTo, _) = await service.CreateGroupAsync(MembershipPolicy.OnRequest);
        await service.GroupsAsync(leaver, (groups, actor) => groups.JoinAsync(askedTo.Slug, JoinMessage, actor));
        var (invitedTo, invitingChair) = await service.CreateGroupAsync(MembershipPolicy.ByInvitation);
        await service.GroupsAsync(invitingChair, (groups, actor) => groups.InviteAsync(invitedTo.Slug, leaver.Email, GroupRole.Member, actor));
        var (chaired, _) = await service.CreateGroupAsync(MembershipPolicy.Open);
        await service.AddMemberAsync(chaired, leaver, GroupRole.Chair);
        await service.GroupsAsync(leaver, (groups, actor) => groups.InviteAsync(chaired.Slug, $"guest-{Guid.NewGuid():N}@example.com", GroupRole.Member, actor));
        await service.AddActionAsync(chaired, leaver, new NewAction("Publish the bus data", leaver.Id, null, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)), []));
        var held = await service.ScheduleAsync(chaired, leaver, capacity: 1, title: "Held meeting");
        await service.RegisterAsync(held, leaver);
        await service.RegisterAsync(held, waiter);
        var past = await service.ScheduleAsync(chaired, leaver, title: "Past meeting");
        await service.WithDatabaseAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"Meetings\" SET \"StartsAt\" = {0}, \"EndsAt\" = {1} WHERE \"Id\" = {2}",
            DateTime.UtcNow.AddDays(-2), DateTime.UtcNow.AddDays(-2).AddHours(2), past.Id));
        await service.PublishMinutesAsync(past, leaver, decisions: "Publish the bus data");

        // Consultations: one they ran and opened (publishing its first version), and a statement they wrote on it.
        var (consultation, _) = await service.CreateConsultationAsync(runner: leaver);
        await service.SubmitStatementAsync(leaver, consultation.Slug, "Timetables should be published as open data");

        // Ethics assessments: the team of one they started and assessed at its start.
        var assessment = await service.StartAssessmentAsync(leaver);
        await service.AssessAsync(assessment, leaver, ShapeOpenData.Modules.EthicsAssessments.ProjectStage.Start);

        // Commitments: a progress update on their organisation's commitment, and (as an assessor) an assessment of it.
        var (plan, colleague) = await service.CreatePlanAsync("department-for-transport");
        var commitment = await service.AddCommitmentAsync(plan, colleague);
        await service.CommitmentsAsync(leaver, (commitments, actor) => commitments.PostUpdateAsync(commitment.Reference, DateOnly.FromDateTime(DateTime.UtcNow), "Drafted.", null, actor));
        await service.WithDatabaseAsync(db => db.Database.ExecuteSqlRawAsync("INSERT INTO \"AspNetUserRoles\" (\"UserId\", \"RoleId\") SELECT {0}, \"Id\" FROM \"AspNetRoles\" WHERE \"Name\" = 'assessor'", leaver.Id));
        await service.CommitmentsAsync(leaver, (commitments, actor) => commitments.AssessAsync(commitment.Reference, new ShapeOpenData.Modules.Commitments.AssessmentDetails(
            ShapeOpenData.Modules.Commitments.AssessmentKind.MidTerm, DateOnly.FromDateTime(DateTime.UtcNow), ShapeOpenData.Modules.Commitments.Specificity.Medium,
            true, false, false, false, ShapeOpenData.Modules.Commitments.PotentialImpact.Minor, ShapeOpenData.Modules.Commitments.Completion.Limited, null, "Early days."), actor));

        // Outcomes: a link they made from a request to their organisation's commitment.
        var asked = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        await service.WithServicesAsync(async s => await s.GetRequiredService<ShapeOpenData.Modules.Outcomes.LinkWorkflow>().LinkAsync(
            new(ItemTypes.Request, $"{asked}", ItemTypes.Commitment, commitment.Reference, "Asked for it"), await service.PrincipalAsync(leaver)));

        // Policy updates: one they posted for their organisation, and a suggestion they made on it and answered.
        await service.WithServicesAsync(async s =>
        {
            var updates = s.GetRequiredService<ShapeOpenData.Modules.Updates.UpdateWorkflow>();
            var actor = await service.PrincipalAsync(leaver);
            var update = await updates.PostAsync(new ShapeOpenData.Modules.Updates.UpdateDetails($"Leaving update {Guid.NewGuid():N}", "Bus data.", "All of it.",
                await service.OrganisationIdAsync("department-for-transport"), ["buses"]), actor);
            var suggestion = await updates.SuggestAsync(update.Slug, "Add the fares.", actor);
            await updates.AnswerAsync(update.Slug, suggestion.Id, ShapeOpenData.Modules.Updates.SuggestionAnswer.Noted, null, actor);
            return true;
        });

        // Email sent to them, kept in the outbox.
        await service.WithServicesAsync(async s =>
        {
            await s.GetRequiredService<Notifier>().NotifyAsync(new Notification($"test:{leaver.Id}", "A note for Lee", "Hello Lee", "all"), [leaver.Id], null);
            return await s.GetRequiredService<AppDbContext>().SaveChangesAsync();
        });
        await service.DrainOutboxAsync();
        return (leaver, waiter, held.Id, commentId);
    }
}
