namespace HelpDesk.Sdk.Alerts;

/// <summary>What the hub did with one <see cref="AlertSignal"/>.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="TicketNumber">The ticket the alert is on; null when it is on none (a resolve for an alert never seen).</param>
/// <param name="Occurrences">How many firings the alert has had on that ticket.</param>
public sealed record AlertReport(AlertOutcome Outcome, long? TicketNumber, int Occurrences);
