using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Connectors.Monitoring.Reporting;

/// <summary>What Alertmanager and Grafana are answered: they retry 5xx only, so an outage must be a 503, never a 4xx.</summary>
internal static class Answers
{
    public static WebhookResponse ForPrometheusSender(ReportOutcome outcome) => outcome.Result switch
    {
        ReportResult.Reported => new WebhookResponse(200),
        ReportResult.Refused => WebhookResponse.BadRequest(outcome.Detail),
        _ => new WebhookResponse(503, outcome.Detail),
    };
}
