namespace HelpDesk.Sdk.Webhooks;

/// <summary>The outcome of checking a webhook signature; anything but <see cref="Valid"/> should be answered with 401.</summary>
public enum SignatureCheck
{
    /// <summary>The signature matches the body (and the timestamp, when one is required, is recent).</summary>
    Valid,

    /// <summary>The request carries no signature (or no timestamp where one is required).</summary>
    Missing,

    /// <summary>The signature or timestamp is not in the expected form (wrong prefix, not hex, not a number).</summary>
    Malformed,

    /// <summary>The signature is well formed but does not match: wrong secret, or a body changed on the way.</summary>
    Mismatch,

    /// <summary>The timestamp is outside the allowed tolerance: possibly a replayed request.</summary>
    Expired,
}
