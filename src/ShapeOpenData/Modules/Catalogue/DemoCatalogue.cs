using System.Reflection;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Comments;
using ShapeOpenData.Modules.Supports;

namespace ShapeOpenData.Modules.Catalogue;

/// <summary>
/// A demo catalogue of a few hundred datasets in CKAN's own shape, imported as a portal's would be, and
/// quality reports on them in every state. Runs before the demo requests, so those can be answered with data.
/// </summary>
internal sealed partial class DemoCatalogue(IServiceProvider services, AppDbContext db, CatalogueImports imports, TimeProvider serviceClock, ILogger<DemoCatalogue> logger) : IDemoContent
{
    private sealed record Scenario(string Dataset, ReportCategory Category, string Details, string Reporter, string Ending);

    private static readonly Scenario[] Scenarios =
    [
        new("road-traffic-statistics", ReportCategory.BrokenLink,
            "The link to the 2024 CSV returns \"page not found\". The API still works.", "resident", "overdue"),
        new("bathing-water-quality", ReportCategory.OutOfDate,
            "The last sampling results are from the 2023 season. Were the 2024 and 2025 seasons published anywhere?", "charity", "acknowledged"),
        new("school-capacity", ReportCategory.ErrorsInData,
            "Several schools show more pupils on roll than places, by a factor of ten. It looks like a column has shifted in the 2025 file.", "researcher", "fixed"),
        new("bus-punctuality-by-operator", ReportCategory.NotMachineReadable,
            "The figures by operator are only in a PDF table. Please publish them as CSV as well.", "startup", "reopened"),
        new("school-capacity", ReportCategory.PersonalDataExposed,
            "One row of the school-level file seems to include a head teacher's home telephone number in the notes column.", "journalist", "awaiting_review"),
        new("bathing-water-quality", ReportCategory.MetadataWrong,
            "The description says the data is updated weekly, but the files are only updated once a year.", "council", "not_a_problem"),
        new("road-traffic-statistics", ReportCategory.LicenceUnclear,
            "Can the count point data be used commercially? The page does not say which licence applies to the API.", "startup", "open"),
    ];

    private static readonly string[] AlsoAffected = ["researcher", "journalist", "council"];

    public int Order => 5;

    public async Task SeedAsync(IServiceProvider scope, CancellationToken cancellationToken)
    {
        if (await db.Datasets.CountAsync(cancellationToken) is > 0 and var held)
        {
            LogCatalogueHeld(logger, held);
            return;
        }
        await using (var file = Assembly.GetExecutingAssembly().GetManifestResourceStream(CatalogueModule.DemoCatalogueResource)!)
        {
            await imports.RunAsync("demo catalogue", _ => CkanSources.FromFileAsync(file, cancellationToken), null, null, cancellationToken);
        }

        var demo = await db.Users.Where(u => u.Email!.EndsWith("@" + DemoAccounts.Domain)).ToDictionaryAsync(u => u.Email!.Split('@')[0], cancellationToken);
        if (!demo.ContainsKey("startup"))
        {
            return;
        }
        var clock = new DemoClock(serviceClock.GetUtcNow().AddDays(-40));
        var reports = ActivatorUtilities.CreateInstance<QualityReports>(services, clock, ActivatorUtilities.CreateInstance<Supporting>(services, clock));
        var comments = ActivatorUtilities.CreateInstance<CommentThreads>(services, clock);
        var moderator = await DemoAccounts.PrincipalAsync(db, demo["moderator"]);
        foreach (var (scenario, index) in Scenarios.Select((s, i) => (s, i)))
        {
            clock.Now = serviceClock.GetUtcNow().AddDays(scenario.Ending switch { "overdue" => -30, "open" => -3, _ => -20 + index });
            var reporter = await DemoAccounts.PrincipalAsync(db, demo[scenario.Reporter]);
            var report = await reports.FileAsync(scenario.Dataset, new NewReport(null, scenario.Category, scenario.Details), reporter, cancellationToken);
            foreach (var other in AlsoAffected.Where(o => o != scenario.Reporter).Take(report.AwaitingReview ? 0 : index % 3))
            {
                await reports.AddAffectedAsync(report.Id, await DemoAccounts.PrincipalAsync(db, demo[other]), cancellationToken);
            }
            var organisationId = await db.Datasets.Where(d => d.Slug == scenario.Dataset).Select(d => d.OrganisationId).SingleAsync(cancellationToken);
            var publisher = demo.Values.FirstOrDefault(u => u.Email!.StartsWith("publisher.", StringComparison.Ordinal)
                && db.PublisherMemberships.Any(m => m.UserId == u.Id && m.OrganisationId == organisationId));
            var manager = publisher is null ? await DemoAccounts.PrincipalAsync(db, demo["programme"]) : await DemoAccounts.PrincipalAsync(db, publisher);
            clock.Advance(2);
            switch (scenario.Ending)
            {
                case "acknowledged":
                    await reports.RespondAsync(report.Id, manager, "Thank you. The 2024 season is being checked and will be published by the end of next month.", cancellationToken);
                    await comments.PostAsync(CatalogueModule.ReportItemType, report.Id, null, "The 2025 season would help us too: we run sea swimming sessions.", reporter, cancellationToken);
                    break;
                case "fixed":
                    await reports.RespondAsync(report.Id, manager, "Thank you for spotting this. A column was misaligned in the export; we are correcting it.", cancellationToken);
                    clock.Advance(3);
                    await reports.CloseAsync(report.Id, manager, Resolution.Fixed, "A corrected file has been published.", cancellationToken);
                    break;
                case "reopened":
                    await reports.CloseAsync(report.Id, manager, Resolution.WontFix, "The operator figures come to us as PDF and we cannot convert them this year.", cancellationToken);
                    clock.Advance(4);
                    await reports.ReopenAsync(report.Id, reporter, "Other regions now publish these as CSV. Could you ask the operators for the source tables?", cancellationToken);
                    break;
                case "not_a_problem":
                    await reports.CloseAsync(report.Id, manager, Resolution.NotAProblem, "The files are updated once a year; we have corrected the description.", cancellationToken);
                    break;
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "The catalogue already holds {Datasets} datasets, so the demo catalogue and its quality reports were left out")]
    private static partial void LogCatalogueHeld(ILogger logger, int datasets);
}
