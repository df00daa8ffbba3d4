using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Api;
using ShapeOpenData.Modules.Comments;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Modules.Supports;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>
/// Dataset requests (DESIGN §4.2): asking, supporting, answering on the legal clock, the public record,
/// notifications, the API, feeds and exports. The module every later one copies.
/// </summary>
public static class DatasetRequestsModule
{
    /// <summary>The item type used by follows, comments, notifications and the audit log.</summary>
    public const string ItemType = ItemTypes.Request;

    public static WebApplicationBuilder AddDatasetRequests(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<RequestWorkflow>();
        services.AddScoped<RequestNotifications>();
        services.AddScoped<RequestQueries>();
        services.AddScoped<SimilarRequests>();
        services.AddSingleton<TitleIndex>();
        services.AddHostedService(s => s.GetRequiredService<TitleIndex>());
        services.AddScoped<RequestItems>();
        services.AddScoped<IFollowable>(s => s.GetRequiredService<RequestItems>());
        services.AddScoped<ICommentable>(s => s.GetRequiredService<RequestItems>());
        services.AddScoped<ISupportable>(s => s.GetRequiredService<RequestItems>());
        services.AddScoped<IPersonalData, RequestsPersonalData>();
        services.AddScoped<ITraceable, RequestTraces>();
        services.AddSingleton<ISearchSource, RequestSearch>();
        services.AddScoped<IKeptLinks, ReleasedAsDatasets>();
        services.AddScoped<IPageSection, RequestsAnsweredByDataset>();
        services.AddScoped<IReaction<CatalogueImported>, LinkAnsweredRequests>();
        services.AddScoped<ICountable, RequestFigures>();
        services.AddScoped<IDemoContent, DemoRequests>();
        services.AddScoped<ICkanActions, CkanDataRequests>();
        services.AddScoped<IModeratable, RequestModeration>();
        services.AddScheduledWork("re-opened requests whose scheduled release date passed", TimeSpan.FromHours(1), (s, ct) => s.GetRequiredService<RequestWorkflow>().ReopenPastScheduledAsync(ct));
        services.AddSingleton(new NavigationItem("Requests", "/requests", 10));
        return builder;
    }

    public static WebApplication MapDatasetRequests(this WebApplication app)
    {
        DatasetRequestsApi.Map(app.MapGroup("/api/v1/requests").WithTags("Requests"));
        RequestFeeds.Map(app);
        return app;
    }
}

internal sealed class DatasetRequestMapping : IEntityTypeConfiguration<DatasetRequest>
{
    public void Configure(EntityTypeBuilder<DatasetRequest> request)
    {
        request.Property(r => r.Title).HasMaxLength(DatasetRequest.TitleMaxLength).IsRequired();
        request.Property(r => r.NormalizedTitle).HasMaxLength(DatasetRequest.TitleMaxLength).IsRequired();
        request.Property(r => r.Description).HasMaxLength(DatasetRequest.DescriptionMaxLength).IsRequired();
        request.Property(r => r.Benefits).HasMaxLength(DatasetRequest.BenefitsMaxLength);
        request.Property(r => r.RegimeCode).HasMaxLength(20).IsRequired();
        request.Property(r => r.IntendedUse).HasConversion<CodeConverter<IntendedUse>>().HasMaxLength(20);
        request.Property(r => r.ReceivedVia).HasConversion<CodeConverter<ReceivedVia>>().HasMaxLength(20);
        request.Property(r => r.State).HasConversion<CodeConverter<RequestState>>().HasMaxLength(30);
        request.Property(r => r.StateBeforePause).HasConversion<CodeConverter<RequestState>>().HasMaxLength(30);
        request.Property(r => r.Outcome).HasConversion<CodeConverter<Outcome>>().HasMaxLength(30);
        request.Property(r => r.RefusalReason).HasConversion<CodeConverter<RefusalReason>>().HasMaxLength(40);
        request.Property(r => r.OutcomeUrl).HasMaxLength(DatasetRequest.OutcomeUrlMaxLength);
        request.Property(r => r.OutcomeExplanation).HasMaxLength(DatasetRequest.ExplanationMaxLength);
        request.Property(r => r.ComplaintRoute).HasMaxLength(1_000);
        request.Property(r => r.Barriers).HasConversion(
                barriers => string.Join(',', barriers.Select(b => b.ToCode())),
                codes => codes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Codes.Parse<Barrier>).ToList(),
                new ValueComparer<List<Barrier>>((a, b) => a!.SequenceEqual(b!), list => list.Aggregate(0, (hash, b) => HashCode.Combine(hash, b)), list => list.ToList()))
            .HasMaxLength(200);
        request.Property(r => r.Version).IsConcurrencyToken();
        request.HasModeration(r => r.Moderation);

