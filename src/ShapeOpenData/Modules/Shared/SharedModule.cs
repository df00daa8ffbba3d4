namespace ShapeOpenData.Modules.Shared;

/// <summary>What every module shares: the contracts through which features meet (see README, "Architecture").</summary>
public static class SharedModule
{
    public static WebApplicationBuilder AddShared(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DomainEvents>();
        builder.Services.AddScoped<PageSections>();
        builder.Services.AddScoped<Items>();
        return builder;
    }
}
