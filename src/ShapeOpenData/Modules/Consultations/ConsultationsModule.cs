using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Consultations.Statements;
using ShapeOpenData.Modules.Organisations;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations;

/// <summary>
/// Consultations (DESIGN §4.5): a draft policy in sections, open for comments on its sections, a short survey and
/// statements to vote on; opinion groups computed from the votes as Pol.is does; and the outcome, "We asked, you said,
/// we did", linked to the new version of the document.
/// </summary>
public static class ConsultationsModule
{
    public const string ItemType = ItemTypes.Consultation;
    public const string SectionItemType = ItemTypes.ConsultationSection;
    public const string StatementItemType = ItemTypes.Statement;

    public static WebApplicationBuilder AddConsultations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<ConsultationWorkflow>();
        services.AddScoped<Participants>();
        services.Configure<ConsultationOptions>(builder.Configuration.GetSection("Consultations"));
        services.AddScoped<OpinionGroupComputation>();
        services.AddSingleton<VoteSnapshots>();
        services.AddScoped<PolisInterop>();
        services.AddHostedService<OpinionGroupWatch>();
        services.AddScoped<SurveyWorkflow>();
        services.AddScoped<SurveyResults>();
        services.AddScoped<IPersonalData, ConsultationsPersonalData>();
        services.AddScoped<OutcomeCounts>();
        services.AddSingleton(new NavigationItem("Consultations", "/consultations", 40));
        ConsultationContributions.Add(services);
        // Statements and votes: read and submitted on the board, votes written in shared transactions, moderated as comments are.
        services.AddScoped<StatementBoard>();
        services.AddScoped<Voting>();
        services.AddSingleton<VoteBatches>();
        services.AddScoped<IModeratable, StatementModeration>();
        services.AddScoped<IDemoContent, DemoConsultations>();
        return builder;
    }

    public static WebApplication MapConsultations(this WebApplication app)
    {
        ConsultationFeeds.Map(app);
        OpinionGroupsApi.Map(app);
        SurveyExports.Map(app);
        StatementsApi.Map(app);
        ConsultationsApi.Map(app);
        return app;
    }
}

internal sealed class ConsultationMapping : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> consultation)
    {
        consultation.Property(c => c.Slug).HasMaxLength(Consultation.SlugMaxLength).IsRequired();
        consultation.HasIndex(c => c.Slug).IsUnique();
        consultation.Property(c => c.Title).HasMaxLength(Consultation.TitleMaxLength).IsRequired();
        consultation.Property(c => c.Summary).HasMaxLength(Consultation.SummaryMaxLength).IsRequired();
        consultation.Property(c => c.State).HasConversion<CodeConverter<ConsultationState>>().HasMaxLength(20);
        consultation.HasIndex(c => new { c.State, c.ClosesOn });
        consultation.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        consultation.OwnsOne(c => c.Outcome, outcome =>
        {
            outcome.Property(o => o.YouSaid).HasMaxLength(ConsultationOutcome.TextMaxLength).HasColumnName("OutcomeYouSaid");
            outcome.Property(o => o.WeDid).HasMaxLength(ConsultationOutcome.TextMaxLength).HasColumnName("OutcomeWeDid");
            outcome.Property(o => o.PublishedAt).HasColumnName("OutcomePublishedAt");
        });
    }
}

