namespace HelpDesk.Connectors.Monitoring.Hosting;

/// <summary><c>Alertmanager:*</c>: without a token every notification is refused.</summary>
/// <param name="BearerToken">What Alertmanager sends as <c>Authorization: Bearer …</c>.</param>
/// <param name="Source">The source name its signals carry.</param>
public sealed record AlertmanagerOptions(string? BearerToken, string Source);
