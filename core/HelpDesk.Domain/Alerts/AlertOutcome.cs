namespace HelpDesk.Domain.Alerts;

/// <summary>What one report did; the SDK's <c>AlertOutcome</c> says the same to plugins.</summary>
public enum AlertOutcome
{
    Opened,
    Occurred,
    Reopened,
    Grouped,
    Acknowledged,
    Resolved,
    Duplicate,
    Ignored,
}
