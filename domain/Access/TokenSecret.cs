using System.Security.Cryptography;
using System.Text;

namespace QmInsights.Domain.Access;

/// <summary>Token secrets: 256 random bits, URL-safe, prefixed so a leaked one is recognisable in logs and
/// secret scanners; stored only as a SHA-256 hash (a random 256-bit secret needs no salt or slow hash).</summary>
public static class TokenSecret
{
    public const string Prefix = "qm_";

    public static string New() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string NewId() => Base64Url(RandomNumberGenerator.GetBytes(9));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
