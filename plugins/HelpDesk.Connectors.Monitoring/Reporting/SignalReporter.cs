using HelpDesk.Sdk;
using HelpDesk.Sdk.Alerts;
using Microsoft.Extensions.Logging;

namespace HelpDesk.Connectors.Monitoring.Reporting;

/// <summary>
/// Reports a payload's signals to the hub, several at a time: a 10,000-alert notification must finish within the hub's
/// call timeout. Signals of one alert key go one after the other, in payload order, so a firing and its resolution in
/// one payload arrive as sent.
/// </summary>
internal sealed class SignalReporter(IHelpDeskApi helpDesk, ILogger<SignalReporter> logger)
{
    public const int MaxConcurrentReports = 16;

    /// <summary>Seconds a sender is told to wait before retrying when the hub is unavailable.</summary>
    public const int RetryAfterSeconds = 30;

    public async Task<ReportOutcome> ReportAsync(IReadOnlyList<AlertSignal> signals, CancellationToken cancellationToken)
    {
        var byAlert = signals.GroupBy(signal => (signal.Source, signal.DedupKey)).ToList();
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentReports, CancellationToken = cancellationToken };
        try
        {
            await Parallel.ForEachAsync(byAlert, options, async (alert, token) =>
            {
                foreach (var signal in alert)
                {
                    await helpDesk.ReportAlertAsync(signal, token);
                }
            });
            return new ReportOutcome(ReportResult.Reported);
        }
        catch (HelpDeskApiException refused) when (refused.Kind == HelpDeskApiError.Invalid)
        {
            logger.LogWarning(refused, "The hub refused an alert signal ({Field})", refused.Field);
            return new ReportOutcome(ReportResult.Refused, $"The hub refused an alert: {refused.Field}: {refused.Message}");
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever else the hub throws is its own trouble, not the sender's: answer so that the sender retries.
            logger.LogError(error, "Reporting {Count} alert signal(s) to the hub failed", signals.Count);
            return new ReportOutcome(ReportResult.Unavailable, $"The hub cannot record alerts right now; retry in {RetryAfterSeconds} seconds.");
        }
    }
}
