using System.Security.Cryptography;
using System.Text;
using HelpDesk.Server.Security;

namespace HelpDesk.Server.Http;

/// <summary>The <c>Idempotency-Key</c> of a request that creates something on a ticket (an escalation, a note, a meeting).</summary>
public static class RequestKeys
{
    public const string Problem = "Idempotency-Key is 1 to 255 visible ASCII characters (a UUID works well).";

    /// <summary>
    /// The caller's key, scoped to the caller so two callers never share one; a fresh id without a header; null for a
    /// malformed header. A retried request with the same key names the same thing, which the ticket records once.
    /// </summary>
    public static string? From(HttpContext http, Caller caller)
    {
        var idempotencyKey = http.Request.Headers["Idempotency-Key"].ToString();
        if (idempotencyKey.Length > 255 || idempotencyKey.Any(c => c is < '!' or > '~'))
        {
            return null;
        }

        return idempotencyKey.Length == 0
            ? Guid.NewGuid().ToString("N")
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{caller.KeyId}:{idempotencyKey}")))[..32];
    }
}
