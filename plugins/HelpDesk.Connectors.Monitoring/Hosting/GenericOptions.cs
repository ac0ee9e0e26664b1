namespace HelpDesk.Connectors.Monitoring.Hosting;

/// <summary><c>Generic:*</c>: without a token every request is refused.</summary>
/// <param name="BearerToken">What senders put in <c>Authorization: Bearer …</c>.</param>
/// <param name="Source">The source name of alerts that do not name their own.</param>
public sealed record GenericOptions(string? BearerToken, string Source);
