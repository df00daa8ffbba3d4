using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShapeOpenData.Modules.Audit;

/// <summary>The append-only audit log: modules add entries in the same save as the change they record.</summary>
public static class AuditModule
{
    /// <summary>
    /// Refuses any save that would change or delete an audit entry. Only the audit entries are looked at for
    /// changes: the save itself looks at the rest, and a long unit of work (an import, the demo content) tracks
    /// thousands of entities that looking at twice would make slow.
    /// </summary>
    public static void GuardAppendOnly(DbContext db)
    {
        var tracker = db.ChangeTracker;
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in tracker.Entries<AuditEntry>())
            {
                entry.DetectChanges();
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                {
                    throw new InvalidOperationException("The audit log is append-only: entries are never changed or deleted.");
                }
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
    }
}

internal sealed class AuditEntryMapping : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.Property(e => e.EntityType).HasMaxLength(40).IsRequired();
        entry.Property(e => e.Action).HasMaxLength(60).IsRequired();
        entry.HasIndex(e => new { e.EntityType, e.EntityId, e.Id });
    }
}
