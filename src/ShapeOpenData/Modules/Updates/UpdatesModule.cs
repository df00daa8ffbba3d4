using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Organisations;

namespace ShapeOpenData.Modules.Updates;

/// <summary>
/// Policy updates (DESIGN §4.6): posts by the programme team and publishers, with tags, comments and suggestions for
/// improvement that get a recorded answer — noted, adopted, or not adopted and why — shown on the post, counted on the
/// organisation's record and usable as inputs of the chains from what people asked to what came of it.
/// </summary>
public static class UpdatesModule
{
    public static WebApplicationBuilder AddUpdates(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<UpdateWorkflow>();
        services.AddScoped<UpdateReadModel>();
        services.AddScoped<IPersonalData, UpdatesPersonalData>();
        services.AddScoped<IDemoContent, DemoUpdates>();
        UpdateContributions.Add(services);
        return builder;
    }

    public static WebApplication MapUpdates(this WebApplication app)
    {
        UpdateFeeds.Map(app);
        UpdatesApi.Map(app);
        return app;
    }
}

internal sealed class PolicyUpdateMapping : IEntityTypeConfiguration<PolicyUpdate>
{
    public void Configure(EntityTypeBuilder<PolicyUpdate> update)
    {
        update.Property(u => u.Slug).HasMaxLength(PolicyUpdate.SlugMaxLength).IsRequired();
        update.HasIndex(u => u.Slug).IsUnique();
        update.Property(u => u.Title).HasMaxLength(PolicyUpdate.TitleMaxLength).IsRequired();
        update.Property(u => u.Summary).HasMaxLength(PolicyUpdate.SummaryMaxLength).IsRequired();
        update.Property(u => u.Body).HasMaxLength(PolicyUpdate.BodyMaxLength).IsRequired();
        update.HasIndex(u => u.PublishedAt);
        update.HasIndex(u => u.OrganisationId);
        update.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        update.HasOne<User>().WithMany().HasForeignKey(u => u.AuthorId).OnDelete(DeleteBehavior.SetNull);
        update.HasMany(u => u.Tags).WithOne().HasForeignKey(t => t.UpdateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UpdateTagMapping : IEntityTypeConfiguration<UpdateTag>
{
    public void Configure(EntityTypeBuilder<UpdateTag> tag)
    {
        tag.HasKey(t => new { t.UpdateId, t.Tag });
        tag.Property(t => t.Tag).HasMaxLength(PolicyUpdate.TagMaxLength);
        tag.HasIndex(t => t.Tag);
    }
}

internal sealed class SuggestionMapping : IEntityTypeConfiguration<Suggestion>
{
    public void Configure(EntityTypeBuilder<Suggestion> suggestion)
    {
        suggestion.ToTable("UpdateSuggestions");
        suggestion.HasIndex(s => s.UpdateId);
        suggestion.Property(s => s.Text).HasMaxLength(Suggestion.TextMaxLength).IsRequired();
        suggestion.Property(s => s.Reason).HasMaxLength(Suggestion.ReasonMaxLength);
        suggestion.Property(s => s.Answer).HasConversion<CodeConverter<SuggestionAnswer>>().HasMaxLength(20);
        suggestion.HasOne<PolicyUpdate>().WithMany().HasForeignKey(s => s.UpdateId).OnDelete(DeleteBehavior.Cascade);
        suggestion.HasOne<User>().WithMany().HasForeignKey(s => s.AuthorId).OnDelete(DeleteBehavior.Restrict);
        suggestion.HasOne<User>().WithMany().HasForeignKey(s => s.AnsweredById).OnDelete(DeleteBehavior.SetNull);
    }
}
