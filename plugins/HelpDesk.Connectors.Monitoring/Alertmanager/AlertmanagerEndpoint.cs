using HelpDesk.Connectors.Monitoring.Authentication;
using HelpDesk.Connectors.Monitoring.Hosting;
using HelpDesk.Connectors.Monitoring.Json;
using HelpDesk.Connectors.Monitoring.Prometheus;
using HelpDesk.Connectors.Monitoring.Reporting;
using HelpDesk.Sdk.Capabilities;
using Microsoft.Extensions.Logging;

namespace HelpDesk.Connectors.Monitoring.Alertmanager;

/// <summary>
/// <c>POST /hooks/monitoring/alertmanager</c>: Alertmanager's webhook (payload version 4), bearer token. Answers 200
/// only once every alert is reported; never 429, which Alertmanager would not retry; 503 when the hub fails.
/// </summary>
internal sealed class AlertmanagerEndpoint(AlertmanagerOptions options, SignalReporter reporter, ILogger<AlertmanagerEndpoint> logger) : IMonitoringEndpoint
{
    public string Path => "/alertmanager";

    public IReadOnlyList<string> Methods { get; } = ["POST"];

    public async Task<WebhookResponse> HandleAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        if (BearerToken.Refusal(request, options.BearerToken, "Alertmanager:BearerToken") is { } refusal)
        {
            return refusal;
        }

        var (notification, problem) = JsonBody.Read(request.Body, MonitoringJsonContext.Default.AlertmanagerNotification);
        if (notification is null)
        {
            return WebhookResponse.BadRequest(problem);
        }

        return await PrometheusNotificationHandler.ReportAsync(notification, "Alertmanager", "4", options.Source, reporter, logger, cancellationToken);
    }
}
