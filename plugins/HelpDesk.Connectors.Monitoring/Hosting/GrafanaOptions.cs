namespace HelpDesk.Connectors.Monitoring.Hosting;

/// <summary><c>Grafana:*</c>: without a token every notification is refused; with a signing secret the HMAC is required too.</summary>
/// <param name="BearerToken">What the contact point sends as <c>Authorization: Bearer …</c>.</param>
/// <param name="SigningSecret">The contact point's HMAC secret, or null when it does not sign.</param>
/// <param name="Source">The source name its signals carry.</param>
public sealed record GrafanaOptions(string? BearerToken, string? SigningSecret, string Source);