        request.HasOne(r => r.Organisation).WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        request.HasOne<User>().WithMany().HasForeignKey(r => r.RequesterId).OnDelete(DeleteBehavior.Restrict);
        request.HasOne<User>().WithMany().HasForeignKey(r => r.AssignedPublisherId).OnDelete(DeleteBehavior.Restrict);
        request.HasOne<User>().WithMany().HasForeignKey(r => r.RecordedById).OnDelete(DeleteBehavior.Restrict);
        request.HasOne<DatasetRequest>().WithMany().HasForeignKey(r => r.DuplicateOfId).OnDelete(DeleteBehavior.Restrict);
        // The answering dataset is the catalogue's, named by its entity name: the database keeps the foreign key, the
        // code no dependency (the model check in MigrationsTests fails if the name stops matching).
        request.HasOne("ShapeOpenData.Modules.Catalogue.Dataset", null).WithMany().HasForeignKey(nameof(DatasetRequest.DatasetId)).OnDelete(DeleteBehavior.Restrict);
        request.HasMany(r => r.Themes).WithOne().HasForeignKey(t => t.RequestId);
        request.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.RequestId);

        // "Unique ignoring case among open requests", held by the database as well as checked by the form.
        request.HasIndex(r => r.NormalizedTitle).IsUnique().HasFilter("\"State\" <> 'closed'");
        request.HasIndex(r => new { r.State, r.SupportCount });
        request.HasIndex(r => r.SupportCount);
        // What anonymous readers see, most supported first: counted and paged from the index alone. The filter is
        // DatasetRequestPermissions.VisibleTo for them: not private, not hidden by a moderator.
        request.HasIndex(r => new { r.SupportCount, r.Id }, "IX_DatasetRequests_Public_SupportCount")
            .HasFilter("NOT \"IsConfidential\" AND \"Moderation_HiddenAt\" IS NULL AND NOT \"Moderation_AwaitingApproval\"");
        request.HasIndex(r => r.CreatedAt);
        request.HasIndex(r => r.UpdatedAt);
        request.HasIndex(r => r.DueOn);
        request.HasIndex(r => r.OrganisationId);
        request.HasIndex(r => r.RequesterId);
        request.HasIndex(r => r.DatasetId);
    }
}

internal sealed class RequestThemeMapping : IEntityTypeConfiguration<RequestTheme>
{
    public void Configure(EntityTypeBuilder<RequestTheme> theme)
    {
        theme.HasKey(t => new { t.RequestId, t.Theme });
        theme.Property(t => t.Theme).HasConversion<CodeConverter<Theme>>().HasMaxLength(40);
        theme.HasIndex(t => new { t.Theme, t.RequestId });
    }
}

internal sealed class RequestEventMapping : IEntityTypeConfiguration<RequestEvent>
{
    public void Configure(EntityTypeBuilder<RequestEvent> e)
    {
        e.Property(x => x.Kind).HasConversion<CodeConverter<RequestEventKind>>().HasMaxLength(40);
        e.Property(x => x.State).HasConversion<CodeConverter<RequestState>>().HasMaxLength(30);
        e.Property(x => x.Note).HasMaxLength(6_000);
        e.HasIndex(x => new { x.RequestId, x.Id });
        e.HasIndex(x => x.At);
        e.HasOne<User>().WithMany().HasForeignKey(x => x.ActorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RequestTitleTermMapping : IEntityTypeConfiguration<RequestTitleTerm>
{
    public void Configure(EntityTypeBuilder<RequestTitleTerm> term)
    {
        term.HasKey(t => new { t.Term, t.RequestId });
        term.Property(t => t.Term).HasMaxLength(40);
        term.HasOne<DatasetRequest>().WithMany().HasForeignKey(t => t.RequestId);
    }
}

internal sealed class RequestDraftMapping : IEntityTypeConfiguration<RequestDraft>
{
    public void Configure(EntityTypeBuilder<RequestDraft> draft)
    {
        draft.HasKey(d => d.UserId);
        draft.Property(d => d.Answers).HasMaxLength(40_000);
        draft.HasOne<User>().WithOne().HasForeignKey<RequestDraft>(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
