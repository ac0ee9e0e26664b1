namespace HelpDesk.Sdk.Capabilities;

/// <summary>An HTTP call to a plugin's webhook, as received. New members may be added.</summary>
/// <param name="Method">The HTTP method (<c>POST</c>).</param>
/// <param name="Path">What follows <c>/hooks/{pluginId}</c>, starting with <c>/</c> (just <c>/</c> when nothing does).</param>
/// <param name="Query">The query string's parameters.</param>
/// <param name="Headers">The headers, names compared without regard to case.</param>
/// <param name="Body">The body's raw bytes: verify signatures over these, not over re-serialised JSON.</param>
/// <param name="ReceivedAt">When the hub received it.</param>
public sealed record WebhookRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Query,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Headers,
    ReadOnlyMemory<byte> Body,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The first value of a header, or null when absent.</summary>
    /// <param name="name">The header's name, in any case.</param>
    public string? Header(string name) => Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
}
