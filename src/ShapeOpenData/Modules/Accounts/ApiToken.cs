using System.Security.Cryptography;
using System.Text;

namespace ShapeOpenData.Modules.Accounts;

/// <summary>
/// A personal API token. Only its SHA-256 hash is stored: the token itself is shown once, when it is made.
/// </summary>
public sealed class ApiToken
{
    public const string Prefix = "sod_";

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

    public bool IsActive => RevokedAt is null;

    private ApiToken() { }

    /// <summary>Makes a token for <paramref name="userId"/>; returns it with the secret to show once.</summary>
    public static (ApiToken Token, string Secret) Issue(int userId, string name, DateTime now)
    {
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        return (new ApiToken
        {
            UserId = userId,
            Name = name,
            Hash = HashOf(secret),
            Hint = secret[..(Prefix.Length + 6)],
            CreatedAt = now,
        }, secret);
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public void Revoke(DateTime now) => RevokedAt ??= now;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
