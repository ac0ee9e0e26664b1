namespace HelpDesk.Domain.Alerts;

/// <summary>Where a monitored problem stands at its source.</summary>
public enum AlertStatus
{
    Firing,
    Acknowledged,
    Resolved,
}
