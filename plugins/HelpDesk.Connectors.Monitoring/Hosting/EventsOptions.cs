namespace HelpDesk.Connectors.Monitoring.Hosting;

/// <summary><c>Events:*</c>: without a secret every event is refused.</summary>
/// <param name="HmacSecret">The key of <c>X-HelpDesk-Signature</c>'s HMAC-SHA256.</param>
public sealed record EventsOptions(string? HmacSecret);
