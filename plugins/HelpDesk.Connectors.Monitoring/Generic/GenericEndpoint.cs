using HelpDesk.Connectors.Monitoring.Authentication;
using HelpDesk.Connectors.Monitoring.Hosting;
using HelpDesk.Connectors.Monitoring.Json;
using HelpDesk.Connectors.Monitoring.Reporting;
using HelpDesk.Sdk.Alerts;
using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Connectors.Monitoring.Generic;

/// <summary>
/// <c>POST /hooks/monitoring/generic</c>: one alert in the generic form, or an array of them, with a bearer token.
/// Answers 202 once all are reported; a bad body gets 400 naming the field (a problem document, from the hub).
/// </summary>
internal sealed class GenericEndpoint(GenericOptions options, SignalReporter reporter) : IMonitoringEndpoint
{
    public string Path => "/generic";

    public IReadOnlyList<string> Methods { get; } = ["POST"];

    public async Task<WebhookResponse> HandleAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        if (BearerToken.Refusal(request, options.BearerToken, "Generic:BearerToken") is { } refusal)
        {
            return refusal;
        }

        var (signals, problem) = Read(request.Body);
        if (signals is null)
        {
            return WebhookResponse.BadRequest(problem);
        }

        var outcome = await reporter.ReportAsync(signals, cancellationToken);
        return outcome.Result switch
        {
            ReportResult.Reported => new WebhookResponse(202, $"Reported {signals.Count} alert(s)."),
            ReportResult.Refused => WebhookResponse.BadRequest(outcome.Detail),
            _ => new WebhookResponse(503, outcome.Detail),
        };
    }

    private (IReadOnlyList<AlertSignal>? Signals, string Problem) Read(ReadOnlyMemory<byte> body)
    {
        var isArray = body.Span.TrimStart(" \t\r\n"u8) is [(byte)'[', ..];
        if (!isArray)
        {
            var (alert, problem) = JsonBody.Read(body, MonitoringJsonContext.Default.GenericAlert);
            var (signal, invalid) = alert is null ? (null, problem) : GenericMapper.Map(alert, "", options.Source);
            return signal is null ? (null, invalid) : ([signal], "");
        }

        var (alerts, malformed) = JsonBody.Read(body, MonitoringJsonContext.Default.ListGenericAlert);
        if (alerts is null)
        {
            return (null, malformed);
        }

        var signals = new List<AlertSignal>(alerts.Count);
        for (var index = 0; index < alerts.Count; index++)
        {
            var (signal, invalid) = GenericMapper.Map(alerts[index], $"[{index}].", options.Source);
            if (signal is null)
            {
                return (null, invalid);
            }

            signals.Add(signal);
        }

        return (signals, "");
    }
}
