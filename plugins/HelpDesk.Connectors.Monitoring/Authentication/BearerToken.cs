using System.Security.Cryptography;
using System.Text;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Webhooks;

namespace HelpDesk.Connectors.Monitoring.Authentication;

/// <summary>Checks <c>Authorization: Bearer {token}</c> against the configured token in constant time.</summary>
internal static class BearerToken
{
    private const string Scheme = "Bearer ";

    public static SignatureCheck Verify(WebhookRequest request, string configured)
    {
        if (request.Header("Authorization") is not { Length: > 0 } header)
        {
            return SignatureCheck.Missing;
        }

        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return SignatureCheck.Malformed;
        }

        // Hashing first makes both sides the same length, so the comparison's time says nothing about the token's length.
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(configured));
        return CryptographicOperations.FixedTimeEquals(given, expected) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    /// <summary>The 401 for a token that is not configured or does not check out, without saying more than the caller needs.</summary>
    public static WebhookResponse? Refusal(WebhookRequest request, string? configured, string settingKey)
    {
        // Without a token nobody can be told apart from an attacker: refuse everyone rather than accept anonymous alerts.
        if (configured is null)
        {
            return WebhookResponse.Unauthorized($"This endpoint refuses every request until {settingKey} is configured.");
        }

        return Verify(request, configured) switch
        {
            SignatureCheck.Valid => null,
            SignatureCheck.Missing => WebhookResponse.Unauthorized("Authorization: a Bearer token is required."),
            SignatureCheck.Malformed => WebhookResponse.Unauthorized("Authorization: expected the Bearer scheme."),
            _ => WebhookResponse.Unauthorized("Authorization: the Bearer token is not the configured one."),
        };
    }
}
