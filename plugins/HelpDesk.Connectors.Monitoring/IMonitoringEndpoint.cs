using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Connectors.Monitoring;

/// <summary>One sender's endpoint under <c>/hooks/monitoring</c>.</summary>
internal interface IMonitoringEndpoint
{
    /// <summary>The sub-path it answers, such as <c>/alertmanager</c>.</summary>
    string Path { get; }

    /// <summary>The HTTP methods its sender uses.</summary>
    IReadOnlyList<string> Methods { get; }

    Task<WebhookResponse> HandleAsync(WebhookRequest request, CancellationToken cancellationToken);
}
