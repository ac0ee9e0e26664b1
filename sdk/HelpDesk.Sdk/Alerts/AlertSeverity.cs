namespace HelpDesk.Sdk.Alerts;

/// <summary>How bad a monitored problem is, in PagerDuty's four levels (which most tools map onto).</summary>
public enum AlertSeverity
{
    /// <summary>For information; nothing is broken.</summary>
    Info,

    /// <summary>May become a problem.</summary>
    Warning,

    /// <summary>Something is failing.</summary>
    Error,

    /// <summary>A service is down or customers are affected.</summary>
    Critical,
}
