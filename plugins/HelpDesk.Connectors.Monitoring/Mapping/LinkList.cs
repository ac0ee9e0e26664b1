using HelpDesk.Sdk.Alerts;

namespace HelpDesk.Connectors.Monitoring.Mapping;

/// <summary>Collects an alert's links, keeping only absolute http(s) addresses (what the hub can show) and each once.</summary>
internal sealed class LinkList
{
    public const int MaxUrlLength = 2048;
    private readonly List<AlertLink> _links = [];

    public IReadOnlyList<AlertLink> Links => _links;

    public static bool IsUsable(string? url) =>
        url is { Length: > 0 and <= MaxUrlLength }
        && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https";

    public LinkList Add(string? url, string? text)
    {
        if (IsUsable(url) && !_links.Exists(link => link.Url == url!.Trim()))
        {
            _links.Add(new AlertLink(url!.Trim(), string.IsNullOrWhiteSpace(text) ? null : text.Trim()));
        }

        return this;
    }
}
