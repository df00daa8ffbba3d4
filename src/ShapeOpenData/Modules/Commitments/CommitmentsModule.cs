using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Organisations;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Commitments;

/// <summary>
/// Commitments and outcomes (DESIGN §4.7): organisations' engagement plans, the commitments in them with milestones,
/// progress updates and completion, and independent assessments on the OGP Independent Reporting Mechanism's scales —
/// every promise public, dated and tracked to completion.
/// </summary>
public static class CommitmentsModule
{
    public static WebApplicationBuilder AddCommitments(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<CommitmentOptions>(builder.Configuration.GetSection("Commitments"));
        services.AddScoped<PlanWorkflow>();
        services.AddScoped<CommitmentWorkflow>();
        services.AddScoped<CommitmentReadModel>();
        services.AddScoped<MilestoneReminders>();
        services.AddScoped<IPersonalData, CommitmentsPersonalData>();
        services.AddScoped<IDemoContent, DemoCommitments>();
        services.AddScheduledWork("sent milestone reminders", TimeSpan.FromHours(1), (s, ct) => s.GetRequiredService<MilestoneReminders>().SendDueAsync(ct));
        services.AddSingleton(new NavigationItem("Commitments", "/commitments", 50));
        CommitmentContributions.Add(services);
        return builder;
    }

    public static WebApplication MapCommitments(this WebApplication app)
    {
        CommitmentFeeds.Map(app);
        CommitmentsApi.Map(app);
        return app;
    }
}

public sealed class CommitmentOptions
{
    /// <summary>How many days before a milestone's due date its lead organisation's publishers are reminded.</summary>
    public int MilestoneReminderDays { get; set; } = 14;
}

internal sealed class EngagementPlanMapping : IEntityTypeConfiguration<EngagementPlan>
{
    public void Configure(EntityTypeBuilder<EngagementPlan> plan)
    {
        plan.Property(p => p.Slug).HasMaxLength(EngagementPlan.SlugMaxLength).IsRequired();
        plan.HasIndex(p => p.Slug).IsUnique();
        plan.Property(p => p.Title).HasMaxLength(EngagementPlan.TitleMaxLength).IsRequired();
        plan.Property(p => p.Summary).HasMaxLength(EngagementPlan.SummaryMaxLength).IsRequired();
        plan.HasIndex(p => p.OrganisationId);
        plan.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommitmentMapping : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> commitment)
    {
        commitment.Property(c => c.Reference).HasMaxLength(Commitment.ReferenceMaxLength).IsRequired();
        commitment.HasIndex(c => c.Reference).IsUnique();
        commitment.Property(c => c.Title).HasMaxLength(Commitment.TitleMaxLength).IsRequired();
        commitment.Property(c => c.Description).HasMaxLength(Commitment.DescriptionMaxLength).IsRequired();
        commitment.Property(c => c.Completion).HasConversion<CodeConverter<Completion>>().HasMaxLength(20);
        commitment.HasIndex(c => c.PlanId);
        commitment.HasIndex(c => c.LeadOrganisationId);
        commitment.HasOne<EngagementPlan>().WithMany().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Restrict);
        commitment.HasOne<Organisation>().WithMany().HasForeignKey(c => c.LeadOrganisationId).OnDelete(DeleteBehavior.Restrict);
        commitment.HasMany(c => c.Supporters).WithOne().HasForeignKey(s => s.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        commitment.HasMany(c => c.Milestones).WithOne().HasForeignKey(m => m.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        commitment.HasMany(c => c.Updates).WithOne().HasForeignKey(u => u.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        commitment.HasMany(c => c.Assessments).WithOne().HasForeignKey(a => a.CommitmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommitmentSupporterMapping : IEntityTypeConfiguration<CommitmentSupporter>
{
    public void Configure(EntityTypeBuilder<CommitmentSupporter> supporter)
    {
        supporter.HasKey(s => new { s.CommitmentId, s.OrganisationId });
        supporter.HasIndex(s => s.OrganisationId);
        supporter.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MilestoneMapping : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> milestone)
    {
        milestone.ToTable("CommitmentMilestones");
        milestone.HasIndex(m => new { m.CommitmentId, m.Number }).IsUnique();
        milestone.HasIndex(m => new { m.State, m.DueOn });
        milestone.Property(m => m.Title).HasMaxLength(Milestone.TitleMaxLength).IsRequired();
        milestone.Property(m => m.Evidence).HasMaxLength(Milestone.EvidenceMaxLength);
        milestone.Property(m => m.State).HasConversion<CodeConverter<MilestoneState>>().HasMaxLength(20);
    }
}

internal sealed class ProgressUpdateMapping : IEntityTypeConfiguration<ProgressUpdate>
{
    public void Configure(EntityTypeBuilder<ProgressUpdate> update)
    {
        update.ToTable("CommitmentUpdates");
        update.HasIndex(u => u.CommitmentId);
        update.Property(u => u.Text).HasMaxLength(ProgressUpdate.TextMaxLength).IsRequired();
        update.Property(u => u.Evidence).HasMaxLength(ProgressUpdate.EvidenceMaxLength);
        update.HasOne<User>().WithMany().HasForeignKey(u => u.PostedById).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AssessmentMapping : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> assessment)
    {
        assessment.ToTable("CommitmentAssessments");
        assessment.HasIndex(a => a.CommitmentId);
        assessment.Property(a => a.Kind).HasConversion<CodeConverter<AssessmentKind>>().HasMaxLength(20);
        assessment.Property(a => a.Specificity).HasConversion<CodeConverter<Specificity>>().HasMaxLength(20);
        assessment.Property(a => a.PotentialImpact).HasConversion<CodeConverter<PotentialImpact>>().HasMaxLength(20);
        assessment.Property(a => a.Completion).HasConversion<CodeConverter<Completion>>().HasMaxLength(20);
        assessment.Property(a => a.OpenedGovernment).HasConversion<CodeConverter<OpenedGovernment>>().HasMaxLength(20);
        assessment.Property(a => a.Summary).HasMaxLength(Assessment.SummaryMaxLength).IsRequired();
        assessment.HasOne<User>().WithMany().HasForeignKey(a => a.AssessorId).OnDelete(DeleteBehavior.SetNull);
    }
}
