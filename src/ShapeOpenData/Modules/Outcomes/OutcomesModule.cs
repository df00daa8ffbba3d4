using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Outcomes;

/// <summary>
/// Traceability (DESIGN §4.7): what came of what people asked. People link an input (a request, a statement, an action…)
/// to an outcome (a commitment, a milestone, a dataset, a document version) with a reason; with the links the modules
/// keep themselves, they make the chains <c>/outcomes</c> shows, from "a user asked" to "the data was published". The
/// module knows the items only through the traceability contracts, so each module opts in without knowing the others.
/// </summary>
public static class OutcomesModule
{
    /// <summary>The kinds of item whose pages show their links both ways.</summary>
    private static readonly string[] LinkedPages =
        [ItemTypes.Request, ItemTypes.Dataset, ItemTypes.Commitment, ItemTypes.Consultation, ItemTypes.DocumentVersion, ItemTypes.Action, ItemTypes.QualityReport];

    public static WebApplicationBuilder AddOutcomes(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<TraceLinks>();
        services.AddScoped<OutcomeChains>();
        services.AddScoped<LinkWorkflow>();
        services.AddScoped<IPersonalData, OutcomesPersonalData>();
        services.AddScoped<IDemoContent, DemoOutcomes>();
        foreach (var type in LinkedPages)
        {
            services.AddScoped<IPageSection>(s => ActivatorUtilities.CreateInstance<ItemOutcomes>(s, type));
        }
        return builder;
    }

    public static WebApplication MapOutcomes(this WebApplication app)
    {
        OutcomesApi.Map(app);
        return app;
    }
}

internal sealed class OutcomeLinkMapping : IEntityTypeConfiguration<OutcomeLink>
{
    public void Configure(EntityTypeBuilder<OutcomeLink> link)
    {
        link.Property(l => l.InputType).HasMaxLength(OutcomeLink.TypeMaxLength).IsRequired();
        link.Property(l => l.OutcomeType).HasMaxLength(OutcomeLink.TypeMaxLength).IsRequired();
        link.Property(l => l.Reason).HasMaxLength(OutcomeLink.ReasonMaxLength).IsRequired();
        link.HasIndex(l => new { l.InputType, l.InputId, l.OutcomeType, l.OutcomeId }).IsUnique();
        link.HasIndex(l => new { l.OutcomeType, l.OutcomeId });
        link.HasOne<User>().WithMany().HasForeignKey(l => l.LinkedById).OnDelete(DeleteBehavior.SetNull);
        link.Ignore(l => l.Input);
        link.Ignore(l => l.Outcome);
    }
}
