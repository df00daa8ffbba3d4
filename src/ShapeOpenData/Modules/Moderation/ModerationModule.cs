using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Moderation;

/// <summary>
/// Moderation (DESIGN §4.10) as a foundation module: reports, the queue, decisions, blocks, reviews and the public
/// log, over any content whose module registers an <see cref="IModeratable"/>.
/// </summary>
public static class ModerationModule
{
    public static WebApplicationBuilder AddModeration(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ModerationOptions>(builder.Configuration.GetSection("Moderation"));
        builder.Services.AddScoped<ModerationDesk>();
        builder.Services.AddScoped<ModerationViews>();
        builder.Services.AddScoped<PreModeration>();
        builder.Services.AddScoped<IPreModeration>(s => s.GetRequiredService<PreModeration>());
        builder.Services.AddScoped<IReaction<ContentHeld>>(s => s.GetRequiredService<PreModeration>());
        builder.Services.AddScoped<IPersonalData, ModerationPersonalData>();
        builder.Services.AddScoped<IDemoContent, DemoModeration>();
        builder.Services.AddSingleton(new NavigationItem("Moderation", "/moderation", 85, user => user.Moderates()));
        return builder;
    }

    public static WebApplication MapModeration(this WebApplication app)
    {
        app.MapGet("/moderation/log.csv", async (HttpContext context, ModerationViews queue, CancellationToken cancellationToken) =>
        {
            context.Response.ContentType = "text/csv; charset=utf-8";
            context.Response.Headers.ContentDisposition = "attachment; filename=\"moderation-log.csv\"";
            await using var csv = CsvWriter.Create(context.Response.Body, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
            await csv.WriteRecordsAsync(queue.LogAsync(cancellationToken), cancellationToken);
        }).ExcludeFromDescription();
        app.MapGet("/moderation/log.json", async (HttpContext context, ModerationViews queue, CancellationToken cancellationToken) =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(context.Response.Body, queue.LogAsync(cancellationToken), JsonSerializerOptions.Web, cancellationToken);
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>Runs after authentication: a blocked person's writes stop here, whichever module they are for.</summary>
    public static WebApplication UseModeration(this WebApplication app) => app.UseBlocks();

    internal static Task<bool> IsStaffAsync(AppDbContext db, int userId, CancellationToken cancellationToken) =>
        (from userRole in db.UserRoles
         join role in db.Roles on userRole.RoleId equals role.Id
         where userRole.UserId == userId && Roles.Granted.Contains(role.Name!)
         select role).AnyAsync(cancellationToken);
}

internal sealed class ModerationReportMapping : IEntityTypeConfiguration<ModerationReport>
{
    public void Configure(EntityTypeBuilder<ModerationReport> report)
    {
        report.Property(r => r.ItemType).HasMaxLength(40).IsRequired();
        report.Property(r => r.Reason).HasConversion<CodeConverter<ModerationReason>>().HasMaxLength(20);
        report.Property(r => r.Outcome).HasConversion<CodeConverter<ReportOutcome>>().HasMaxLength(20);
        report.Property(r => r.Detail).HasMaxLength(ModerationReport.DetailMaxLength);
        report.HasIndex(r => new { r.ItemType, r.ItemId, r.ReporterId }).IsUnique();
        report.HasIndex(r => new { r.ReporterId, r.Outcome });
        report.HasOne<User>().WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ModerationDecisionMapping : IEntityTypeConfiguration<ModerationDecision>
{
    public void Configure(EntityTypeBuilder<ModerationDecision> decision)
    {
        decision.Property(d => d.ItemType).HasMaxLength(40).IsRequired();
        decision.Property(d => d.Kind).HasConversion<CodeConverter<DecisionKind>>().HasMaxLength(30);
        decision.Property(d => d.Reason).HasConversion<CodeConverter<ModerationReason>>().HasMaxLength(20);
        decision.Property(d => d.Note).HasMaxLength(ModerationDecision.NoteMaxLength);
        decision.Property(d => d.Url).HasMaxLength(400);
        decision.Property(d => d.Original).HasMaxLength(40_000);
        decision.Property(d => d.ReviewReason).HasMaxLength(ModerationDecision.ReviewReasonMaxLength);
        decision.HasIndex(d => new { d.ItemType, d.ItemId });
        decision.HasIndex(d => new { d.AuthorId, d.Kind });
        decision.HasIndex(d => d.DecidedAt);
        decision.HasOne<User>().WithMany().HasForeignKey(d => d.ModeratorId).OnDelete(DeleteBehavior.Restrict);
        decision.HasOne<User>().WithMany().HasForeignKey(d => d.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BlockMapping : IEntityTypeConfiguration<Block>
{
    public void Configure(EntityTypeBuilder<Block> block)
    {
        block.Property(b => b.Reason).HasConversion<CodeConverter<ModerationReason>>().HasMaxLength(20);
        block.HasIndex(b => b.UserId);
        block.HasOne<User>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
        block.HasOne<ModerationDecision>().WithMany().HasForeignKey(b => b.DecisionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ModerationCaseMapping : IEntityTypeConfiguration<ModerationCase>
{
    public void Configure(EntityTypeBuilder<ModerationCase> waiting)
    {
        waiting.Property(c => c.ItemType).HasMaxLength(40).IsRequired();
        waiting.Property(c => c.Waiting).HasConversion<CodeConverter<Waiting>>().HasMaxLength(20);
        waiting.Property(c => c.Version).IsConcurrencyToken();
        waiting.HasIndex(c => new { c.ItemType, c.ItemId }).IsUnique();
        waiting.HasIndex(c => c.WaitingSince);
        waiting.HasOne<User>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// A person's reports (their words) go with their account; decisions about their content and blocks stay, as the
/// public record of moderation, naming only the anonymised account.
/// </summary>
internal sealed class ModerationPersonalData(AppDbContext db) : IPersonalData
{
    public string Section => "moderation";

    public async Task<object?> ExportAsync(int userId, CancellationToken cancellationToken) => new
    {
        Reported = await db.ModerationReports.Where(r => r.ReporterId == userId).OrderBy(r => r.Id)
            .Select(r => new { r.ItemType, r.ItemId, Reason = r.Reason.ToCode(), r.Detail, r.CreatedAt, Outcome = r.Outcome == null ? null : r.Outcome.Value.ToCode() })
            .ToListAsync(cancellationToken),
        DecisionsAboutYou = await db.ModerationDecisions.Where(d => d.AuthorId == userId).OrderBy(d => d.Id)
            .Select(d => new { d.ItemType, d.ItemId, Kind = d.Kind.ToCode(), Reason = d.Reason == null ? null : d.Reason.Value.ToCode(), d.DecidedAt, d.Url, d.ReviewAskedAt, d.ReviewReason })
            .ToListAsync(cancellationToken),
        Blocks = await db.Blocks.Where(b => b.UserId == userId).OrderBy(b => b.Id)
            .Select(b => new { Reason = b.Reason.ToCode(), b.From, b.Until, b.LiftedAt }).ToListAsync(cancellationToken),
        DecisionsYouMade = await db.ModerationDecisions.Where(d => d.ModeratorId == userId).OrderBy(d => d.Id)
            .Select(d => new { d.ItemType, d.ItemId, Kind = d.Kind.ToCode(), d.Note, d.DecidedAt }).ToListAsync(cancellationToken),
    };

    public async Task EraseAsync(LeavingPerson person, CancellationToken cancellationToken)
    {
        await db.ModerationReports.Where(r => r.ReporterId == person.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.ModerationDecisions.Where(d => d.AuthorId == person.UserId && d.ReviewReason != null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ReviewReason, "(removed with the account)"), cancellationToken);
    }
}
