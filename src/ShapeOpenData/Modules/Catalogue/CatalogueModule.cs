using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Api;
using ShapeOpenData.Modules.Comments;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Modules.Supports;

namespace ShapeOpenData.Modules.Catalogue;

/// <summary>
/// The catalogue and data quality (DESIGN §4.3): datasets imported from CKAN, quality reports on them, the
/// link from an answered request to the data, the CKAN-compatible and DCAT-AP views of the catalogue.
/// </summary>
public static class CatalogueModule
{
    /// <summary>The item type of quality reports in comments, follows, supports and the audit log.</summary>
    public const string ReportItemType = ItemTypes.QualityReport;

    /// <summary>What the audit log calls one run of the catalogue import.</summary>
    public const string ImportItemType = "catalogue_import";

    /// <summary>The demo catalogue: a few hundred datasets in CKAN's package_search shape.</summary>
    public const string DemoCatalogueResource = "ShapeOpenData.Modules.Catalogue.demo-catalogue.json";

    public static WebApplicationBuilder AddCatalogue(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<CatalogueOptions>(builder.Configuration.GetSection("Catalogue"));
        services.AddHttpClient(CkanSources.HttpClientName, client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan; // each try has its own limit, below
                client.DefaultRequestHeaders.UserAgent.ParseAdd("ShapeOpenData-catalogue-import/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(s => SourceAddresses.Handler(s.GetRequiredService<IOptions<CatalogueOptions>>().Value))
            .AddResilienceHandler("ckan-pages", (pipeline, context) =>
            {
                // A page that fails (5xx, 408, 429, no answer, too slow) is tried again after a growing, jittered
                // wait, or after the portal's Retry-After; the waits run on the service's TimeProvider.
                var settings = context.ServiceProvider.GetRequiredService<IOptions<CatalogueOptions>>().Value;
                // One attempt means no retry at all: Polly refuses a retry strategy of none.
                if (settings.ImportAttempts > 1) pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = settings.ImportAttempts - 1,
                    Delay = settings.ImportRetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldRetryAfterHeader = true,
                    // A refused address stays refused: trying again would only delay saying so.
                    ShouldHandle = attempt => ValueTask.FromResult(
                        attempt.Outcome.Exception?.InnerException is not SourceRefusedException && HttpClientResiliencePredicates.IsTransient(attempt.Outcome)),
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(60));
            });
        services.AddScoped<CkanSources>();
        services.AddScoped<CatalogueImporter>();
        services.AddSingleton<CatalogueImports>();
        services.AddHostedService(s => s.GetRequiredService<CatalogueImports>());
        services.AddScoped<DatasetQueries>();
        services.AddScoped<DatasetItems>();
        services.AddScoped<ITraceable>(s => s.GetRequiredService<DatasetItems>());
        services.AddScoped<ISearchable>(s => s.GetRequiredService<DatasetItems>());
        services.AddScoped<IOutcomeKind, DatasetOutcomes>();
        services.AddScoped<ITraceable, ReportTraces>();
        services.AddSingleton<ISearchSource, DatasetSearch>();
        services.AddSingleton<ISearchSource, QualityReportSearch>();
        services.AddScoped<ICountable, CatalogueFigures>();
        services.AddScoped<CkanCatalogue>();
        services.AddScoped<ICkanActions>(s => s.GetRequiredService<CkanCatalogue>());
        services.AddScoped<ICkanPackages>(s => s.GetRequiredService<CkanCatalogue>());
        services.AddScoped<QualityReports>();
        services.AddScoped<ReportItems>();
        services.AddScoped<IFollowable>(s => s.GetRequiredService<ReportItems>());
        services.AddScoped<ICommentable>(s => s.GetRequiredService<ReportItems>());
        services.AddScoped<ISupportable>(s => s.GetRequiredService<ReportItems>());
        services.AddScoped<IModeratable, QualityReportModeration>();
        services.AddScoped<IPersonalData, ReportsPersonalData>();
        services.AddScoped<IDemoContent, DemoCatalogue>();
        services.AddSingleton(new NavigationItem("Datasets", "/datasets", 20));
        return builder;
    }

    public static WebApplication MapCatalogue(this WebApplication app)
    {
        DatasetsApi.Map(app.MapGroup("/api/v1/datasets").WithTags("Datasets"));
        CatalogueDcat.Map(app);
        return app;
    }
}

internal sealed class DatasetMapping : IEntityTypeConfiguration<Dataset>
{
    public void Configure(EntityTypeBuilder<Dataset> dataset)
    {
        dataset.Property(d => d.Slug).HasMaxLength(Slugs.MaxLength).IsRequired();
        dataset.HasIndex(d => d.Slug).IsUnique();
        dataset.Property(d => d.Source).HasMaxLength(300).IsRequired();
        dataset.Property(d => d.SourceId).HasMaxLength(200).IsRequired();
        dataset.HasIndex(d => d.SourceId).IsUnique();
        dataset.HasIndex(d => new { d.Source, d.WithdrawnAt });
        dataset.Property(d => d.Title).HasMaxLength(Dataset.TitleMaxLength).IsRequired();
        dataset.Property(d => d.Description).HasMaxLength(CkanPackages.TextMaxLength).IsRequired();
        dataset.Property(d => d.LicenceId).HasMaxLength(100);
        dataset.Property(d => d.LicenceTitle).HasMaxLength(300);
        dataset.Property(d => d.LicenceUrl).HasMaxLength(CkanPackages.UrlMaxLength);
        dataset.Property(d => d.Keywords).HasMaxLength(6_000).IsRequired();
        dataset.Property(d => d.LandingPage).HasMaxLength(CkanPackages.UrlMaxLength);
        dataset.Property(d => d.SearchText).HasMaxLength(CkanPackages.TextMaxLength + 7_000).IsRequired();
        dataset.HasIndex(d => d.OrganisationId);
        dataset.HasIndex(d => d.ModifiedAt);
        dataset.HasOne(d => d.Organisation).WithMany().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        dataset.HasMany(d => d.Distributions).WithOne().HasForeignKey(d => d.DatasetId).OnDelete(DeleteBehavior.Cascade);
        dataset.HasMany(d => d.Themes).WithOne().HasForeignKey(t => t.DatasetId).OnDelete(DeleteBehavior.Cascade);
        dataset.Ignore(d => d.KeywordList);
    }
}

internal sealed class DistributionMapping : IEntityTypeConfiguration<Distribution>
{
    public void Configure(EntityTypeBuilder<Distribution> distribution)
    {
        distribution.Property(d => d.SourceId).HasMaxLength(200).IsRequired();
        distribution.Property(d => d.Title).HasMaxLength(300).IsRequired();
        distribution.Property(d => d.Description).HasMaxLength(2_000);
        distribution.Property(d => d.Url).HasMaxLength(CkanPackages.UrlMaxLength).IsRequired();
        distribution.Property(d => d.Format).HasMaxLength(40).IsRequired();
        distribution.Property(d => d.MediaType).HasMaxLength(200);
        distribution.HasIndex(d => new { d.DatasetId, d.Position });
        distribution.HasIndex(d => d.Format);
    }
}

internal sealed class DatasetThemeMapping : IEntityTypeConfiguration<DatasetTheme>
{
    public void Configure(EntityTypeBuilder<DatasetTheme> theme)
    {
        theme.HasKey(t => new { t.DatasetId, t.Theme });
        theme.Property(t => t.Theme).HasConversion<CodeConverter<Theme>>().HasMaxLength(40);
        theme.HasIndex(t => new { t.Theme, t.DatasetId });
    }
}

internal sealed class QualityReportMapping : IEntityTypeConfiguration<QualityReport>
{
    public void Configure(EntityTypeBuilder<QualityReport> report)
    {
        report.HasIndex(r => new { r.DatasetId, r.Number }).IsUnique();
        report.Property(r => r.Category).HasConversion<CodeConverter<ReportCategory>>().HasMaxLength(40);
        report.Property(r => r.State).HasConversion<CodeConverter<ReportState>>().HasMaxLength(20);
        report.Property(r => r.Resolution).HasConversion<CodeConverter<Resolution>>().HasMaxLength(20);
        report.Property(r => r.Details).HasMaxLength(QualityReport.DetailsMaxLength).IsRequired();
        report.Property(r => r.ResolutionNote).HasMaxLength(QualityReport.DetailsMaxLength);
        report.Property(r => r.Version).IsConcurrencyToken();
        report.HasIndex(r => new { r.State, r.CreatedAt });
        report.HasOne(r => r.Dataset).WithMany().HasForeignKey(r => r.DatasetId).OnDelete(DeleteBehavior.Restrict);
        report.HasOne<Distribution>().WithMany().HasForeignKey(r => r.DistributionId).OnDelete(DeleteBehavior.SetNull);
        report.HasOne<User>().WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.Restrict);
        report.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.ReportId);
        report.HasModeration(r => r.Moderation);
    }
}

internal sealed class QualityReportEventMapping : IEntityTypeConfiguration<QualityReportEvent>
{
    public void Configure(EntityTypeBuilder<QualityReportEvent> e)
    {
        e.Property(x => x.Kind).HasConversion<CodeConverter<ReportEventKind>>().HasMaxLength(20);
        e.Property(x => x.Note).HasMaxLength(QualityReport.DetailsMaxLength + 100);
        e.HasIndex(x => new { x.ReportId, x.Id });
        e.HasOne<User>().WithMany().HasForeignKey(x => x.ActorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CatalogueImportMapping : IEntityTypeConfiguration<CatalogueImport>
{
    public void Configure(EntityTypeBuilder<CatalogueImport> import)
    {
        import.Property(i => i.Source).HasMaxLength(CkanPackages.UrlMaxLength).IsRequired();
        import.Property(i => i.State).HasConversion<CodeConverter<ImportState>>().HasMaxLength(20);
        import.Property(i => i.Outcome).HasMaxLength(CatalogueImports.OutcomeMaxLength);
        import.HasIndex(i => i.StartedAt);
        import.HasOne<User>().WithMany().HasForeignKey(i => i.RequestedById).OnDelete(DeleteBehavior.SetNull);
    }
}
