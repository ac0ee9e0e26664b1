using HelpDesk.Domain.Alerts;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Alerts;

/// <summary>The <c>HelpDesk:Alerts</c> section (<c>HELPDESK__ALERTS__REOPENWINDOW=02:00:00</c>); defaults in <see cref="AlertPolicy"/>.</summary>
public sealed class AlertOptions
{
    private static readonly AlertPolicy Defaults = new();

    /// <summary>Severity to priority, e.g. <c>HelpDesk:Alerts:SeverityPriorities:Warning = High</c>; unnamed severities keep their default.</summary>
    public Dictionary<AlertSeverity, Priority> SeverityPriorities { get; set; } = new(Defaults.SeverityPriorities);

    public List<string> QueueLabels { get; set; } = [];

    public bool SolveOnResolve { get; set; } = Defaults.SolveOnResolve;

    public TimeSpan ReopenWindow { get; set; } = Defaults.ReopenWindow;

    public int FlapThreshold { get; set; } = Defaults.FlapThreshold;

    public TimeSpan FlapWindow { get; set; } = Defaults.FlapWindow;

    public int StormThreshold { get; set; } = Defaults.StormThreshold;

    public TimeSpan StormWindow { get; set; } = Defaults.StormWindow;

    public AlertPolicy ToPolicy()
    {
        if (ReopenWindow < TimeSpan.Zero || FlapWindow <= TimeSpan.Zero || StormWindow <= TimeSpan.Zero || FlapThreshold < 0 || StormThreshold < 1)
        {
            throw new InvalidOperationException(
                "HelpDesk:Alerts: ReopenWindow must not be negative, FlapWindow and StormWindow must be positive, FlapThreshold at least 0 (0 turns it off) and StormThreshold at least 1.");
        }

        return new AlertPolicy
        {
            SeverityPriorities = new Dictionary<AlertSeverity, Priority>(SeverityPriorities),
            QueueLabels = QueueLabels.Count > 0 ? [.. QueueLabels] : Defaults.QueueLabels,
            SolveOnResolve = SolveOnResolve,
            ReopenWindow = ReopenWindow,
            FlapThreshold = FlapThreshold,
            FlapWindow = FlapWindow,
            StormThreshold = StormThreshold,
            StormWindow = StormWindow,
        };
    }
}
