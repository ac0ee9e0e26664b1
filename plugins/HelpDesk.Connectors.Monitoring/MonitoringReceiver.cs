using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Connectors.Monitoring;

/// <summary>Routes <c>/hooks/monitoring/{path}</c> to the endpoint of that sender.</summary>
internal sealed class MonitoringReceiver(IEnumerable<IMonitoringEndpoint> endpoints) : IWebhookReceiver
{
    private readonly IReadOnlyList<IMonitoringEndpoint> _endpoints = [.. endpoints];

    public Task<WebhookResponse> ReceiveAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        var path = request.Path.Length > 1 ? request.Path.TrimEnd('/') : request.Path;
        var endpoint = _endpoints.FirstOrDefault(e => string.Equals(e.Path, path, StringComparison.OrdinalIgnoreCase));
        if (endpoint is null)
        {
            return Task.FromResult(new WebhookResponse(404, $"Nothing is at {request.Path}; endpoints are {string.Join(", ", _endpoints.Select(e => e.Path))}."));
        }

        if (!endpoint.Methods.Contains(request.Method, StringComparer.OrdinalIgnoreCase))
        {
            return Task.FromResult(new WebhookResponse(405, $"{endpoint.Path} accepts {string.Join(" or ", endpoint.Methods)}."));
        }

        return endpoint.HandleAsync(request, cancellationToken);
    }
}
