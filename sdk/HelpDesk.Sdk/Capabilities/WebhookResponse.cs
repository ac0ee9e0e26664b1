namespace HelpDesk.Sdk.Capabilities;

/// <summary>What the hub answers the caller of a webhook.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Detail">A short explanation, sent as a problem document's detail for 4xx and 5xx answers.</param>
public sealed record WebhookResponse(int StatusCode, string? Detail = null)
{
    /// <summary>
    /// A body to send exactly as given, for senders whose API defines the answer (PagerDuty's
    /// <c>{"status", "message", "dedup_key"}</c>); it replaces the hub's own body (a problem document for 4xx and 5xx).
    /// </summary>
    public string? Body { get; init; }

    /// <summary>The media type of <see cref="Body"/>; <c>application/json</c> when null.</summary>
    public string? ContentType { get; init; }

    /// <summary>
    /// Response headers to add, such as <c>Retry-After</c> on a 429 or 503. Headers that describe the message itself
    /// (Content-Length, Content-Type, Transfer-Encoding, Connection) are the hub's and are ignored here.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;

    /// <summary>An answer with a body the sender's API defines.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="json">The JSON text to send.</param>
    public static WebhookResponse Json(int statusCode, string json) => new(statusCode) { Body = json, ContentType = "application/json" };

    /// <summary>503: the plugin cannot take the call now; the sender should retry after <paramref name="retryAfter"/>.</summary>
    /// <param name="detail">Why.</param>
    /// <param name="retryAfter">Sent as <c>Retry-After</c> in whole seconds (at least 1).</param>
    public static WebhookResponse Unavailable(string detail, TimeSpan retryAfter) => new(503, detail)
    {
        Headers = new Dictionary<string, string> { ["Retry-After"] = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };

    /// <summary>202: received, will be processed.</summary>
    public static WebhookResponse Accepted() => new(202);

    /// <summary>204: received, nothing to say.</summary>
    public static WebhookResponse NoContent() => new(204);

    /// <summary>401: the signature did not verify; nothing was changed.</summary>
    /// <param name="detail">Why, without secrets.</param>
    public static WebhookResponse Unauthorized(string detail) => new(401, detail);

    /// <summary>400: the payload is not what the sender's API promises.</summary>
    /// <param name="detail">What is wrong with it.</param>
    public static WebhookResponse BadRequest(string detail) => new(400, detail);
}
