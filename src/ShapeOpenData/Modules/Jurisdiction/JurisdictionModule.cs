using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.Jurisdiction;

/// <summary>
/// The jurisdiction: legal regimes and the working-day calendar as data, the public guide to the right to data,
/// the public deadline calculator (page and API), the regimes on the API and their administration.
/// </summary>
public static class JurisdictionModule
{
    public const string ServiceStandard = "service";

    /// <summary>What the audit log calls a legal regime, and an import into the working-day calendar.</summary>
    public const string RegimeItemType = "legal_regime";
    public const string CalendarItemType = "bank_holidays";

    public static WebApplicationBuilder AddJurisdiction(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Jurisdiction>();
        builder.Services.AddScoped<IReferenceData, JurisdictionReferenceData>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(JurisdictionPermissions.ManagePolicy, policy => policy.RequireAssertion(context => JurisdictionPermissions.CanManage(context.User)));
        builder.Services.AddSingleton(new NavigationItem("Your right to data", "/your-right-to-data", 48));
        builder.Services.AddSingleton(new NavigationItem("Deadline calculator", "/tools/deadline", 50));
        return builder;
    }

    public static WebApplication MapJurisdiction(this WebApplication app)
    {
        DeadlinesApi.Map(app.MapGroup("/api/v1/deadlines").WithTags("Deadlines"));
        RegimesApi.Map(app.MapGroup("/api/v1/regimes").WithTags("Deadlines"));
        return app;
    }

    internal static Stream Seed(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream($"ShapeOpenData.Modules.Jurisdiction.{name}.seed.json")!;
}

internal sealed class LegalRegimeMapping : IEntityTypeConfiguration<LegalRegime>
{
    public void Configure(EntityTypeBuilder<LegalRegime> regime)
    {
        regime.HasKey(r => r.Code);
        regime.Property(r => r.Code).HasMaxLength(20);
        regime.Property(r => r.Name).HasMaxLength(200).IsRequired();
        regime.Property(r => r.ShortName).HasMaxLength(50).IsRequired();
        regime.Property(r => r.Unit).HasConversion<CodeConverter<DeadlineUnit>>().HasMaxLength(20);
        regime.Property(r => r.ExtensionRule).HasMaxLength(LegalRegime.TextMaxLength);
        regime.Property(r => r.ComplaintRoute).HasMaxLength(LegalRegime.TextMaxLength);
        regime.Property(r => r.WhatCanBeAsked).HasMaxLength(LegalRegime.TextMaxLength);
        regime.Property(r => r.WhatSilenceMeans).HasMaxLength(LegalRegime.TextMaxLength);
    }
}

internal sealed class BankHolidayMapping : IEntityTypeConfiguration<BankHoliday>
{
    public void Configure(EntityTypeBuilder<BankHoliday> holiday)
    {
        holiday.HasKey(h => new { h.Division, h.Date });
        holiday.Property(h => h.Division).HasMaxLength(30);
        holiday.Property(h => h.Title).HasMaxLength(200).IsRequired();
    }
}

/// <summary>
/// The UK regimes (DESIGN §5) and bank holidays 2016–2030, added when missing; edits are kept. A regime made
/// before the guide existed gets the guide's words it lacks.
/// </summary>
internal sealed class JurisdictionReferenceData : IReferenceData
{
    private sealed record RegimeSeed(
        string Code, string Name, string ShortName, bool IsFormal, int Amount, string Unit,
        int? ExtensionLimit, string ExtensionRule, string ComplaintRoute, string WhatCanBeAsked, string WhatSilenceMeans, int SortOrder)
    {
        public RegimeGuide Guide => new(WhatCanBeAsked, WhatSilenceMeans);
    }

    public int Order => 5;

    public async Task EnsureAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.LegalRegimes.ToDictionaryAsync(r => r.Code, cancellationToken);
        await using (var stream = JurisdictionModule.Seed("regimes"))
        {
            var seeds = await JsonSerializer.DeserializeAsync<List<RegimeSeed>>(stream, JsonSerializerOptions.Web, cancellationToken);
            foreach (var seed in seeds!)
            {
                if (!existing.TryGetValue(seed.Code, out var regime))
                {
                    db.LegalRegimes.Add(LegalRegime.Define(seed.Code, seed.Name, seed.ShortName, seed.IsFormal, seed.Amount, Codes.Parse<DeadlineUnit>(seed.Unit),
                        seed.ExtensionLimit, seed.ExtensionRule, seed.ComplaintRoute, seed.Guide, seed.SortOrder));
                }
                else if (regime.WhatCanBeAsked.Length == 0 || regime.WhatSilenceMeans.Length == 0)
                {
                    var guide = new RegimeGuide(
                        regime.WhatCanBeAsked.Length == 0 ? seed.WhatCanBeAsked : regime.WhatCanBeAsked,
                        regime.WhatSilenceMeans.Length == 0 ? seed.WhatSilenceMeans : regime.WhatSilenceMeans);
                    regime.Change(regime.Amount, regime.ExtensionLimit, regime.ExtensionRule, regime.ComplaintRoute, guide);
                }
            }
            await db.SaveChangesAsync(cancellationToken);
        }

        if (!await db.BankHolidays.AnyAsync(cancellationToken))
        {
            await using var holidays = JurisdictionModule.Seed("uk-bank-holidays");
            // The calendar every installation starts with is not a change anyone made: it is not audited.
            await BankHolidayImport.ImportAsync(db, holidays, importer: null, cancellationToken);
        }
    }
}
