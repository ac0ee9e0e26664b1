using HelpDesk.Domain.Alerts;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Alerts;

/// <summary>The one way in for alert reports, shared by plugins (<c>IHelpDeskApi.ReportAlertAsync</c>) and the REST API.</summary>
public sealed class AlertCommands(IGrainFactory grains)
{
    public Task<AlertResult> ReportAsync(ReportAlert report, Actor actor)
    {
        if (AlertInput.Check(report) is { } problem)
        {
            return Task.FromResult(AlertResult.Rejected(problem));
        }

        // Keyed after trimming, so " checkout" and "checkout" are one alert.
        var normalised = AlertInput.Normalise(report);
        return grains.GetGrain<IAlertGrain>(AlertKeys.Of(normalised.Source, normalised.DedupKey)).Report(normalised, actor);
    }
}
