namespace HelpDesk.Sdk.Alerts;

/// <summary>Where a monitored problem stands, as the monitoring system says.</summary>
public enum AlertStatus
{
    /// <summary>Happening now.</summary>
    Firing,

    /// <summary>Still happening, but someone at the monitoring side has taken it.</summary>
    Acknowledged,

    /// <summary>Over.</summary>
    Resolved,
}
