using System.Net;

namespace HelpDesk.Connectors.Zoom.Api;

/// <summary>
/// Zoom refused a request or could not be reached; the message says which request and why, and never carries a
/// credential, an access token or a start link.
/// </summary>
internal sealed class ZoomApiException(HttpStatusCode? status, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Zoom's answer, or null when none came (timeout, connection refused, circuit open).</summary>
    public HttpStatusCode? Status { get; } = status;
}
