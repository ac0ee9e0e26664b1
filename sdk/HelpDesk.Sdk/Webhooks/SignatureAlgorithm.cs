namespace HelpDesk.Sdk.Webhooks;

/// <summary>The keyed hash a sender uses to sign its webhook bodies.</summary>
public enum SignatureAlgorithm
{
    /// <summary>HMAC with SHA-256: GitHub's <c>X-Hub-Signature-256</c>, Grafana, most modern senders.</summary>
    HmacSha256,

    /// <summary>HMAC with SHA-1: only for senders that offer nothing better.</summary>
    HmacSha1,
}
