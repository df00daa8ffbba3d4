using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Supports;

/// <summary>Supports as a shared module: any item opts in by registering an <see cref="ISupportable"/>.</summary>
public static class SupportsModule
{
    public static WebApplicationBuilder AddSupports(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Supporting>();
        builder.Services.AddSingleton<SupportBatches>();
        builder.Services.AddScoped<IPersonalData, SupportsPersonalData>();
        return builder;
    }
}

internal sealed class SupportMapping : IEntityTypeConfiguration<Support>
{
    public void Configure(EntityTypeBuilder<Support> support)
    {
        support.Property(s => s.TargetType).HasMaxLength(40).IsRequired();
        support.Property(s => s.Use).HasMaxLength(Support.UseMaxLength);
        support.Property(s => s.Sector).HasConversion<CodeConverter<Sector>>().HasMaxLength(20);
        // One support per person and item: the database decides, however many arrive at once.
        support.HasIndex(s => new { s.TargetType, s.TargetId, s.UserId }).IsUnique();
        // The sector mix of one item's supporters, and "supported by this sector" on a list.
        support.HasIndex(s => new { s.TargetType, s.TargetId, s.Sector });
        support.HasIndex(s => s.UserId);
        support.HasOne<User>().WithMany().HasForeignKey(s => s.UserId);
    }
}
