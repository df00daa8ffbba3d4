using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.Supports;

/// <summary>An item as the person who wants to support it sees it.</summary>
/// <param name="Refusal">Why they may not support it now (it is closed, it is their own report), or null when they may.</param>
public sealed record SupportableItem(string? Refusal = null)
{
    public bool CanSupport => Refusal is null;
}

/// <summary>A support given or taken back, once it is committed.</summary>
/// <param name="Changed">False when nothing changed (supporting twice, or taking back what was not there).</param>
/// <param name="Count">The item's count after the change.</param>
public sealed record SupportChange(int ItemId, int UserId, bool Supported, bool Changed, int Count);

/// <summary>
/// A kind of item people can support. Its module answers for who may support what, and keeps the count on its
/// own entity so its lists sort and show it without counting; the supports module writes the row, moves that
/// count in the same transaction and makes supporters follow the item.
/// </summary>
public interface ISupportable
{
    /// <summary>The code used for supports of these items, like <c>request</c>; the same as for follows and comments.</summary>
    string Type { get; }

    /// <summary>The property holding the item's count of supports, like <c>SupportCounter.Of&lt;DatasetRequest&gt;(r =&gt; r.SupportCount)</c>.</summary>
    SupportCounter Counter { get; }

    /// <summary>
    /// The item as <paramref name="person"/> sees it, or null when it does not exist or they may not see it
    /// (then they may not take a support back either).
    /// </summary>
    Task<SupportableItem?> CheckAsync(int id, ClaimsPrincipal person, CancellationToken cancellationToken);

    /// <summary>After the change is committed: anything the module keeps besides the count (it must not fail).</summary>
    Task SupportChangedAsync(SupportChange change, CancellationToken cancellationToken);
}

/// <summary>
/// Where an item keeps its count of supports: an <c>int</c> property of its entity, named by an expression so the
/// supports module can move it in the support's own statement, and so a renamed property or column follows.
/// </summary>
public sealed class SupportCounter
{
    private readonly Type entity;
    private readonly string property;
    private Names? names;

    private SupportCounter(Type entity, string property)
    {
        this.entity = entity;
        this.property = property;
    }

    public static SupportCounter Of<TItem>(Expression<Func<TItem, int>> count) where TItem : class =>
        count.Body is MemberExpression { Member: { } member }
            ? new SupportCounter(typeof(TItem), member.Name)
            : throw new ArgumentException("Name a property of the item, like r => r.SupportCount", nameof(count));

    /// <summary>The table, its key and the count's column, quoted for SQL.</summary>
    internal Names NamesIn(AppDbContext db)
    {
        if (names is { } known)
        {
            return known;
        }
        var type = db.Model.FindEntityType(entity) ?? throw new InvalidOperationException($"{entity.Name} is not an entity");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        return names = new Names(
            sql.DelimitIdentifier(table.Name, table.Schema),
            sql.DelimitIdentifier(type.FindPrimaryKey()!.Properties.Single().GetColumnName(table)!),
            sql.DelimitIdentifier((type.FindProperty(property) ?? throw new InvalidOperationException($"{entity.Name} has no {property}")).GetColumnName(table)!));
    }

    internal sealed record Names(string Table, string Key, string Count);
}
