using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Follows;

/// <summary>Following items: one row per person and item, made unique by the database.</summary>
public static class FollowsModule
{
    public static WebApplicationBuilder AddFollows(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Following>();
        builder.Services.AddScoped<IPersonalData, FollowsPersonalData>();
        return builder;
    }
}

/// <summary>Follow, unfollow and who follows: shared by every module whose items can be followed.</summary>
public sealed class Following(AppDbContext db, TimeProvider clock, IEnumerable<IFollowable> followables)
{
    public Task<bool> IsFollowingAsync(int userId, string type, int id, CancellationToken cancellationToken = default) =>
        db.Follows.AnyAsync(f => f.UserId == userId && f.TargetType == type && f.TargetId == id, cancellationToken);

    /// <summary>
    /// <paramref name="person"/> asks to follow an item (a page's "Follow" button): only what they may see, or what
    /// following it tells would reach someone it is hidden from. Refused as not found, which says nothing of whether it exists.
    /// </summary>
    public async Task FollowAsync(ClaimsPrincipal person, string type, int id, CancellationToken cancellationToken = default)
    {
        var userId = person.UserId() ?? throw new ForbiddenException("Sign in to follow this");
        var followable = followables.SingleOrDefault(f => f.Type == type);
        if (followable is null || !await followable.CanSeeAsync(id, person, cancellationToken))
        {
            throw new NotFoundException("There is nothing to follow here");
        }
        await FollowAsync(userId, type, id, cancellationToken);
    }

    /// <summary>
    /// Adds the follow to the context (saved with the caller's change) unless it is already there. For workflows that
    /// have checked the person may see the item (the requester of their own request, a member of their group …), which
    /// say whether the person <paramref name="asked"/> for it or takes part in it (an existing follow becomes asked).
    /// </summary>
    public Task FollowAsync(int userId, string type, int id, CancellationToken cancellationToken = default) =>
        FollowAsync(userId, type, id, asked: false, cancellationToken);

    /// <inheritdoc cref="FollowAsync(int, string, int, CancellationToken)"/>
    public async Task FollowAsync(int userId, string type, int id, bool asked, CancellationToken cancellationToken)
    {
        var follow = db.Follows.Local.FirstOrDefault(f => f.UserId == userId && f.TargetType == type && f.TargetId == id)
            ?? await db.Follows.FirstOrDefaultAsync(f => f.UserId == userId && f.TargetType == type && f.TargetId == id, cancellationToken);
        if (follow is null)
        {
            db.Follows.Add(new Follow { UserId = userId, TargetType = type, TargetId = id, CreatedAt = clock.UtcNow(), Asked = asked });
        }
        else if (asked)
        {
            follow.Asked = true;
        }
    }

    public Task<int> UnfollowAsync(int userId, string type, int id, CancellationToken cancellationToken = default) =>
        db.Follows.Where(f => f.UserId == userId && f.TargetType == type && f.TargetId == id).ExecuteDeleteAsync(cancellationToken);

    public Task<List<int>> FollowersAsync(string type, int id, CancellationToken cancellationToken = default) =>
        db.Follows.Where(f => f.TargetType == type && f.TargetId == id).Select(f => f.UserId).ToListAsync(cancellationToken);
}

internal sealed class FollowMapping : IEntityTypeConfiguration<Follow>
{
    public void Configure(EntityTypeBuilder<Follow> follow)
    {
        follow.Property(f => f.TargetType).HasMaxLength(40).IsRequired();
        follow.HasIndex(f => new { f.TargetType, f.TargetId, f.UserId }).IsUnique();
        follow.HasIndex(f => f.UserId);
        follow.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FollowsPersonalData(AppDbContext db) : IPersonalData
{
    public string Section => "follows";

    public async Task<object?> ExportAsync(int userId, CancellationToken cancellationToken) =>
        await db.Follows.Where(f => f.UserId == userId).OrderBy(f => f.Id)
            .Select(f => new { f.TargetType, f.TargetId, f.Asked, f.CreatedAt }).ToListAsync(cancellationToken);

    public Task EraseAsync(LeavingPerson person, CancellationToken cancellationToken) =>
        db.Follows.Where(f => f.UserId == person.UserId).ExecuteDeleteAsync(cancellationToken);
}
