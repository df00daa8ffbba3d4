using System.Security.Cryptography;
using System.Text;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Accounts;

/// <summary>
/// A personal API token. Only its SHA-256 hash is stored: the token itself is shown once, when it is made.
/// </summary>
public sealed class ApiToken
{
    public const string Prefix = "sod_";
    public const int NameMaxLength = 100;

    public int Id { get; private set; }
    public int UserId { get; private set; }
    public User? User { get; private set; }
    public string Name { get; private set; } = "";
    public string Hash { get; private set; } = "";

    /// <summary>The first characters, so a person can tell their tokens apart.</summary>
    public string Hint { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? LastUsedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    /// <summary>When it stops working by itself; null for a token that never runs out.</summary>
    public DateTime? ExpiresAt { get; private set; }

    /// <summary>A read-only token reads what its owner may read and changes nothing: the API refuses it any write.</summary>
    public bool IsReadOnly { get; private set; }

    /// <summary>Not revoked (it may still have run out: see <see cref="WorksAt"/>).</summary>
    public bool IsActive => RevokedAt is null;

    public bool WorksAt(DateTime now) => IsActive && !(ExpiresAt <= now);

    private ApiToken() { }

    /// <summary>Makes a token for <paramref name="userId"/>; returns it with the secret to show once.</summary>
    public static (ApiToken Token, string Secret) Issue(int userId, string name, TokenTerms terms, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength)
        {
            throw new RuleException($"Enter a name for the token, in {NameMaxLength} characters or fewer");
        }
        if (terms.Lifetime is { } lifetime && (lifetime <= TimeSpan.Zero || lifetime > TokenTerms.LongestLifetime))
        {
            throw new RuleException("A token can last up to a year, or have no expiry");
        }
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        return (new ApiToken
        {
            UserId = userId,
            Name = name.Trim(),
            Hash = HashOf(secret),
            Hint = secret[..(Prefix.Length + 6)],
            CreatedAt = now,
            ExpiresAt = now + terms.Lifetime,
            IsReadOnly = terms.ReadOnly,
        }, secret);
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public void Revoke(DateTime now) => RevokedAt ??= now;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>What a new token may do and for how long.</summary>
/// <param name="Lifetime">How long it works from when it is made; null for no expiry.</param>
/// <param name="ReadOnly">True for a token that may only read.</param>
public sealed record TokenTerms(TimeSpan? Lifetime, bool ReadOnly)
{
    public static readonly TimeSpan LongestLifetime = TimeSpan.FromDays(365);

    /// <summary>A year, reading and writing: the command line's tokens, and the page's choice unless the person picks otherwise.</summary>
    public static TokenTerms Default { get; } = new(LongestLifetime, ReadOnly: false);
}
