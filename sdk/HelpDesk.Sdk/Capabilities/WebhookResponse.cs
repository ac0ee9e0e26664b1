namespace HelpDesk.Sdk.Capabilities;

/// <summary>What the hub answers the caller of a webhook.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Detail">A short explanation, sent as a problem document's detail for 4xx and 5xx answers.</param>
public sealed record WebhookResponse(int StatusCode, string? Detail = null)
{
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
