using HelpDesk.Connectors.Monitoring.Authentication;
using HelpDesk.Connectors.Monitoring.Hosting;
using HelpDesk.Connectors.Monitoring.Json;
using HelpDesk.Connectors.Monitoring.Prometheus;
using HelpDesk.Connectors.Monitoring.Reporting;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Webhooks;
using Microsoft.Extensions.Logging;

namespace HelpDesk.Connectors.Monitoring.Grafana;

/// <summary>
/// <c>POST</c> or <c>PUT /hooks/monitoring/grafana</c>: Grafana's webhook contact point (payload version 1), bearer token,
/// and its HMAC signature too when a signing secret is configured.
/// </summary>
internal sealed class GrafanaEndpoint(GrafanaOptions options, SignalReporter reporter, TimeProvider time, ILogger<GrafanaEndpoint> logger) : IMonitoringEndpoint
{
    public string Path => "/grafana";

    public IReadOnlyList<string> Methods { get; } = ["POST", "PUT"];

    public async Task<WebhookResponse> HandleAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        if (BearerToken.Refusal(request, options.BearerToken, "Grafana:BearerToken") is { } refusal)
        {
            return refusal;
        }

        if (options.SigningSecret is { } secret && GrafanaSignature.Verify(request, secret, time.GetUtcNow()) is var check && check != SignatureCheck.Valid)
        {
            return WebhookResponse.Unauthorized(GrafanaSignature.Explain(check));
        }

        var (notification, problem) = JsonBody.Read(request.Body, MonitoringJsonContext.Default.GrafanaNotification);
        if (notification is null)
        {
            return WebhookResponse.BadRequest(problem);
        }

        return await PrometheusNotificationHandler.ReportAsync(notification, "Grafana", "1", options.Source, reporter, logger, cancellationToken);
    }
}
