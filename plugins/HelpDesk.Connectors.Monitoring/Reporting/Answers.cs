using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Connectors.Monitoring.Reporting;

/// <summary>What Alertmanager and Grafana are answered: they retry 5xx only, so an outage must be a 503, never a 4xx.</summary>
internal static class Answers
{
    /// <summary>How long a sender should wait after a 503 before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static WebhookResponse ForPrometheusSender(ReportOutcome outcome) => outcome.Result switch
    {
        ReportResult.Reported => new WebhookResponse(200),
        ReportResult.Refused => WebhookResponse.BadRequest(outcome.Detail),
        _ => WebhookResponse.Unavailable(outcome.Detail, RetryAfter),
    };
}
