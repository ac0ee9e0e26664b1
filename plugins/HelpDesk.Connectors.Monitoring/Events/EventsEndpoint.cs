using HelpDesk.Connectors.Monitoring.Authentication;
using HelpDesk.Connectors.Monitoring.Hosting;
using HelpDesk.Connectors.Monitoring.Json;
using HelpDesk.Connectors.Monitoring.Reporting;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Webhooks;

namespace HelpDesk.Connectors.Monitoring.Events;

/// <summary>
/// <c>POST /hooks/monitoring/events</c>: PagerDuty Events API v2 bodies, signed with <c>X-HelpDesk-Signature</c>, answered
/// with PagerDuty's responses. Checks in the contract's order: size, signature over the raw bytes, then the event.
/// </summary>
internal sealed class EventsEndpoint(EventsOptions options, SignalReporter reporter) : IMonitoringEndpoint
{
    /// <summary>PagerDuty's documented limit, in KiB; the hub's own limit for webhooks is larger.</summary>
    public const int MaxBodyBytes = 512 * 1024;

    public string Path => "/events";

    public IReadOnlyList<string> Methods { get; } = ["POST"];

    public async Task<WebhookResponse> HandleAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        if (request.Body.Length > MaxBodyBytes)
        {
            return EventsAnswer.TooLarge(MaxBodyBytes);
        }

        // Without a secret nobody can be told apart from an attacker: anonymous alerts are never accepted.
        if (options.HmacSecret is not { } secret)
        {
            return EventsAnswer.Unauthorized("Events:HmacSecret is not configured, so every event is refused");
        }

        var check = EventsSignature.Verify(request, secret);
        if (check != SignatureCheck.Valid)
        {
            return EventsAnswer.Unauthorized(EventsSignature.Explain(check));
        }

        var (e, problem) = JsonBody.Read(request.Body, MonitoringJsonContext.Default.PagerDutyEvent);
        if (e is null)
        {
            return EventsAnswer.Invalid([problem]);
        }

        var (signal, errors) = EventsMapper.Map(e, () => Guid.NewGuid().ToString());
        if (signal is null)
        {
            return EventsAnswer.Invalid(errors);
        }

        var outcome = await reporter.ReportAsync([signal], cancellationToken);
        return outcome.Result switch
        {
            ReportResult.Reported => EventsAnswer.Processed(signal.DedupKey),
            ReportResult.Refused => EventsAnswer.Invalid([outcome.Detail]),
            _ => EventsAnswer.Unavailable(outcome.Detail),
        };
    }
}
