using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Organisations;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.EthicsAssessments;

/// <summary>
/// The data ethics self-assessment (DESIGN §4.8): project teams score their project against the Data Ethics Framework
/// at each stage, see the scores over the stages, export them, and publish them when they choose.
/// </summary>
public static class EthicsAssessmentsModule
{
    /// <summary>The item type in the audit log and in emails' "who may see this" checks.</summary>
    public const string ItemType = "ethics_assessment";

    public static WebApplicationBuilder AddEthicsAssessments(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<EthicsAssessmentWorkflow>();
        services.AddScoped<AssessmentReports>();
        services.AddScoped<IFollowable, EthicsAssessmentItems>();
        services.AddScoped<IPersonalData, EthicsAssessmentsPersonalData>();
        services.AddScoped<IDemoContent, DemoEthicsAssessments>();
        return builder;
    }

    public static WebApplication MapEthicsAssessments(this WebApplication app)
    {
        EthicsAssessmentsApi.Map(app);
        AssessmentExports.Map(app);
        return app;
    }
}

/// <summary>
/// Says who may see an assessment, so that email about a private one reaches only those who may still read it. Nobody
/// follows assessments; the team hears of them as the team.
/// </summary>
internal sealed class EthicsAssessmentItems(AppDbContext db) : IFollowable
{
    public string Type => EthicsAssessmentsModule.ItemType;

    public async Task<bool> CanSeeAsync(int id, ClaimsPrincipal person, CancellationToken cancellationToken) =>
        await db.EthicsAssessments.AsNoTracking().Include(a => a.Team).SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is { } assessment
        && EthicsAssessmentPermissions.CanSee(person, assessment, assessment.HasMember(person.UserId()));

    public async Task<(string Title, string Url)?> DescribeAsync(int id, CancellationToken cancellationToken) =>
        await db.EthicsAssessments.Where(a => a.Id == id).Select(a => new { a.ProjectName, a.Slug }).SingleOrDefaultAsync(cancellationToken) is { } found
            ? (found.ProjectName, EthicsAssessmentWorkflow.UrlOf(found.Slug))
            : null;
}

internal sealed class EthicsAssessmentMapping : IEntityTypeConfiguration<EthicsAssessment>
{
    public void Configure(EntityTypeBuilder<EthicsAssessment> assessment)
    {
        assessment.Property(a => a.Slug).HasMaxLength(Slugs.MaxLength).IsRequired();
        assessment.HasIndex(a => a.Slug).IsUnique();
        assessment.Property(a => a.ProjectName).HasMaxLength(EthicsAssessment.ProjectNameMaxLength).IsRequired();
        assessment.Property(a => a.Description).HasMaxLength(EthicsAssessment.DescriptionMaxLength).IsRequired();
        assessment.Property(a => a.Version).IsConcurrencyToken();
        assessment.HasIndex(a => a.PublishedAt);
        assessment.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        assessment.HasMany(a => a.Team).WithOne().HasForeignKey(m => m.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        assessment.Ignore(a => a.IsPublished);
    }
}

internal sealed class TeamMemberMapping : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> member)
    {
        member.ToTable("EthicsTeamMembers");
        // One place in a team per person: the database decides, even when two members add the same person at once.
        member.HasIndex(m => new { m.AssessmentId, m.UserId }).IsUnique();
        member.HasIndex(m => m.UserId);
        member.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StageAssessmentMapping : IEntityTypeConfiguration<StageAssessment>
{
    public void Configure(EntityTypeBuilder<StageAssessment> stage)
    {
        stage.ToTable("EthicsStageAssessments");
        stage.Property(s => s.Stage).HasConversion<CodeConverter<ProjectStage>>().HasMaxLength(20);
        stage.HasIndex(s => new { s.AssessmentId, s.Stage, s.RecordedAt });
        stage.HasOne<EthicsAssessment>().WithMany().HasForeignKey(s => s.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        stage.HasOne<User>().WithMany().HasForeignKey(s => s.AssessedById).OnDelete(DeleteBehavior.SetNull);
        stage.HasMany(s => s.Scores).WithOne().HasForeignKey(i => i.StageAssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ItemScoreMapping : IEntityTypeConfiguration<ItemScore>
{
    public void Configure(EntityTypeBuilder<ItemScore> score)
    {
        score.ToTable("EthicsItemScores", table => table.HasCheckConstraint("CK_EthicsItemScores_Score", "\"Score\" BETWEEN 0 AND 5"));
        score.HasKey(i => new { i.StageAssessmentId, i.Item });
        score.Property(i => i.Item).HasConversion<CodeConverter<EthicsItem>>().HasMaxLength(30);
        score.Property(i => i.Notes).HasMaxLength(ItemScore.NotesMaxLength);
    }
}
