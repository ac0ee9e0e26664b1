using System.Collections.Concurrent;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Alerts;
using NSubstitute;

namespace HelpDesk.Connectors.Monitoring.Tests;

/// <summary>
/// A hub that records alert signals and opens nothing. For what RecordingHelpDeskApi's first cut of the alert rules
/// refuses although the SDK allows it: a source with a colon (<c>events:{routing_key}</c>, which it turns into an
/// invalid requester address) and summaries longer than a ticket subject (which the SDK says the hub cuts).
/// </summary>
internal sealed class CapturingHub
{
    private readonly ConcurrentQueue<AlertSignal> _signals = new();

    public CapturingHub()
    {
        Api = Substitute.For<IHelpDeskApi>();
        Api.ReportAlertAsync(Arg.Any<AlertSignal>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            _signals.Enqueue(call.Arg<AlertSignal>());
            return new AlertReport(AlertOutcome.Opened, 1, 1);
        });
    }

    public IHelpDeskApi Api { get; }

    public IReadOnlyList<AlertSignal> Signals => [.. _signals];
}
