using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HelpDesk.Core.Storage;
using Microsoft.Extensions.Options;

namespace HelpDesk.Core.Satisfaction;

/// <summary>
/// Signed, expiring survey links: the token names the ticket and the solve it rates, and is the customer's only
/// credential, so it carries an HMAC-SHA256 over those and its expiry. The same solve always gives the same link.
/// </summary>
public sealed class SatisfactionLinks(IOptions<SatisfactionOptions> options, HubSecrets secrets, TimeProvider time)
{
    private const string KeyName = "satisfaction-link-key";
    private byte[]? _key;

    public async Task<string> UrlAsync(long ticket, int solvedVersion, DateTimeOffset solvedAt, CancellationToken cancellationToken) =>
        $"{options.Value.BaseUrl.TrimEnd('/')}/satisfaction/{await TokenAsync(ticket, solvedVersion, solvedAt + options.Value.LinkLifetime, cancellationToken)}";

    public async Task<string> TokenAsync(long ticket, int solvedVersion, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var payload = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{ticket}.{solvedVersion}.{expires.ToUnixTimeSeconds()}"));
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(await SignAsync(payload, cancellationToken))}";
    }

    /// <summary>What a token names, or why it does not count: forged (or damaged) and expired are told apart.</summary>
    public async Task<SatisfactionToken> ReadAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Split('.') is not [var encoded, var signature] || !TryDecode(encoded, out var payload) || !TryDecode(signature, out var given))
        {
            return SatisfactionToken.Forged;
        }

        var expected = await SignAsync(payload, cancellationToken);
        if (!CryptographicOperations.FixedTimeEquals(given, expected))
        {
            return SatisfactionToken.Forged;
        }

        var parts = Encoding.ASCII.GetString(payload).Split('.');
        if (parts is not [var t, var v, var e]
            || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var ticket)
            || !int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            || !long.TryParse(e, NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return SatisfactionToken.Forged;
        }

        return time.GetUtcNow() > DateTimeOffset.FromUnixTimeSeconds(expires)
            ? SatisfactionToken.Expired
            : new SatisfactionToken(SatisfactionTokenState.Valid, ticket, version);
    }

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (Base64Url.DecodeFromChars(text, bytes, out var consumed, out var written) is not System.Buffers.OperationStatus.Done || consumed != text.Length)
        {
            return false;
        }

        bytes = bytes[..written];
        return true;
    }

    private async Task<byte[]> SignAsync(byte[] payload, CancellationToken cancellationToken) =>
        HMACSHA256.HashData(await KeyAsync(cancellationToken), payload)[..16];

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (_key is { } known)
        {
            return known;
        }

        return _key = options.Value.SigningKey is { Length: > 0 } configured
            ? Encoding.UTF8.GetBytes(configured)
            : await secrets.GetOrCreateAsync(KeyName, cancellationToken);
    }
}

public enum SatisfactionTokenState
{
    Valid,
    Forged,
    Expired,
}

/// <summary>A read token: valid (with the ticket and solve it names), forged or expired.</summary>
public sealed record SatisfactionToken(SatisfactionTokenState State, long Ticket = 0, int SolvedVersion = 0)
{
    public static readonly SatisfactionToken Forged = new(SatisfactionTokenState.Forged);
    public static readonly SatisfactionToken Expired = new(SatisfactionTokenState.Expired);
}
