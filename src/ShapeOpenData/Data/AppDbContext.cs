using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Catalogue;
using ShapeOpenData.Modules.Comments;
using ShapeOpenData.Modules.Commitments;
using ShapeOpenData.Modules.Consultations;
using ShapeOpenData.Modules.DatasetRequests;
using ShapeOpenData.Modules.EthicsAssessments;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Groups;
using ShapeOpenData.Modules.Jurisdiction;
using ShapeOpenData.Modules.Moderation;
using ShapeOpenData.Modules.Notifications;
using ShapeOpenData.Modules.Organisations;
using ShapeOpenData.Modules.Outcomes;
using ShapeOpenData.Modules.Search;
using ShapeOpenData.Modules.Supports;
using ShapeOpenData.Modules.Updates;

namespace ShapeOpenData.Data;

/// <summary>
/// The one database context. Each module maps its own entities in an <see cref="IEntityTypeConfiguration{T}"/>
/// beside them; this class only lists the sets. One subclass per provider keeps each provider's migrations.
/// </summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<User, Role, int>(options), IDataProtectionKeyContext
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<PublisherMembership> PublisherMemberships => Set<PublisherMembership>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<LegalRegime> LegalRegimes => Set<LegalRegime>();
    public DbSet<BankHoliday> BankHolidays => Set<BankHoliday>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Follow> Follows => Set<Follow>();
    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<NotificationSettings> NotificationSettings => Set<NotificationSettings>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<PendingNotification> PendingNotifications => Set<PendingNotification>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<CommentRevision> CommentRevisions => Set<CommentRevision>();
    public DbSet<Support> Supports => Set<Support>();
    public DbSet<ModerationReport> ModerationReports => Set<ModerationReport>();
    public DbSet<ModerationDecision> ModerationDecisions => Set<ModerationDecision>();
    public DbSet<ModerationCase> ModerationCases => Set<ModerationCase>();
    public DbSet<Block> Blocks => Set<Block>();
    public DbSet<DatasetRequest> DatasetRequests => Set<DatasetRequest>();
    public DbSet<RequestTheme> RequestThemes => Set<RequestTheme>();
    public DbSet<RequestEvent> RequestEvents => Set<RequestEvent>();
    public DbSet<RequestTitleTerm> RequestTitleTerms => Set<RequestTitleTerm>();
    public DbSet<RequestDraft> RequestDrafts => Set<RequestDraft>();
    public DbSet<Dataset> Datasets => Set<Dataset>();
    public DbSet<Distribution> Distributions => Set<Distribution>();
    public DbSet<DatasetTheme> DatasetThemes => Set<DatasetTheme>();
    public DbSet<QualityReport> QualityReports => Set<QualityReport>();
    public DbSet<QualityReportEvent> QualityReportEvents => Set<QualityReportEvent>();
    public DbSet<CatalogueImport> CatalogueImports => Set<CatalogueImport>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<GroupMember> GroupMembers => Set<GroupMember>();
    public DbSet<GroupInvitation> GroupInvitations => Set<GroupInvitation>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<MinutesVersion> MinutesVersions => Set<MinutesVersion>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<GroupAction> GroupActions => Set<GroupAction>();
    public DbSet<ActionRequest> ActionRequests => Set<ActionRequest>();
    public DbSet<Consultation> Consultations => Set<Consultation>();
    public DbSet<DocumentVersion> DocumentVersions => Set<DocumentVersion>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<SurveyQuestion> SurveyQuestions => Set<SurveyQuestion>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<Response> Responses => Set<Response>();
    public DbSet<Answer> Answers => Set<Answer>();
    public DbSet<Statement> Statements => Set<Statement>();
    public DbSet<StatementVote> StatementVotes => Set<StatementVote>();
    public DbSet<OpinionGroupRun> OpinionGroupRuns => Set<OpinionGroupRun>();
    public DbSet<OutcomeChange> OutcomeChanges => Set<OutcomeChange>();
    public DbSet<EngagementPlan> EngagementPlans => Set<EngagementPlan>();
    public DbSet<Commitment> Commitments => Set<Commitment>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<ProgressUpdate> ProgressUpdates => Set<ProgressUpdate>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<EthicsAssessment> EthicsAssessments => Set<EthicsAssessment>();
    public DbSet<TeamMember> EthicsTeamMembers => Set<TeamMember>();
    public DbSet<StageAssessment> EthicsStageAssessments => Set<StageAssessment>();
    public DbSet<ItemScore> EthicsItemScores => Set<ItemScore>();
    public DbSet<OutcomeLink> OutcomeLinks => Set<OutcomeLink>();
    public DbSet<PolicyUpdate> PolicyUpdates => Set<PolicyUpdate>();
    public DbSet<UpdateTag> UpdateTags => Set<UpdateTag>();
    public DbSet<Suggestion> Suggestions => Set<Suggestion>();
    public DbSet<SearchDocument> SearchDocuments => Set<SearchDocument>();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AuditModule.GuardAppendOnly(this);
        return SearchIndexing.SaveAsync(this, token => base.SaveChangesAsync(acceptAllChangesOnSuccess, token), cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        // Every write in the service is asynchronous; the search index is kept only there.
        AuditModule.GuardAppendOnly(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite keeps no time zone: every DateTime in this service is UTC, so say so when reading it back.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value, value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        value => value, value => value.HasValue ? DateTime.SpecifyKind(value.Value, DateTimeKind.Utc) : null);
}

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
