using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Accounts;

/// <summary>
/// Issues, revokes and checks personal API tokens; the pages, the API and the command line share it. Issuing and
/// revoking are audited in the same save (the token's name and dates, never its secret or hash).
/// </summary>
public sealed class ApiTokens(AppDbContext db, IMemoryCache cache, TimeProvider clock, IUserClaimsPrincipalFactory<User> principals, WriteGate gate)
{
    // Checking a token costs a few queries; keep the answer briefly. Revoking clears it on this instance at
    // once, and on others within this time.
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    /// <param name="actorId">Who made it, for the audit log: the person themselves on their page; null for the command line.</param>
    /// <param name="terms">How long it lasts and whether it may write; by default a year, reading and writing.</param>
    public async Task<string> IssueAsync(int userId, string name, int? actorId = null, TokenTerms? terms = null, CancellationToken cancellationToken = default)
    {
        var now = clock.UtcNow();
        var (token, secret) = ApiToken.Issue(userId, name, terms ?? TokenTerms.Default, now);
        // Saved first, for the id its audit entry names.
        await db.InOneTransactionAsync(async () =>
        {
            db.ApiTokens.Add(token);
            await db.SaveChangesAsync(cancellationToken);
            db.AuditEntries.Add(AuditEntry.Of(AccountsModule.TokenItemType, token.Id, "created", actorId, now, null, TokenSnapshot.Of(token)));
            return await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return secret;
    }

    /// <summary>
    /// Revokes every token a person still has, as when their password changes or two-factor authentication goes off:
    /// whoever took the old password or session keeps no token made with it. Each is audited as <paramref name="action"/>.
    /// Saved with the caller's change when it runs in the caller's transaction.
    /// </summary>
    public async Task RevokeAllAsync(int userId, string action, int? actorId, CancellationToken cancellationToken = default)
    {
        var now = clock.UtcNow();
        var active = await db.ApiTokens.Where(t => t.UserId == userId && t.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var token in active)
        {
            var before = TokenSnapshot.Of(token);
            token.Revoke(now);
            db.AuditEntries.Add(AuditEntry.Of(AccountsModule.TokenItemType, token.Id, action, actorId, now, before, TokenSnapshot.Of(token)));
        }
        await db.SaveChangesAsync(cancellationToken);
        active.ForEach(t => cache.Remove(CacheKey(t.Hash)));
    }

    /// <summary>Removes every token a person has, as when their account is deleted; none works after this.</summary>
    public async Task RemoveAllAsync(int userId, CancellationToken cancellationToken = default)
    {
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).ToListAsync(cancellationToken);
        await db.ApiTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        var now = clock.UtcNow();
        db.AuditEntries.AddRange(tokens.Where(t => t.IsActive).Select(t =>
            AuditEntry.Of(AccountsModule.TokenItemType, t.Id, "removed_with_account", userId, now, TokenSnapshot.Of(t), null)));
        await db.SaveChangesAsync(cancellationToken);
        tokens.ForEach(t => cache.Remove(CacheKey(t.Hash)));
    }

    /// <summary>Revokes one of <paramref name="owner"/>'s tokens; false when it is not theirs or was already revoked.</summary>
    public async Task<bool> RevokeAsync(ClaimsPrincipal owner, int tokenId, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId, cancellationToken);
        if (token is null || !AccountPermissions.CanRevoke(owner, token) || !token.IsActive)
        {
            return false;
        }
        var before = TokenSnapshot.Of(token);
        var now = clock.UtcNow();
        token.Revoke(now);
        db.AuditEntries.Add(AuditEntry.Of(AccountsModule.TokenItemType, token.Id, "revoked", owner.UserId(), now, before, TokenSnapshot.Of(token)));
        await db.SaveChangesAsync(cancellationToken);
        cache.Remove(CacheKey(token.Hash));
        return true;
    }

    /// <summary>The person a token stands for, or null when it is unknown, revoked or their account is closed.</summary>
    public async Task<ClaimsPrincipal?> AuthenticateAsync(string secret, string scheme)
    {
        if (!secret.StartsWith(ApiToken.Prefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }
        var hash = ApiToken.HashOf(secret);
        var now = clock.UtcNow();
        if (cache.TryGetValue(CacheKey(hash), out CachedToken? cached) && cached is not null)
        {
            // The cache keeps its own time; the token's expiry is the service's.
            return cached.ExpiresAt <= now ? null : cached.Principal;
        }

        var found = await db.ApiTokens
            .Where(t => t.Hash == hash && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now))
            .Select(t => new { t.Id, t.User, t.LastUsedAt, t.ExpiresAt, t.IsReadOnly })
            .SingleOrDefaultAsync();
        ClaimsPrincipal? principal = null;
        if (found?.User is { DeletedAt: null } user && !(user.LockoutEnd > clock.GetUtcNow()))
        {
            var identity = (ClaimsIdentity)(await principals.CreateAsync(user)).Identity!;
            var claims = identity.Claims.Append(new Claim(TokenClaims.TokenId, found.Id.ToString(CultureInfo.InvariantCulture)));
            if (found.IsReadOnly)
            {
                claims = claims.Append(new Claim(TokenClaims.ReadOnly, "true"));
            }
            principal = new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, identity.NameClaimType, identity.RoleClaimType));
            if (found.LastUsedAt is null || found.LastUsedAt < now.AddHours(-1))
            {
                // Recorded at most hourly, so reading with a token costs no write.
                using var turn = await gate.EnterAsync(CancellationToken.None);
                await db.ApiTokens.Where(t => t.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now));
            }
        }
        if (principal is not null)
        {
            // Only tokens that work are kept: remembering every wrong guess would let anyone fill the memory.
            cache.Set(CacheKey(hash), new CachedToken(principal, found!.ExpiresAt), CacheFor);
        }
        return principal;
    }

    private static string CacheKey(string hash) => "api-token:" + hash;

    private sealed record CachedToken(ClaimsPrincipal Principal, DateTime? ExpiresAt);
}

/// <summary>Claims a request made with a token carries besides its owner's: which token, and whether it may only read.</summary>
public static class TokenClaims
{
    public const string TokenId = "api_token_id";
    public const string ReadOnly = "api_token_read_only";

    public static int? ApiTokenId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(TokenClaims.TokenId), CultureInfo.InvariantCulture, out var id) ? id : null;

    public static bool HasReadOnlyToken(this ClaimsPrincipal user) => user.HasClaim(ReadOnly, "true");
}

/// <summary>A token as the audit log records it: whose, its name, dates and scope. Never the secret, its hash or its hint.</summary>
public sealed record TokenSnapshot(int UserId, string Name, DateTime CreatedAt, DateTime? RevokedAt, DateTime? ExpiresAt, bool ReadOnly)
{
    public static TokenSnapshot Of(ApiToken t) => new(t.UserId, t.Name, t.CreatedAt, t.RevokedAt, t.ExpiresAt, t.IsReadOnly);
}

/// <summary><c>Authorization: Bearer sod_…</c> on <c>/api</c> requests.</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var principal = await tokens.AuthenticateAsync(header["Bearer ".Length..].Trim(), Scheme.Name);
        return principal is null
            ? AuthenticateResult.Fail("The API token is not valid, or has been revoked.")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
