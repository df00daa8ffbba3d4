using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Jurisdiction;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Jurisdiction;

/// <summary>The guide "Your right to data" says what the regimes table says, and follows an administrator's change.</summary>
public sealed class RightToDataTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private static string Section(WebPage page, string code) =>
        page.Document.QuerySelector($"section[aria-labelledby={code}]")?.TextContent ?? throw new InvalidOperationException($"No section for {code}");

    [Fact]
    public async Task Get_ShowsEveryRegimesCurrentWordsAndTimes()
    {
        var regimes = await service.WithDatabaseAsync(db => db.LegalRegimes.AsNoTracking().ToListAsync());

        var page = await service.NewSession().GetAsync("/your-right-to-data");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Your right to data", page.Heading);
        Assert.Equal(["foi", "eir", "rpsi", "service"], page.Document.QuerySelectorAll("main section[aria-labelledby]").Select(s => s.GetAttribute("aria-labelledby")));
        foreach (var regime in regimes)
        {
            var section = Section(page, regime.Code).Squeezed();
            Assert.NotEmpty(regime.WhatCanBeAsked);
            Assert.Contains(regime.Name, section, StringComparison.Ordinal);
            Assert.Contains($"It must answer within {regime.DescribeAmount()} of receiving your request.", section, StringComparison.Ordinal);
            Assert.Contains(regime.WhatCanBeAsked.Squeezed(), section, StringComparison.Ordinal);
            Assert.Contains(regime.WhatSilenceMeans.Squeezed(), section, StringComparison.Ordinal);
            Assert.Contains(regime.ExtensionRule.Squeezed(), section, StringComparison.Ordinal);
            Assert.Contains(regime.ComplaintRoute.Squeezed(), section, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Get_AfterAnAdministratorChangesARegime_ShowsTheNewRule()
    {
        var administrator = service.NewSession();
        await administrator.SignInAsync(await service.CreatePersonAsync(Roles.Administrator, twoFactor: true));
        var form = await administrator.GetAsync("/admin/regimes/eir");

        var saved = await administrator.SubmitAsync(form, ("Amount", "15"), ("ExtensionLimit", "5"), ("ExtensionRule", "Five more days when it is complex."),
            ("ComplaintRoute", "Write to the environment ombudsman."), ("WhatCanBeAsked", "Anything about rivers and air."), ("WhatSilenceMeans", "Silence means refusal."));
        Assert.Equal(HttpStatusCode.OK, saved.Status);

        var section = Section(await service.NewSession().GetAsync("/your-right-to-data"), "eir").Squeezed();
        var (today, calendar) = await service.WithServicesAsync(async s =>
            (s.GetRequiredService<TimeProvider>().Today(), (await s.GetRequiredService<Modules.Jurisdiction.Jurisdiction>().GetAsync()).Calendar));
        Assert.Contains("It must answer within 15 working days of receiving your request.", section, StringComparison.Ordinal);
        Assert.Contains($"the body must answer by {calendar.AddWorkingDays(today, 15):dddd d MMMM yyyy}.", section, StringComparison.Ordinal);
        Assert.Contains($"With the longest extension allowed (5 working days more), it must answer by {calendar.AddWorkingDays(today, 20):dddd d MMMM yyyy}.",
            section, StringComparison.Ordinal);
        Assert.Contains("Anything about rivers and air.", section, StringComparison.Ordinal);
        Assert.Contains("Silence means refusal.", section, StringComparison.Ordinal);
        Assert.Contains("Five more days when it is complex.", section, StringComparison.Ordinal);
        Assert.Contains("Write to the environment ombudsman.", section, StringComparison.Ordinal);
        var api = await service.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/regimes/eir");
        Assert.Equal((15, "Silence means refusal."), (api.GetProperty("amount").GetInt32(), api.GetProperty("whatSilenceMeans").GetString()));
    }

    [Fact]
    public async Task ReferenceData_GivesARegimeFromBeforeTheGuideItsWords_AndKeepsAnAdministratorsWords()
    {
        // As the migration leaves a database made before the guide: the new words empty (here EIR's silence was since edited).
        await service.WithDatabaseAsync(db => db.LegalRegimes.Where(r => r.Code == "rpsi" || r.Code == "eir")
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.WhatCanBeAsked, "").SetProperty(x => x.WhatSilenceMeans, x => x.Code == "eir" ? "Edited." : "")));

        await service.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            foreach (var data in s.GetServices<IReferenceData>().OrderBy(d => d.Order))
            {
                await data.EnsureAsync(db, CancellationToken.None);
            }
            // At start-up reference data comes before anything is read; here the other tests' pages must not read stale rules.
            s.GetRequiredService<Modules.Jurisdiction.Jurisdiction>().Invalidate();
            return true;
        });

        var regimes = await service.WithDatabaseAsync(db => db.LegalRegimes.AsNoTracking().ToDictionaryAsync(r => r.Code));
        Assert.StartsWith("Permission to re-use information", regimes["rpsi"].WhatCanBeAsked, StringComparison.Ordinal);
        Assert.StartsWith("Silence does not give you permission", regimes["rpsi"].WhatSilenceMeans, StringComparison.Ordinal);
        Assert.StartsWith("Environmental information a public authority holds", regimes["eir"].WhatCanBeAsked, StringComparison.Ordinal);
        Assert.Equal("Edited.", regimes["eir"].WhatSilenceMeans);
    }
}
