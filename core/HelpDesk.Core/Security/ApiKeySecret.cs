using System.Security.Cryptography;
using System.Text;

namespace HelpDesk.Core.Security;

/// <summary>
/// Keys carry 256 random bits, so a single SHA-256 is enough to store them safely (a slow password hash
/// protects guessable secrets; these are not guessable) and lets every request be checked in microseconds.
/// </summary>
public static class ApiKeySecret
{
    public const string Prefix = "hd_";

    public static string Generate() => Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>The first characters, shown in listings so a person can tell keys apart.</summary>
    public static string Visible(string secret) => secret.Length <= 10 ? secret : secret[..10];

    private static string Base64UrlEncode(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
