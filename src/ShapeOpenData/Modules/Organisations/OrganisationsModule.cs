using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Organisations;

/// <summary>Organisations: the UK departments as reference data, pages, administration and the API.</summary>
public static class OrganisationsModule
{
    /// <summary>What the audit log calls an organisation.</summary>
    public const string ItemType = "organisation";

    public static WebApplicationBuilder AddOrganisations(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IReferenceData, OrganisationReferenceData>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(OrganisationPermissions.EditPolicy, policy => policy.RequireAssertion(context => OrganisationPermissions.CanEdit(context.User)));
        builder.Services.AddScoped<OrganisationRecord>();
        builder.Services.AddSingleton<ISearchSource, OrganisationSearch>();
        builder.Services.AddScoped<IDemoContent, DemoOrganisations>();
        builder.Services.AddSingleton(new NavigationItem("Organisations", "/organisations", 40));
        return builder;
    }

    public static WebApplication MapOrganisations(this WebApplication app)
    {
        OrganisationsApi.Map(app.MapGroup("/api/v1/organisations").WithTags("Organisations"));
        return app;
    }
}

internal sealed class OrganisationMapping : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> organisation)
    {
        organisation.Property(o => o.Slug).HasMaxLength(100).IsRequired();
        organisation.HasIndex(o => o.Slug).IsUnique();
        organisation.Property(o => o.Name).HasMaxLength(200).IsRequired();
        organisation.Property(o => o.Abbreviation).HasMaxLength(20);
        organisation.Property(o => o.Kind).HasConversion<CodeConverter<OrganisationKind>>().HasMaxLength(40);
        organisation.Property(o => o.Website).HasMaxLength(500);
        organisation.Property(o => o.FoiContact).HasMaxLength(500);
        organisation.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// The UK ministerial and non-ministerial departments (from GOV.UK), added when missing. Edits made by
/// administrators are kept: an organisation already there is never overwritten.
/// </summary>
internal sealed class OrganisationReferenceData : IReferenceData
{
    private sealed record Seed(string Slug, string Name, string Kind, string? Abbreviation, string? Website);

    public int Order => 10;

    public async Task EnsureAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var existing = (await db.Organisations.Select(o => o.Slug).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var seed in ReadSeed().Where(s => !existing.Contains(s.Slug)))
        {
            db.Organisations.Add(new Organisation
            {
                Slug = seed.Slug, Name = seed.Name, Kind = Codes.Parse<OrganisationKind>(seed.Kind),
                Abbreviation = seed.Abbreviation, Website = seed.Website,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static List<Seed> ReadSeed()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ShapeOpenData.Modules.Organisations.organisations.seed.json")!;
        return JsonSerializer.Deserialize<List<Seed>>(stream, JsonSerializerOptions.Web)!;
    }
}
