using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;

namespace ShapeOpenData.Modules.Notifications;

/// <summary>Email notifications through an outbox, one-click unsubscribe and each person's email setting.</summary>
public static class NotificationsModule
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection("Notifications"));
        builder.Services.AddSingleton<UnsubscribeLinks>();
        builder.Services.AddScoped<ItemReaders>();
        // Anyone holding the link can stop someone's email: it stays out of logs and traces.
        builder.Services.AddSecretInUrl("/unsubscribe/{token}", "token");
        builder.Services.AddScoped<Notifier>();
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
