using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Notifications;

/// <summary>
/// Notifications: each person's notification centre, email through an outbox straight away or in digests as they chose,
/// one-click unsubscribe, and telling the followers of busy items in the background.
/// </summary>
public static class NotificationsModule
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection("Notifications"));
        builder.Services.Configure<DeliveryOptions>(builder.Configuration.GetSection("Notifications"));
        builder.Services.AddSingleton<UnsubscribeLinks>();
        builder.Services.AddScoped<ItemReaders>();
        // Anyone holding the link can stop someone's email: it stays out of logs and traces.
        builder.Services.AddSecretInUrl("/unsubscribe/{token}", "token");
        builder.Services.AddScoped<Notifier>();
        builder.Services.AddScoped<Preferences>();
        builder.Services.AddScoped<FanOut>();
        builder.Services.AddScoped<Digests>();
        builder.Services.AddScoped<IDemoContent, DemoPreferences>();
        builder.Services.AddScoped<IDemoContent, DemoDigests>();
        var delivery = builder.Configuration.GetSection("Notifications").Get<DeliveryOptions>() ?? new();
        builder.Services.AddScheduledWork("told the followers of items with many", TimeSpan.FromSeconds(delivery.FanOutPollSeconds),
            (s, ct) => s.GetRequiredService<FanOut>().RunAsync(ct));
        builder.Services.AddScheduledWork("sent daily and weekly digests", TimeSpan.FromSeconds(delivery.DigestPollSeconds),
            (s, ct) => s.GetRequiredService<Digests>().SendDueAsync(ct));
        builder.Services.AddScoped<IPersonalLink, UnreadNotices>();
        builder.Services.AddScoped<IPersonalData, NotificationsPersonalData>();
        builder.Services.AddScoped<Accounts.SignIn.IAccountOutbox, AccountOutbox>();
        builder.Services.AddSingleton<OutboxWorker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OutboxWorker>());
        return builder;
    }
}

internal sealed class OutboxEmailMapping : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> email)
    {
        email.Property(m => m.Key).HasMaxLength(100).IsRequired();
        email.Property(m => m.Subject).HasMaxLength(300).IsRequired();
        email.Property(m => m.UnsubscribeScope).HasMaxLength(100);
        email.Property(m => m.AboutType).HasMaxLength(40);
        email.Property(m => m.LastError).HasMaxLength(1000);
        // Never two emails for one event and person.
        email.HasIndex(m => new { m.Key, m.UserId }).IsUnique();
        email.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        email.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationSettingsMapping : IEntityTypeConfiguration<NotificationSettings>
{
    public void Configure(EntityTypeBuilder<NotificationSettings> settings)
    {
        settings.HasKey(s => s.UserId);
        settings.HasOne<User>().WithOne().HasForeignKey<NotificationSettings>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationPreferenceMapping : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> preference)
    {
        preference.HasKey(p => new { p.UserId, p.Kind });
        preference.Property(p => p.Kind).HasMaxLength(NotificationPreference.KindMaxLength);
        preference.Property(p => p.Choice).HasConversion<CodeConverter<Choice>>().HasMaxLength(20);
        preference.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PendingNotificationMapping : IEntityTypeConfiguration<PendingNotification>
{
    public void Configure(EntityTypeBuilder<PendingNotification> pending)
    {
        pending.Property(p => p.Key).HasMaxLength(PendingNotification.KeyMaxLength);
        pending.Property(p => p.Subject).HasMaxLength(PendingNotification.SubjectMaxLength);
        pending.Property(p => p.Body).HasMaxLength(PendingNotification.BodyMaxLength);
        pending.Property(p => p.UnsubscribeScope).HasMaxLength(PendingNotification.ScopeMaxLength);
        pending.Property(p => p.AboutType).HasMaxLength(PendingNotification.TypeMaxLength);
        pending.Property(p => p.FollowedType).HasMaxLength(PendingNotification.TypeMaxLength);
        pending.Property(p => p.AlsoTell).HasMaxLength(PendingNotification.PeopleMaxLength);
        pending.Property(p => p.Except).HasMaxLength(PendingNotification.PeopleMaxLength);
    }
}

internal sealed class NoticeMapping : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> notice)
    {
        notice.Property(n => n.Key).HasMaxLength(100).IsRequired();
        notice.Property(n => n.Subject).HasMaxLength(Notice.SubjectMaxLength).IsRequired();
        notice.Property(n => n.Body).HasMaxLength(Notice.BodyMaxLength).IsRequired();
        notice.Property(n => n.AboutType).HasMaxLength(40);
        notice.HasIndex(n => new { n.Key, n.UserId }).IsUnique();
        // The centre's list (newest first) and the header's unread count.
        notice.HasIndex(n => new { n.UserId, n.CreatedAt });
        notice.HasIndex(n => new { n.UserId, n.ReadAt });
        notice.Property(n => n.AwaitingDigest).HasConversion<CodeConverter<Delivery>>().HasMaxLength(20);
        notice.Property(n => n.DigestKey).HasMaxLength(40);
        // The digest run's people, and each one's waiting notices.
        notice.HasIndex(n => new { n.AwaitingDigest, n.UserId, n.CreatedAt });
        notice.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