internal sealed class DocumentVersionMapping : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> version)
    {
        version.HasIndex(v => new { v.ConsultationId, v.Number }).IsUnique();
        version.Property(v => v.Note).HasMaxLength(DocumentVersion.NoteMaxLength);
        version.HasOne<Consultation>().WithMany().HasForeignKey(v => v.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        version.HasOne<User>().WithMany().HasForeignKey(v => v.PublishedById).OnDelete(DeleteBehavior.SetNull);
        version.HasMany(v => v.Sections).WithOne().HasForeignKey(s => s.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SectionMapping : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> section)
    {
        section.ToTable("ConsultationSections");
        section.HasIndex(s => new { s.VersionId, s.Number });
        section.Property(s => s.Heading).HasMaxLength(Section.HeadingMaxLength).IsRequired();
        section.Property(s => s.Body).HasMaxLength(Section.BodyMaxLength).IsRequired();
    }
}

internal sealed class SurveyQuestionMapping : IEntityTypeConfiguration<SurveyQuestion>
{
    public void Configure(EntityTypeBuilder<SurveyQuestion> question)
    {
        question.HasIndex(q => new { q.ConsultationId, q.Number });
        question.Property(q => q.Text).HasMaxLength(SurveyQuestion.TextMaxLength).IsRequired();
        question.Property(q => q.Choices).HasMaxLength(SurveyQuestion.ChoicesMaxLength).IsRequired();
        question.Property(q => q.Kind).HasConversion<CodeConverter<QuestionKind>>().HasMaxLength(20);
        question.HasOne<Consultation>().WithMany().HasForeignKey(q => q.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ParticipantMapping : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> participant)
    {
        participant.ToTable("ConsultationParticipants");
        // One participant per person and consultation, and each number once: the database decides.
        participant.HasIndex(p => new { p.ConsultationId, p.UserId }).IsUnique();
        participant.HasIndex(p => new { p.ConsultationId, p.Number }).IsUnique();
        participant.HasIndex(p => p.UserId);
        participant.Property(p => p.Consent).HasConversion<CodeConverter<Consent>>().HasMaxLength(20);
        participant.HasOne<Consultation>().WithMany().HasForeignKey(p => p.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        participant.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ResponseMapping : IEntityTypeConfiguration<Response>
{
    public void Configure(EntityTypeBuilder<Response> response)
    {
        response.ToTable("ConsultationResponses");
        response.HasIndex(r => r.ParticipantId).IsUnique();
        response.HasIndex(r => r.ConsultationId);
        response.HasOne<Consultation>().WithMany().HasForeignKey(r => r.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        response.HasOne<Participant>().WithMany().HasForeignKey(r => r.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        response.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AnswerMapping : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> answer)
    {
        answer.ToTable("SurveyAnswers");
        answer.HasIndex(a => new { a.ResponseId, a.QuestionId }).IsUnique();
        answer.HasIndex(a => a.QuestionId);
        answer.Property(a => a.Value).HasMaxLength(Answer.ValueMaxLength).IsRequired();
        answer.HasOne<SurveyQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StatementMapping : IEntityTypeConfiguration<Statement>
{
    public void Configure(EntityTypeBuilder<Statement> statement)
    {
        statement.HasIndex(s => new { s.ConsultationId, s.Number }).IsUnique();
        statement.Property(s => s.Text).HasMaxLength(Statement.ImportedTextMaxLength).IsRequired();
        statement.HasModeration(s => s.Moderation);
        statement.HasOne<Consultation>().WithMany().HasForeignKey(s => s.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        statement.HasOne<Participant>().WithMany().HasForeignKey(s => s.ParticipantId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class StatementVoteMapping : IEntityTypeConfiguration<StatementVote>
{
    public void Configure(EntityTypeBuilder<StatementVote> vote)
    {
        // One vote per person and statement: the key decides, however many arrive at once.
        vote.HasKey(v => new { v.StatementId, v.ParticipantId });
        vote.HasIndex(v => new { v.ConsultationId, v.VotedAt });
        vote.HasIndex(v => v.ParticipantId);
        vote.Property(v => v.Choice).HasConversion<short>();
        vote.HasOne<Statement>().WithMany().HasForeignKey(v => v.StatementId).OnDelete(DeleteBehavior.Cascade);
        vote.HasOne<Participant>().WithMany().HasForeignKey(v => v.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OpinionGroupRunMapping : IEntityTypeConfiguration<OpinionGroupRun>
{
    public void Configure(EntityTypeBuilder<OpinionGroupRun> run)
    {
        run.HasKey(r => r.ConsultationId);
        // Bounded by the engine: a handful of groups with their statements, and a summary of the map.
        run.Property(r => r.Result).HasMaxLength(1_000_000).IsRequired();
        run.Property(r => r.State).HasMaxLength(10_000_000).IsRequired();
        run.HasOne<Consultation>().WithMany().HasForeignKey(r => r.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutcomeChangeMapping : IEntityTypeConfiguration<OutcomeChange>
{
    public void Configure(EntityTypeBuilder<OutcomeChange> change)
    {
        change.HasIndex(c => new { c.ConsultationId, c.Number }).IsUnique();
        change.Property(c => c.Text).HasMaxLength(OutcomeChange.TextMaxLength).IsRequired();
        change.HasOne<Consultation>().WithMany().HasForeignKey(c => c.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }
}
