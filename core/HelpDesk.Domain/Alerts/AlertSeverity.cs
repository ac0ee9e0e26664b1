namespace HelpDesk.Domain.Alerts;

/// <summary>PagerDuty's four levels, ordered from least to most severe.</summary>
public enum AlertSeverity
{
    Info,
    Warning,
    Error,
    Critical,
}
